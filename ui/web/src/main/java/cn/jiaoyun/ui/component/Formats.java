package cn.jiaoyun.ui.component;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates and times as Chinese bureaus write them, in China Standard Time. */
public final class Formats {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Formats() {
    }

    public static String dateTime(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(CHINA).format(DATE_TIME);
    }

    public static String dateTime(java.time.Instant time) {
        return time == null ? "" : time.atZone(CHINA).format(DATE_TIME);
    }
}
