package cn.jiaoyun.core.assessment.extraction;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One quantitative target read from an assessment item.
 *
 * @param subject    the noun phrase the figure measures, without the verb that introduced it
 * @param comparator how the achieved figure must relate to {@code value}
 * @param value      the figure, or null when the source anonymised it ("x.xx亿元"); never a
 *                   stand-in zero, so that an anonymised target cannot look met or failed
 * @param unit       the unit as written ("条", "万TEU", "%"), or "" for a bare index such as a
 *                   road-condition score
 * @param deadline   the month by which the target is due, when the item names one
 * @param span       where in the source text the target was read, for highlighting
 */
public record ExtractedTarget(
        String subject,
        Comparator comparator,
        BigDecimal value,
        String unit,
        Optional<Deadline> deadline,
        TextSpan span) {

    public ExtractedTarget {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(comparator, "comparator");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(span, "span");
    }

    public boolean valueKnown() {
        return value != null;
    }
}
