package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.ModuleProblem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/** Reads a JSON body's fields, naming the field that is wrong in Chinese and English. */
final class Fields {

    private final Map<String, Object> body;

    Fields(Map<String, Object> body) {
        this.body = body;
    }

    String text(String field, boolean required) {
        Object v = body.get(field);
        if (v == null || v.toString().isBlank()) {
            if (required) {
                throw ModuleProblem.badInput(field, "缺少 " + field, field + " is required");
            }
            return null;
        }
        return v.toString().strip();
    }

    String oneOf(String field, Set<String> allowed, boolean required) {
        String v = text(field, required);
        if (v != null && !allowed.contains(v)) {
            throw ModuleProblem.badInput(field, field + " 应为 " + String.join("、", allowed) + " 之一",
                    field + " is one of " + allowed);
        }
        return v;
    }

    BigDecimal number(String field, boolean required) {
        Object v = body.get(field);
        if (v == null) {
            if (required) {
                throw ModuleProblem.badInput(field, "缺少 " + field, field + " is required");
            }
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(v.toString());
            if (n.signum() < 0) {
                throw ModuleProblem.badInput(field, field + " 不能为负数", field + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ModuleProblem.badInput(field, field + " 应为数字，而不是“" + v + "”", field + " must be a number, not '" + v + "'");
        }
    }

    LocalDate date(String field) {
        String v = text(field, false);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ModuleProblem.badInput(field, field + " 应为日期，如 2023-06-30", field + " must be a date such as 2023-06-30");
        }
    }

    /** A month written {@code 2023-06}, or null when absent. */
    YearMonth month(String field) {
        String v = text(field, false);
        try {
            return v == null ? null : YearMonth.parse(v);
        } catch (DateTimeParseException e) {
            throw ModuleProblem.badInput(field, field + " 应为年月，如 2023-06", field + " must be a month such as 2023-06");
        }
    }

    /** A yes/no field: JSON true/false, or null when absent. */
    Boolean bool(String field) {
        Object v = body.get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw ModuleProblem.badInput(field, field + " 应为 true 或 false", field + " must be true or false");
    }
}
