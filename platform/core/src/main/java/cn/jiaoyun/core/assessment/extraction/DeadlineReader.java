package cn.jiaoyun.core.assessment.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the phrases of an item that say by when something is due: 6月底, 9月底前, 6月30日前,
 * 6月份, 年底/年内/年末 (end of December), 上半年 (end of June), 三季度 (end of September).
 */
final class DeadlineReader {

    private static final String MONTH_NUMERAL = "(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";
    private static final String BEFORE = "(?:之前|以前|前)?";

    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![0-9])" + MONTH_NUMERAL + "月(\\d{1,2})[日号]" + BEFORE);
    private static final Pattern MONTH_END = Pattern.compile(
            "(?<![0-9])" + MONTH_NUMERAL + "月(?:底|末|份)" + BEFORE);
    private static final Pattern YEAR_END = Pattern.compile("年(?:底|末|内)" + BEFORE);
    private static final Pattern HALF_YEAR = Pattern.compile("([上下])半年" + BEFORE);
    private static final Pattern QUARTER = Pattern.compile(
            "(?<![每按])第?([一二三四1-4])季度(?:末|底)?" + BEFORE);

    List<Deadline> read(String text, QuotedPassages quoted) {
        List<Deadline> found = new ArrayList<>();
        Matcher m = MONTH_DAY.matcher(text);
        while (m.find()) {
            int day = Integer.parseInt(m.group(2));
            if (day >= 1 && day <= 31) {
                found.add(Deadline.on(month(m.group(1)), day, span(m)));
            }
        }
        m = MONTH_END.matcher(text);
        while (m.find()) {
            found.add(Deadline.endOf(month(m.group(1)), span(m)));
        }
        m = YEAR_END.matcher(text);
        while (m.find()) {
            if (namesThisYear(text, m.start())) {
                found.add(Deadline.endOf(12, span(m)));
            }
        }
        m = HALF_YEAR.matcher(text);
        while (m.find()) {
            found.add(Deadline.endOf(m.group(1).equals("上") ? 6 : 12, span(m)));
        }
        m = QUARTER.matcher(text);
        while (m.find()) {
            found.add(Deadline.endOf(3 * month(m.group(1)), span(m)));
        }
        return found.stream()
                .filter(deadline -> !quoted.cover(deadline.span().start()))
                .sorted(java.util.Comparator.comparingInt(deadline -> deadline.span().start()))
                .toList();
    }

    /**
     * "年内" after a count of years ("三年内", "5年内") is a duration, not this year; after a
     * four-digit year ("2020年底") or after no numeral at all it is the end of this year.
     */
    private static boolean namesThisYear(String text, int yearCharacter) {
        int digits = 0;
        int i = yearCharacter - 1;
        while (i >= 0 && Character.isDigit(text.charAt(i))) {
            digits++;
            i--;
        }
        if (digits > 0) {
            return digits == 4;
        }
        return yearCharacter == 0 || "零〇一二两三四五六七八九十百几多半".indexOf(text.charAt(yearCharacter - 1)) < 0;
    }

    private static int month(String numeral) {
        if (Character.isDigit(numeral.charAt(0))) {
            return Integer.parseInt(numeral);
        }
        if (numeral.startsWith("十")) {
            return numeral.length() == 1 ? 10 : 10 + "一二".indexOf(numeral.charAt(1)) + 1;
        }
        return "一二三四五六七八九".indexOf(numeral.charAt(0)) + 1;
    }

    private static TextSpan span(Matcher m) {
        return new TextSpan(m.start(), m.end());
    }
}
