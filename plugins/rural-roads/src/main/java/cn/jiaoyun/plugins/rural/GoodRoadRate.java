package cn.jiaoyun.plugins.rural;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 优良路率: for a period, each inspected segment counts once, by its latest inspection in the
 * period; the rate of an administrative class is the km of its segments rated 优 or 良 over the km
 * of its segments inspected. Segments not inspected in the period count in neither: the rate
 * speaks of the roads inspected, and is unknown when none was. Weighting by km, not by segment,
 * is how the rate is reported (a 12 km 县道 weighs more than a 0.8 km 村道).
 */
public final class GoodRoadRate {

    /** The ratings that count as good (优, 良). */
    static boolean good(String rating) {
        return "EXCELLENT".equals(rating) || "GOOD".equals(rating);
    }

    private GoodRoadRate() {
    }

    /** One inspection of a segment, with the segment's class and length. */
    public record Inspection(long segmentId, String adminClass, BigDecimal lengthKm, LocalDate inspectedOn, String rating) {
    }

    /**
     * The numerator and denominator (km) by administrative class ({@code COUNTY}, {@code TOWNSHIP},
     * {@code VILLAGE}, each present) and over all classes ({@code ALL}), for inspections from
     * {@code from} to {@code to}, both included.
     */
    public static Map<String, YearToDate.Ratio> of(Collection<Inspection> inspections, LocalDate from, LocalDate to) {
        Map<Long, Inspection> latest = new HashMap<>();
        for (Inspection i : inspections) {
            if (i.inspectedOn().isBefore(from) || i.inspectedOn().isAfter(to)) {
                continue;
            }
            latest.merge(i.segmentId(), i, (a, b) -> b.inspectedOn().isAfter(a.inspectedOn()) ? b : a);
        }
        Map<String, BigDecimal[]> km = new LinkedHashMap<>();
        for (String c : new String[] {"COUNTY", "TOWNSHIP", "VILLAGE", "ALL"}) {
            km.put(c, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        }
        for (Inspection i : latest.values()) {
            for (String c : new String[] {i.adminClass(), "ALL"}) {
                BigDecimal[] k = km.get(c);
                if (good(i.rating())) {
                    k[0] = k[0].add(i.lengthKm());
                }
                k[1] = k[1].add(i.lengthKm());
            }
        }
        Map<String, YearToDate.Ratio> out = new LinkedHashMap<>();
        km.forEach((c, k) -> out.put(c, new YearToDate.Ratio(k[0], k[1])));
        return out;
    }
}
