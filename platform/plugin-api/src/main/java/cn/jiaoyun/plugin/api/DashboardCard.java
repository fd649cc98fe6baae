package cn.jiaoyun.plugin.api;

import java.util.Objects;

/**
 * A card on the home page of bureaus that enabled the module: a title and one figure, computed
 * for the member's bureau when the page opens. A card that throws shows as unavailable and marks
 * the module FAILED; keep {@link Source#value} cheap (one query).
 */
public record DashboardCard(String key, String titleZh, String titleEn, Source source) {

    public DashboardCard {
        Objects.requireNonNull(source, "source");
        if (key == null || !key.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("Card key '" + key + "' must be lower-case words");
        }
        Objects.requireNonNull(titleZh, "titleZh");
        titleEn = titleEn == null ? titleZh : titleEn;
    }

    /** Computes the card's figure for one bureau. */
    @FunctionalInterface
    public interface Source {
        Value value(BureauRef bureau) throws Exception;
    }

    /**
     * The figure as it should be shown, e.g. {@code "1,234 辆"}, a caption, and the module view
     * route (relative, as in {@link ViewContribution#route()}) the card opens, or null.
     */
    public record Value(String figure, String captionZh, String captionEn, String route) {
    }
}
