package cn.jiaoyun.core.assessment.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads deduction rules out of an item's text. A rule is "每<measure>扣<n>分" (每次, 每件, 每起,
 * 每项, 每例, 每处, 每个, 每人次, 每发现一次 …); its condition is the clause before it. A cap is
 * stated in the same sentence as "最多扣<n>分", "最高扣<n>分", "累计扣分不超过<n>分",
 * "扣满<n>分为止"; "扣完为止" caps at the item's points, which the caller knows.
 * Proportional deductions ("按比例扣分") name no figure and yield no rule.
 */
public final class DeductionRuleReader {

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern RULE = Pattern.compile(
            "每(?:发现)?(?:一)?(?:次|件|起|项|例|处|个|人次|条|篇|家)扣(?:除)?" + NUMBER + "分");
    private static final Pattern CAP = Pattern.compile(
            "(?:最多扣|最高扣|累计扣分不超过|累计扣分最多|扣满|上限为?)" + NUMBER + "分");
    private static final Pattern UNTIL_EXHAUSTED = Pattern.compile("扣完为止|扣完该项分值为止|扣完本项分值为止");
    private static final String SENTENCE_END = "。；;！!\n";

    /**
     * @param itemPoints the item's points, the cap of a rule that deducts "until exhausted"
     */
    public List<DeductionRuleText> read(String text, BigDecimal itemPoints) {
        List<DeductionRuleText> rules = new ArrayList<>();
        Matcher m = RULE.matcher(text);
        while (m.find()) {
            int sentenceStart = boundaryBefore(text, m.start(), SENTENCE_END);
            int sentenceEnd = boundaryAfter(text, m.end(), SENTENCE_END);
            String sentence = text.substring(sentenceStart, sentenceEnd);
            BigDecimal cap = null;
            Matcher capMatch = CAP.matcher(sentence);
            if (capMatch.find()) {
                cap = new BigDecimal(capMatch.group(1));
            } else if (UNTIL_EXHAUSTED.matcher(sentence).find()) {
                cap = itemPoints;
            }
            String condition = text.substring(sentenceStart, m.start()).replaceAll("[，,、的]+$", "").strip();
            rules.add(new DeductionRuleText(new BigDecimal(m.group(1)), cap,
                    condition.isEmpty() ? text.substring(m.start(), m.end()) : condition, sentenceStart, m.end()));
        }
        return rules;
    }

    /** The index after the last boundary character before {@code from}. */
    private static int boundaryBefore(String text, int from, String boundaries) {
        int i = from - 1;
        while (i >= 0 && boundaries.indexOf(text.charAt(i)) < 0) {
            i--;
        }
        return i + 1;
    }

    private static int boundaryAfter(String text, int from, String boundaries) {
        int i = from;
        while (i < text.length() && boundaries.indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }
}
