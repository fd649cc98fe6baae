package cn.jiaoyun.core.assessment.extraction;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The month (and possibly day) of the assessment year by which a target is due. An empty day
 * means the end of the month: 6月底 and 6月份 are both "by the end of June". The year is not
 * part of it because a work list is always read against its own assessment year.
 */
public record Deadline(int month, OptionalInt day, TextSpan span) {

    public Deadline {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month out of range: " + month);
        }
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(span, "span");
        if (day.isPresent() && (day.getAsInt() < 1 || day.getAsInt() > 31)) {
            throw new IllegalArgumentException("day out of range: " + day.getAsInt());
        }
    }

    public static Deadline endOf(int month, TextSpan span) {
        return new Deadline(month, OptionalInt.empty(), span);
    }

    public static Deadline on(int month, int day, TextSpan span) {
        return new Deadline(month, OptionalInt.of(day), span);
    }

    public boolean endOfMonth() {
        return day.isEmpty();
    }

    /** The deadline as a bureau would write it, independent of the wording in the source. */
    public String label() {
        return endOfMonth() ? month + "月底" : month + "月" + day.getAsInt() + "日";
    }
}
