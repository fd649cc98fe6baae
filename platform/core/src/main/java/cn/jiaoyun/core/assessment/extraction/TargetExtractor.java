package cn.jiaoyun.core.assessment.extraction;

import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the quantitative targets out of the text of an assessment item.
 *
 * <p>The reading works figure by figure. Every figure followed by a unit (or, without a unit,
 * bound by a comparison word) is a candidate; it is then placed in its clause, and the words to
 * its left decide what it measures and how it compares:
 * <ul>
 * <li>"X率控制在0.5%以下": the words before a comparison word are the subject ("post-nominal").</li>
 * <li>"新建375个公交候车亭": a count right after a verb with a noun following it measures that noun
 *     ("pre-nominal"). A count with other words before it and a noun after ("公交站点500米半径覆盖率")
 *     is only a modifier and is dropped, as is "800公里以上公路客运线路".</li>
 * <li>Several figures in one clause are kept apart: each figure's words start where the previous
 *     target ended, so "整治A22处、整治B50处" yields two subjects. A figure with nothing of its own
 *     before it ("分别达90%、80%", "达到94和93以上") shares the previous subject.</li>
 * </ul>
 *
 * <p>Comparators: 以上/不低于/不少于 → ≥, 以下/以内/不超过/控制在 → ≤, 超过/高于 → &gt;, 低于 → &lt;,
 * 左右 → =. Everything else — "达到90%", "达100%", a bare "100%" after a rate, a plain count with or
 * without a verb ("新增18条", "公交站点70个") — is ≥, because in a work list a figure is the least
 * that has to be done: exceeding it never fails the item, so ≥ is the comparison an assessor needs
 * even for 100%. "保持5A级" is read the same way, as a level that must not drop.
 *
 * <p>Figures that are not targets are skipped: years and dates (年, 月, 日 are not target units),
 * anything inside 《》 or quotes, ordinals after 第, durations (个月, 年), score deductions (分),
 * figures in 同比/比上年 comparisons, and the multiplier in "3个100%" (whose rates are then
 * counted once each). Chinese numerals are read only right after a verb or comparison word
 * ("开展一次"), which keeps "三年行动" and "一张图" out.
 */
@Singleton
public final class TargetExtractor {

    private static final Pattern FIGURE = Pattern.compile(
            "(?<![0-9A-Za-z.])(?:(\\d+(?:\\.\\d+)?)|([xX×*]+(?:\\.[xX×*]+)?)|([〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]*))");

    /** Units of things a bureau counts, measures or spends; longer ones first so 万吨 beats 吨. */
    private static final List<String> UNITS = sortedLongestFirst(List.of(
            "%", "‰", "个百分点", "百分点",
            "万人次", "人次", "家次", "条次", "台次", "车次", "艘次", "架次", "班次", "次",
            "万TEU", "TEU", "万标箱", "标箱", "万吨", "吨", "亿元", "万元", "元",
            "公里", "千米", "延米", "米", "万平方米", "平方米", "万立方米", "立方米", "公顷", "亩",
            "万辆", "辆", "标台", "条", "个", "处", "座", "家", "艘", "套", "台", "件", "项", "批", "户",
            "所", "万人", "人", "场", "张", "块", "根", "盏", "宗", "A级"));

    /** Units after which a figure is a duration, a date, an ordinal or a score, never a target. */
    private static final List<String> NOT_TARGET_UNITS = sortedLongestFirst(List.of(
            "个月", "个工作日", "工作日", "年", "月", "日", "号", "周", "届", "轮", "期", "分", "岁",
            "级", "天", "小时", "分钟", "时", "倍"));

    private static final Map<String, Comparator> SUFFIXES = Map.of(
            "及以上", Comparator.AT_LEAST, "以上", Comparator.AT_LEAST,
            "及以下", Comparator.AT_MOST, "以下", Comparator.AT_MOST,
            "以内", Comparator.AT_MOST, "之内", Comparator.AT_MOST,
            "左右", Comparator.EQUAL);

    /**
     * Words that bind a subject to its figure. Found anywhere in the figure's clause; a null
     * comparator means the word links without saying which way ("达到", "完成").
     */
    private static final Map<String, Optional<Comparator>> LINKING_WORDS = Map.ofEntries(
            Map.entry("不低于", Optional.of(Comparator.AT_LEAST)),
            Map.entry("不少于", Optional.of(Comparator.AT_LEAST)),
            Map.entry("不小于", Optional.of(Comparator.AT_LEAST)),
            Map.entry("不下于", Optional.of(Comparator.AT_LEAST)),
            Map.entry("至少", Optional.of(Comparator.AT_LEAST)),
            Map.entry("不超过", Optional.of(Comparator.AT_MOST)),
            Map.entry("不高于", Optional.of(Comparator.AT_MOST)),
            Map.entry("不大于", Optional.of(Comparator.AT_MOST)),
            Map.entry("不多于", Optional.of(Comparator.AT_MOST)),
            Map.entry("最多", Optional.of(Comparator.AT_MOST)),
            Map.entry("控制在", Optional.of(Comparator.AT_MOST)),
            Map.entry("控制到", Optional.of(Comparator.AT_MOST)),
            Map.entry("降至", Optional.of(Comparator.AT_MOST)),
            Map.entry("降到", Optional.of(Comparator.AT_MOST)),
            Map.entry("压降至", Optional.of(Comparator.AT_MOST)),
            Map.entry("超过", Optional.of(Comparator.MORE_THAN)),
            Map.entry("高于", Optional.of(Comparator.MORE_THAN)),
            Map.entry("大于", Optional.of(Comparator.MORE_THAN)),
            Map.entry("多于", Optional.of(Comparator.MORE_THAN)),
            Map.entry("低于", Optional.of(Comparator.LESS_THAN)),
            Map.entry("少于", Optional.of(Comparator.LESS_THAN)),
            Map.entry("小于", Optional.of(Comparator.LESS_THAN)),
            Map.entry("达到", Optional.empty()),
            Map.entry("提高到", Optional.empty()),
            Map.entry("提高至", Optional.empty()),
            Map.entry("提升到", Optional.empty()),
            Map.entry("提升至", Optional.empty()),
            Map.entry("增加到", Optional.empty()),
            Map.entry("增加至", Optional.empty()),
            Map.entry("增至", Optional.empty()),
            Map.entry("保持在", Optional.empty()),
            Map.entry("稳定在", Optional.empty()),
            Map.entry("实现", Optional.empty()),
            Map.entry("完成", Optional.empty()));

    /**
     * Linking words too short or too common to trust unless they stand right before the figure:
     * "在" is in "在线率", "达" starts many words.
     */
    private static final Map<String, Optional<Comparator>> ADJACENT_LINKING_WORDS = Map.of(
            "达", Optional.empty(),
            "在", Optional.empty(),
            "为", Optional.empty(),
            "保持", Optional.empty(),
            "≥", Optional.of(Comparator.AT_LEAST),
            ">=", Optional.of(Comparator.AT_LEAST),
            "≤", Optional.of(Comparator.AT_MOST),
            "<=", Optional.of(Comparator.AT_MOST),
            ">", Optional.of(Comparator.MORE_THAN),
            "<", Optional.of(Comparator.LESS_THAN));

    /** Verbs and adverbs that introduce a target but are not part of what it measures. */
    private static final List<String> LEADING_WORDS = sortedLongestFirst(List.of(
            "新增", "新建", "改建", "新改建", "扩建", "建设", "建成", "完成", "实现", "推进", "开通",
            "新开通", "改造", "整治", "淘汰", "推广", "应用", "举办", "开展", "组织", "创建", "消除",
            "实施", "治理", "提升", "设置", "更新", "培育", "打造", "优化", "调整", "安装", "接入",
            "建立", "开工", "增加", "修建", "铺设", "投放", "购置", "配备", "引进", "力争", "积极",
            "全年", "年内", "确保", "保证", "保持", "加快", "持续", "全面", "着力", "进一步", "继续",
            "协助", "配合", "牵头", "累计", "共计", "其中", "包括", "另外", "同时", "加大", "争取",
            "含", "和", "及", "与", "或", "并", "、"));

    private static final List<String> TRAILING_WORDS = sortedLongestFirst(List.of(
            "分别", "均", "都", "等", "的", "共计", "合计", "累计", "总计", "共", "建设", "淘汰", "改造",
            "建成", "全部", "、", "和", "及", "或"));

    /** Subjects must keep these: "完成率" is a subject, not the verb 完成 plus 率. */
    private static final String MEASURE_HEADS = "率量数比额占";

    private static final String CLAUSE_BREAKS = "，,；;。！!？?\n\r\t：:";
    private static final String SENTENCE_BREAKS = "；;。！!？?\n\r\t";
    private static final Set<String> COMPARISONS_WITH_PAST = Set.of(
            "同比", "环比", "比上年", "较上年", "比去年", "较去年", "比2019", "较2019");
    private static final String CONNECTIVES = "、和及与或,，";
    private static final String FIGURE_CLOSERS = "和及与或并等";

    private final DeadlineReader deadlineReader = new DeadlineReader();

    /**
     * The targets in {@code text}, in the order they appear. Never null; empty when the text sets
     * no quantitative target.
     */
    public List<ExtractedTarget> extract(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String t = normalised(text);
        QuotedPassages quoted = QuotedPassages.in(t);
        List<Deadline> deadlines = deadlineReader.read(t, quoted);
        List<Reading> readings = new ArrayList<>();
        Reading previous = null;
        int multiplier = 1;
        int multiplierStart = -1;
        int from = 0;
        Matcher m = FIGURE.matcher(t);
        while (m.find(from)) {
            from = m.end();
            Figure figure = figureAt(t, m);
            if (figure == null) {
                continue;
            }
            from = figure.end();
            if (quoted.cover(figure.start()) || insideDeadline(deadlines, figure.start())
                    || (figure.start() > 0 && t.charAt(figure.start() - 1) == '第')) {
                continue;
            }
            int clauseStart = clauseStart(t, figure.start());
            if (comparesWithPast(t, clauseStart, figure.start())) {
                continue;
            }
            if (figure.unit().equals("个") && figure.end() < t.length() && Character.isDigit(t.charAt(figure.end()))) {
                multiplier = figure.value() == null ? 1 : figure.value().intValue();
                multiplierStart = figure.start();
                continue;
            }
            Reading sameClausePrevious = previous != null && previous.span().end() > clauseStart ? previous : null;
            int leftEnd = multiplier > 1 && multiplierStart >= clauseStart ? multiplierStart : figure.start();
            int leftStart = Math.max(clauseStart, openParenthesisBefore(t, clauseStart, leftEnd));
            if (sameClausePrevious != null) {
                leftStart = Math.min(leftEnd, Math.max(leftStart, sameClausePrevious.span().end()));
            }
            Reading reading = read(t, figure, leftStart, leftEnd, sameClausePrevious, deadlines);
            int times = multiplier;
            multiplier = 1;
            if (reading == null) {
                continue;
            }
            readings.addAll(distributed(t, reading, times));
            previous = reading;
        }
        return readings.stream()
                .map(reading -> reading.toTarget(text, deadlineOf(t, reading.figure().start(), deadlines)))
                .toList();
    }

    private Reading read(String t, Figure figure, int leftStart, int leftEnd, Reading previous, List<Deadline> deadlines) {
        boolean followedByNoun = startsNoun(t, figure.end());
        if (figure.suffix() != null && followedByNoun) {
            return null;
        }
        Linking linking = linkingBefore(t, leftStart, leftEnd);
        if (figure.unit().isEmpty() && (followedByNoun || figure.suffix() == null && !linking.adjacent(leftEnd))) {
            return null;
        }
        if (figure.chinese() && !linking.adjacent(leftEnd) && !endsWithLeadingWord(t, leftStart, leftEnd)) {
            return null;
        }
        Comparator comparator = figure.suffix() != null ? figure.suffix()
                : linking.comparator().orElse(null);
        boolean prenominal = followedByNoun && !figure.unit().equals("%") && !figure.unit().endsWith("百分点")
                && !figure.unit().equals("‰");
        if (prenominal) {
            TextSpan before = trimmed(t, leftStart, linking.word() == null ? leftEnd : linking.start(), deadlines);
            TextSpan between = linking.word() == null ? new TextSpan(leftEnd, leftEnd)
                    : trimmed(t, linking.end(), leftEnd, deadlines);
            if (!before.isEmpty() || !between.isEmpty()) {
                return null;
            }
            TextSpan subject = nounAfter(t, figure.end(), deadlines);
            if (subject.isEmpty()) {
                return null;
            }
            int start = linking.word() == null ? figure.start() : linking.start();
            return new Reading(figure, subject, orAtLeast(comparator), new TextSpan(start, subject.end()));
        }
        TextSpan subject = subjectBefore(t, leftStart, leftEnd, linking, deadlines);
        if (subject.isEmpty()) {
            if (previous == null || !onlyConnectives(t, leftStart, leftEnd)) {
                return null;
            }
            Comparator shared = comparator != null ? comparator : previous.comparator();
            return new Reading(figure, previous.subject(), shared, new TextSpan(figure.start(), figure.end()));
        }
        return new Reading(figure, subject, orAtLeast(comparator), new TextSpan(subject.start(), figure.end()));
    }

    private static Comparator orAtLeast(Comparator comparator) {
        return comparator == null ? Comparator.AT_LEAST : comparator;
    }

    /**
     * The subject of a figure written after its noun. When a linking word stands between the
     * noun and the figure the noun is before it ("处罚率在70%"), unless the linking word is the
     * clause's verb and the noun follows it ("实现面商率、办结率3个100%"); "不少于市管项目的15%"
     * names the base of the share, not the subject.
     */
    private TextSpan subjectBefore(String t, int leftStart, int figureStart, Linking linking, List<Deadline> deadlines) {
        if (linking.word() == null) {
            return trimmed(t, leftStart, figureStart, deadlines);
        }
        TextSpan before = trimmed(t, leftStart, linking.start(), deadlines);
        TextSpan between = trimmed(t, linking.end(), figureStart, deadlines);
        boolean betweenIsBase = !between.isEmpty() && t.charAt(between.end() - 1) == '的'
                || figureStart > 0 && t.charAt(figureStart - 1) == '的';
        if (!between.isEmpty() && !betweenIsBase) {
            return between;
        }
        return before;
    }

    /** The noun a pre-nominal count measures: up to the clause end or the next enumerated count. */
    private TextSpan nounAfter(String t, int from, List<Deadline> deadlines) {
        int start = from;
        while (start < t.length() && (Character.isWhitespace(t.charAt(start)) || t.charAt(start) == '的')) {
            start++;
        }
        int end = start;
        while (end < t.length()) {
            char c = t.charAt(end);
            if (CLAUSE_BREAKS.indexOf(c) >= 0 || c == '（' || c == '(' || c == '并') {
                break;
            }
            if (CONNECTIVES.indexOf(c) >= 0 && end + 1 < t.length() && Character.isDigit(t.charAt(end + 1))) {
                break;
            }
            end++;
        }
        return trimmed(t, start, end, deadlines);
    }

    private static Linking linkingBefore(String t, int leftStart, int figureStart) {
        int adjacentEnd = figureStart;
        while (adjacentEnd > leftStart && Character.isWhitespace(t.charAt(adjacentEnd - 1))) {
            adjacentEnd--;
        }
        Linking best = Linking.NONE;
        for (Map.Entry<String, Optional<Comparator>> word : LINKING_WORDS.entrySet()) {
            int at = t.lastIndexOf(word.getKey(), figureStart - word.getKey().length());
            while (at >= leftStart && partOfMeasureNoun(t, at + word.getKey().length(), figureStart)) {
                at = t.lastIndexOf(word.getKey(), at - 1);
            }
            if (at >= leftStart) {
                best = best.laterOrLonger(new Linking(word.getKey(), at, word.getValue()));
            }
        }
        for (Map.Entry<String, Optional<Comparator>> word : ADJACENT_LINKING_WORDS.entrySet()) {
            int at = adjacentEnd - word.getKey().length();
            if (at >= leftStart && t.startsWith(word.getKey(), at)) {
                best = best.laterOrLonger(new Linking(word.getKey(), at, word.getValue()));
            }
        }
        return best;
    }

    /**
     * Trims verbs, adverbs, connectives and deadline phrases off both ends of a stretch of text,
     * so that "新建（改建）城市公交停靠站" becomes "城市公交停靠站".
     */
    private TextSpan trimmed(String t, int start, int end, List<Deadline> deadlines) {
        boolean changed = true;
        while (changed && start < end) {
            changed = false;
            char c = t.charAt(start);
            if (Character.isWhitespace(c) || c == '）' || c == ')' || c == ',' || c == '，') {
                start++;
                changed = true;
                continue;
            }
            for (Deadline deadline : deadlines) {
                if (deadline.span().start() == start && deadline.span().end() <= end) {
                    start = deadline.span().end();
                    changed = true;
                    break;
                }
            }
            if (changed) {
                continue;
            }
            if (c == '（' || c == '(') {
                int close = closingParenthesis(t, start, end);
                if (close > start && trimmed(t, start + 1, close, deadlines).isEmpty()) {
                    start = close + 1;
                    changed = true;
                    continue;
                }
            }
            for (String word : LEADING_WORDS) {
                if (t.startsWith(word, start) && start + word.length() <= end && keepsSubject(t, start + word.length(), end)) {
                    start += word.length();
                    changed = true;
                    break;
                }
            }
        }
        changed = true;
        while (changed && start < end) {
            changed = false;
            if (Character.isWhitespace(t.charAt(end - 1))) {
                end--;
                changed = true;
                continue;
            }
            for (String word : TRAILING_WORDS) {
                if (end - word.length() >= start && t.startsWith(word, end - word.length()) && end - word.length() > start) {
                    end -= word.length();
                    changed = true;
                    break;
                }
            }
        }
        return new TextSpan(start, Math.max(start, end));
    }

    /** "完成" in "计划完成率" names a rate rather than linking a subject to its figure. */
    private static boolean partOfMeasureNoun(String t, int wordEnd, int figureStart) {
        return wordEnd < figureStart && MEASURE_HEADS.indexOf(t.charAt(wordEnd)) >= 0;
    }

    /** Stripping a verb must not leave a bare measure word behind: 完成率 stays 完成率. */
    private static boolean keepsSubject(String t, int rest, int end) {
        return rest >= end || MEASURE_HEADS.indexOf(t.charAt(rest)) < 0;
    }

    private static int closingParenthesis(String t, int open, int end) {
        for (int i = open + 1; i < end; i++) {
            if (t.charAt(i) == '）' || t.charAt(i) == ')') {
                return i;
            }
        }
        return -1;
    }

    private boolean endsWithLeadingWord(String t, int leftStart, int figureStart) {
        String before = t.substring(leftStart, figureStart).strip();
        return LEADING_WORDS.stream().filter(word -> word.length() > 1).anyMatch(before::endsWith);
    }

    private static boolean onlyConnectives(String t, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = t.charAt(i);
            if (CONNECTIVES.indexOf(c) < 0 && !Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** The figure at a match and its unit and comparison suffix, or null when it is no candidate. */
    private Figure figureAt(String t, Matcher m) {
        int spaces = 0;
        while (m.end() + spaces < t.length() && spaces < 2 && t.charAt(m.end() + spaces) == ' ') {
            spaces++;
        }
        int unitStart = m.end() + spaces;
        for (String word : NOT_TARGET_UNITS) {
            if (t.startsWith(word, unitStart)) {
                return null;
            }
        }
        String unit = UNITS.stream().filter(u -> t.startsWith(u, unitStart)).findFirst().orElse("");
        boolean chinese = m.group(3) != null;
        if (unit.isEmpty() && (chinese || m.group(2) != null)) {
            return null;
        }
        BigDecimal value;
        if (m.group(1) != null) {
            value = new BigDecimal(m.group(1));
        } else if (chinese) {
            value = BigDecimal.valueOf(chineseNumeralValue(m.group(3)));
        } else {
            value = null;
        }
        int end = unit.isEmpty() ? m.end() : unitStart + unit.length();
        Comparator suffix = null;
        for (Map.Entry<String, Comparator> entry : SUFFIXES.entrySet()) {
            if (t.startsWith(entry.getKey(), end)) {
                suffix = entry.getValue();
                end += entry.getKey().length();
                break;
            }
        }
        return new Figure(m.start(), end, value, unit, suffix, chinese);
    }

    private static long chineseNumeralValue(String numeral) {
        long total = 0;
        long section = 0;
        long digit = 0;
        for (char c : numeral.toCharArray()) {
            int d = "零一二三四五六七八九".indexOf(c);
            if (c == '〇') {
                d = 0;
            } else if (c == '两') {
                d = 2;
            }
            if (d >= 0) {
                digit = d;
            } else if (c == '万') {
                total += (section + digit) * 10_000;
                section = 0;
                digit = 0;
            } else {
                long place = c == '十' ? 10 : c == '百' ? 100 : 1000;
                section += (digit == 0 ? 1 : digit) * place;
                digit = 0;
            }
        }
        return total + section + digit;
    }

    /** Whether a noun follows; a connective ("118公里和…", "94和93以上") closes the figure instead. */
    private static boolean startsNoun(String t, int at) {
        if (at >= t.length()) {
            return false;
        }
        char c = t.charAt(at);
        if (FIGURE_CLOSERS.indexOf(c) >= 0) {
            return false;
        }
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || Character.isLetter(c) || c == '“';
    }

    private static int clauseStart(String t, int at) {
        int i = at - 1;
        while (i >= 0 && CLAUSE_BREAKS.indexOf(t.charAt(i)) < 0) {
            i--;
        }
        return i + 1;
    }

    private static int clauseEnd(String t, int at, String breaks) {
        int i = at;
        while (i < t.length() && breaks.indexOf(t.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    /** A figure inside a parenthesis ("（港湾式停靠站60个）") starts its own subject after it. */
    private static int openParenthesisBefore(String t, int clauseStart, int at) {
        int open = -1;
        for (int i = clauseStart; i < at; i++) {
            char c = t.charAt(i);
            if (c == '（' || c == '(') {
                open = i + 1;
            } else if (c == '）' || c == ')') {
                open = -1;
            }
        }
        return open;
    }

    private static boolean comparesWithPast(String t, int clauseStart, int at) {
        String before = t.substring(clauseStart, at);
        return COMPARISONS_WITH_PAST.stream().anyMatch(before::contains);
    }

    private static boolean insideDeadline(List<Deadline> deadlines, int at) {
        return deadlines.stream().anyMatch(deadline -> deadline.span().contains(at));
    }

    /**
     * The deadline of the figure's clause; failing that, a deadline standing alone in an earlier
     * clause of the same sentence ("6月底前，完成…") covers the rest of the sentence.
     */
    private static Optional<Deadline> deadlineOf(String t, int at, List<Deadline> deadlines) {
        int clauseStart = clauseStart(t, at);
        int clauseEnd = clauseEnd(t, at, CLAUSE_BREAKS);
        Optional<Deadline> own = deadlines.stream()
                .filter(d -> d.span().start() >= clauseStart && d.span().start() < clauseEnd)
                .findFirst();
        if (own.isPresent()) {
            return own;
        }
        int sentenceStart = at - 1;
        while (sentenceStart >= 0 && SENTENCE_BREAKS.indexOf(t.charAt(sentenceStart)) < 0) {
            sentenceStart--;
        }
        int from = sentenceStart + 1;
        return deadlines.stream()
                .filter(d -> d.span().start() >= from && d.span().start() < clauseStart)
                .filter(d -> standsAlone(t, d))
                .reduce((first, second) -> second);
    }

    private static boolean standsAlone(String t, Deadline deadline) {
        int start = clauseStart(t, deadline.span().start());
        int end = clauseEnd(t, deadline.span().start(), CLAUSE_BREAKS);
        String rest = (t.substring(start, deadline.span().start()) + t.substring(deadline.span().end(), end))
                .replaceAll("[\\s力争确保在于要]", "");
        return rest.isEmpty();
    }

    /**
     * "面商率、办结率、满意率3个100%" sets the same figure for each listed rate; when the list has
     * as many members as the multiplier says, each becomes its own target.
     */
    private static List<Reading> distributed(String t, Reading reading, int multiplier) {
        if (multiplier <= 1) {
            return List.of(reading);
        }
        List<TextSpan> members = new ArrayList<>();
        int start = reading.subject().start();
        for (int i = reading.subject().start(); i <= reading.subject().end(); i++) {
            if (i == reading.subject().end() || t.charAt(i) == '、') {
                if (i > start) {
                    members.add(new TextSpan(start, i));
                }
                start = i + 1;
            }
        }
        if (members.size() != multiplier) {
            return List.of(reading);
        }
        return members.stream()
                .map(member -> new Reading(reading.figure(), member, reading.comparator(), reading.span()))
                .toList();
    }

    /**
     * Half-width forms of full-width digits, letters and signs, one character for one, so that
     * indices into the normalised text are indices into the original.
     */
    private static String normalised(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ'
                    || c == '％' || c == '＞' || c == '＜' || c == '＝' || c == '．' || c == '＊') {
                chars[i] = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    private static List<String> sortedLongestFirst(List<String> words) {
        return words.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** A figure with its unit and comparison suffix; value null when anonymised. */
    private record Figure(int start, int end, BigDecimal value, String unit, Comparator suffix, boolean chinese) {
    }

    private record Linking(String word, int start, Optional<Comparator> comparator) {

        static final Linking NONE = new Linking(null, -1, Optional.empty());

        int end() {
            return start + word.length();
        }

        boolean adjacent(int figureStart) {
            return word != null && end() == figureStart;
        }

        /** The later word wins; of two ending together, the longer ("不低于" over "低于"). */
        Linking laterOrLonger(Linking other) {
            if (word == null || other.end() > end()
                    || other.end() == end() && other.word().length() > word.length()) {
                return other;
            }
            return this;
        }
    }

    private record Reading(Figure figure, TextSpan subject, Comparator comparator, TextSpan span) {

        ExtractedTarget toTarget(String original, Optional<Deadline> deadline) {
            return new ExtractedTarget(subject.of(original), comparator, figure.value(), figure.unit(), deadline, span);
        }
    }
}
