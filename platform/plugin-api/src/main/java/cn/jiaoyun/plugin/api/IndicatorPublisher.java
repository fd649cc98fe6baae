package cn.jiaoyun.plugin.api;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Writes the monthly values of the module's own indicators for one bureau. Writing the same
 * indicator and month again replaces the value (modules recompute a month and publish it again).
 * Only indicators the module declared may be published.
 */
public interface IndicatorPublisher {

    /**
     * Publishes one month's value. For {@link IndicatorDefinition.Aggregation#RATIO} indicators
     * use {@link #publishRatio} so that quarters and years can be recomputed correctly.
     *
     * <p>A {@code null} value makes the month unknown again (its figures were withdrawn or became
     * incomplete): the platform then treats the month as missing, never as zero, in every
     * year-to-date figure, year on year and ranking. Publish {@code 0} only for a month that is
     * known to have none.
     */
    void publish(BureauRef bureau, String indicatorCode, YearMonth month, BigDecimal value);

    /**
     * Publishes a rate as numerator and denominator; the value is their ratio (× 100 for {@code %}).
     * A {@code null} or zero denominator leaves the month's rate unknown.
     */
    void publishRatio(BureauRef bureau, String indicatorCode, YearMonth month,
                      BigDecimal numerator, BigDecimal denominator);
}
