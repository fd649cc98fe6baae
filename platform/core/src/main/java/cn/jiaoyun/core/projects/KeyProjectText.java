package cn.jiaoyun.core.projects;

import cn.jiaoyun.core.projects.KeyProjectRollup.Figures;
import cn.jiaoyun.core.projects.KeyProjectRollup.Rollup;
import cn.jiaoyun.core.web.Messages;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Key-project figures as bureaus write them: amounts in 万元, and from 1亿 on in 亿元 ("61.5亿元");
 * percentages with one decimal ("103.6%"); the roll-up as the sentence of a year-end summary.
 * In English, amounts read "CNY 6.15 bn" and "CNY 35 m". An unknown figure reads 未知 / unknown.
 */
public final class KeyProjectText {

    private static final BigDecimal YI = BigDecimal.valueOf(10_000);

    private KeyProjectText() {
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** An amount given in 万元. */
    public static String amount(@Nullable BigDecimal wan, Locale locale) {
        if (wan == null) {
            return Messages.text(locale, "keyprojects.unknown");
        }
        if (english(locale)) {
            if (wan.abs().compareTo(YI) >= 0) {
                return "CNY " + plain(wan.divide(BigDecimal.valueOf(100_000), 3, RoundingMode.HALF_UP)) + " bn";
            }
            return "CNY " + plain(wan.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)) + " m";
        }
        if (wan.abs().compareTo(YI) >= 0) {
            return plain(wan.divide(YI, 2, RoundingMode.HALF_UP)) + "亿元";
        }
        return plain(wan.setScale(2, RoundingMode.HALF_UP)) + "万元";
    }

    /** A percentage with one decimal, or 未知 / unknown. */
    public static String percent(@Nullable BigDecimal percent, Locale locale) {
        if (percent == null) {
            return Messages.text(locale, "keyprojects.unknown");
        }
        return percent.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** "2023年1—12月" / "Jan–Dec 2023". */
    public static String period(int year, int through, Locale locale) {
        if (english(locale)) {
            String last = Month.of(through).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            return (through == 1 ? "Jan" : "Jan–" + last) + " " + year;
        }
        return year + "年" + (through == 1 ? "1月" : "1—" + through + "月");
    }

    /**
     * The roll-up as a summary writes it: "2023年1—12月，重点项目共13只，年度计划投资61.5亿元，累计完成投资63.7亿元，
     * 完成年度计划103.6%。上年同期无数据，无法计算同比。12月已有13/13只项目填报。"
     */
    public static String sentence(Rollup rollup, Locale locale) {
        Figures f = rollup.total();
        StringBuilder sb = new StringBuilder(Messages.text(locale, "keyprojects.sentence",
                period(rollup.year(), rollup.through(), locale), f.projects(), amount(f.annualPlan(), locale),
                amount(f.actualYtd(), locale), percent(f.completionPercent(), locale)));
        String gap = english(locale) ? " " : "";
        sb.append(gap);
        if (f.yoyPercent() != null) {
            String key = f.yoyPercent().signum() < 0 ? "keyprojects.sentence.yoy-down" : "keyprojects.sentence.yoy-up";
            sb.append(Messages.text(locale, key, percent(f.yoyPercent().abs(), locale), amount(f.lastYearYtd(), locale)));
        } else {
            sb.append(Messages.text(locale, "keyprojects.sentence.yoy-unknown"));
        }
        sb.append(gap);
        sb.append(Messages.text(locale, "keyprojects.sentence.reported", monthName(rollup.through(), locale),
                f.reportedInMonth(), f.projects()));
        return sb.toString();
    }

    static String monthName(int month, Locale locale) {
        return english(locale) ? Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) : month + "月";
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
