package cn.jiaoyun.plugins.overload;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One weigh-in-motion pass as a lane reports it. {@link #parse} reads the fields by name from a
 * CSV row or a JSON object and says, in Chinese and English, which field is wrong.
 */
record PassRecord(String recordId, String site, String lane, Instant passedAt, String plate, String plateColour,
                  Integer axles, VehicleKind kind, Boolean singleDriveAxle, int grossKg, int[] axleWeights,
                  BigDecimal speedKmh) {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d H:mm[:ss]");

    /** Field names and the Chinese headings lanes' exports use for them. */
    static final Map<String, String> HEADINGS = Map.ofEntries(
            Map.entry("记录编号", "record_id"), Map.entry("流水号", "record_id"),
            Map.entry("站点", "site"), Map.entry("站点编号", "site"), Map.entry("车道", "lane"), Map.entry("车道编号", "lane"),
            Map.entry("过车时间", "passed_at"), Map.entry("检测时间", "passed_at"),
            Map.entry("车牌", "plate"), Map.entry("车牌号", "plate"), Map.entry("车牌颜色", "plate_colour"),
            Map.entry("轴数", "axles"), Map.entry("车型", "vehicle_kind"), Map.entry("车辆类型", "vehicle_kind"),
            Map.entry("总重", "gross_kg"), Map.entry("总重(kg)", "gross_kg"), Map.entry("轴重", "axle_weights"),
            Map.entry("车速", "speed_kmh"), Map.entry("单驱动轴", "single_drive_axle"));

    static final List<String> REQUIRED = List.of("record_id", "site", "lane", "passed_at", "plate", "axles", "gross_kg");

    /** A field that cannot be read: its name and the reason in both languages. */
    static final class BadField extends RuntimeException {
        final String field;
        final String zh;

        BadField(String field, String zh, String en) {
            super(en);
            this.field = field;
            this.zh = zh;
        }
    }

    /** Reads a pass from fields by name (values as text; absent or blank means not given). */
    static PassRecord parse(Map<String, String> f) {
        for (String name : REQUIRED) {
            if (blank(f.get(name))) {
                throw new BadField(name, "缺少 " + name, name + " is missing");
            }
        }
        Integer axles = integer(f, "axles");
        VehicleKind kind = blank(f.get("vehicle_kind")) ? null : VehicleKind.parse(f.get("vehicle_kind"));
        if (!blank(f.get("vehicle_kind")) && kind == null) {
            throw new BadField("vehicle_kind", "车型“" + f.get("vehicle_kind") + "”应为货车或汽车列车",
                    "vehicle_kind '" + f.get("vehicle_kind") + "' is truck or combination");
        }
        int gross = integer(f, "gross_kg");
        if (gross <= 0) {
            throw new BadField("gross_kg", "总重须为正数", "gross_kg must be positive");
        }
        return new PassRecord(f.get("record_id").strip(), f.get("site").strip(), f.get("lane").strip(),
                instant(f.get("passed_at")), f.get("plate").strip(), blankToNull(f.get("plate_colour")),
                axles, kind, bool(f, "single_drive_axle"), gross, weights(f.get("axle_weights")),
                decimal(f, "speed_kmh"));
    }

    static Instant instant(String text) {
        String t = text.strip();
        try {
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(t.replace(' ', 'T')).toInstant();
            }
            if (t.contains("T")) {
                return LocalDateTime.parse(t).atZone(CHINA).toInstant();
            }
            if (t.contains("/")) {
                return LocalDateTime.parse(t, SLASHED).atZone(CHINA).toInstant();
            }
            return LocalDateTime.parse(t, SPACED).atZone(CHINA).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadField("passed_at", "过车时间“" + t + "”无法识别（如 2020-06-01 08:30:00）",
                    "passed_at '" + t + "' is not a time such as 2020-06-01 08:30:00");
        }
    }

    private static Integer integer(Map<String, String> f, String name) {
        String v = f.get(name);
        try {
            return Integer.valueOf(v.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new BadField(name, name + " 应为整数，而不是“" + v + "”", name + " must be a whole number, not '" + v + "'");
        }
    }

    private static BigDecimal decimal(Map<String, String> f, String name) {
        String v = f.get(name);
        if (blank(v)) {
            return null;
        }
        try {
            return new BigDecimal(v.strip());
        } catch (NumberFormatException e) {
            throw new BadField(name, name + " 应为数字，而不是“" + v + "”", name + " must be a number, not '" + v + "'");
        }
    }

    private static Boolean bool(Map<String, String> f, String name) {
        String v = f.get(name);
        if (blank(v)) {
            return null;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "是", "y", "yes" -> true;
            case "false", "0", "否", "n", "no" -> false;
            default -> throw new BadField(name, name + " 应为是或否", name + " must be true or false");
        };
    }

    private static int[] weights(String v) {
        if (blank(v)) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (String part : v.split("[;|/ ]+")) {
            if (!part.isBlank()) {
                try {
                    out.add(Integer.valueOf(part.strip()));
                } catch (NumberFormatException e) {
                    throw new BadField("axle_weights", "轴重“" + v + "”应为以分号分隔的整数", "axle_weights '" + v + "' are whole numbers separated by ;");
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
