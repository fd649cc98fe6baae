package cn.jiaoyun.plugins.port;

import cn.jiaoyun.plugin.api.ModuleProblem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The fields of a JSON request body. A wrong field is answered at once with 400 naming it (a form
 * shows one message at a time; files are checked by {@link Columns}, which collects them all).
 */
final class Body {

    private final Map<String, Object> json;

    Body(Map<String, Object> json) {
        this.json = json;
    }

    boolean has(String field) {
        return json.containsKey(field);
    }

    String text(String field, String nameZh, boolean required) {
        Object v = json.get(field);
        if (v == null || v.toString().isBlank()) {
            if (required) {
                throw ModuleProblem.badInput(field, "请填写" + nameZh, field + " is required");
            }
            return null;
        }
        return v.toString().strip();
    }

    /** A number of 0 or more, or null when absent; {@code scale} decimals at most. */
    BigDecimal number(String field, String nameZh, int scale, boolean required) {
        Object v = json.get(field);
        if (v == null || v.toString().isBlank()) {
            if (required) {
                throw ModuleProblem.badInput(field, "请填写" + nameZh, field + " is required");
            }
            return null;
        }
        BigDecimal n;
        try {
            n = new BigDecimal(v.toString());
        } catch (NumberFormatException e) {
            throw ModuleProblem.badInput(field, nameZh + "应为数字，而不是“" + v + "”", field + " must be a number, not '" + v + "'");
        }
        if (n.signum() < 0) {
            throw ModuleProblem.badInput(field, nameZh + "不能为负数", field + " must not be negative");
        }
        if (n.stripTrailingZeros().scale() > scale) {
            throw ModuleProblem.badInput(field, scale == 0 ? nameZh + "应为整数" : nameZh + "小数不超过 " + scale + " 位",
                    scale == 0 ? field + " must be a whole number" : field + " has at most " + scale + " decimals");
        }
        return n;
    }

    LocalDate date(String field, String nameZh) {
        String v = text(field, nameZh, false);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ModuleProblem.badInput(field, nameZh + "应写作 2023-06-30", field + " is a date such as 2023-06-30");
        }
    }

    YearMonth month(String field, String nameZh) {
        String v = text(field, nameZh, true);
        try {
            return YearMonth.parse(v);
        } catch (DateTimeParseException e) {
            throw ModuleProblem.badInput(field, nameZh + "应写作 2023-06", field + " is a month such as 2023-06");
        }
    }

    <E extends Enum<E> & Labelled> E oneOf(String field, String nameZh, Class<E> type, boolean required) {
        String v = text(field, nameZh, required);
        if (v == null) {
            return null;
        }
        return Labelled.parse(type, v).orElseThrow(() -> ModuleProblem.badInput(field,
                nameZh + "应为" + Labelled.choicesZh(type) + "之一，而不是“" + v + "”",
                field + " is one of " + Labelled.choicesEn(type) + ", not '" + v + "'"));
    }
}
