package cn.jiaoyun.core.identity;

import java.util.Locale;

/** What an account may do. The first four belong to a bureau's users, the last two to platform accounts. */
public enum Role {
    /** Reports progress and figures for the own unit. */
    REPORTER,
    /** A supervising department (督查部门): reviews, scores, records deductions. */
    SUPERVISOR,
    /** Bureau leadership: reads dashboards, rankings and summaries. */
    VIEWER,
    /** Manages the bureau's users, work lists and modules. */
    BUREAU_ADMIN,
    /** Manages bureaus and plugin modules; reads no bureau's business data. */
    PLATFORM_ADMIN,
    /** Compares published indicators of the bureaus in one region; changes nothing. */
    REGIONAL_ANALYST;

    public boolean isBureauRole() {
        return this != PLATFORM_ADMIN && this != REGIONAL_ANALYST;
    }

    /** The role named by {@code text}, or null. */
    public static Role parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
