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
     */
    void publish(BureauRef bureau, String indicatorCode, YearMonth month, BigDecimal value);

    /** Publishes a rate as numerator and denominator; the value is their ratio (× 100 for {@code %}). */
    void publishRatio(BureauRef bureau, String indicatorCode, YearMonth month,
                      BigDecimal numerator, BigDecimal denominator);
}
