package cn.jiaoyun.core.assessment.importing;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a narrative plan (工作计划, 工作要点, 实施方案) as bureaus publish it: a text copied from the
 * government site (UTF-8 or GB18030) or a Word document. Numbered headings make the hierarchy:
 * 第一部分, 一、, （一）/(一), 1./1、/1．, （1）/1), ① in the order of the official document format
 * (GB/T 9704); a heading nests under the nearest heading of a higher rank before it, so that
 * missing levels and tasks numbered directly under the title need no special case. The heading's
 * first sentence is the item's title; the rest and the paragraphs under it are its content. Page
 * furniture (当前位置, 索引号, 发布日期, 来源, 浏览次数, 分享, 打印, 关闭, 字号 大中小…) and the signature
 * are left out and reported; so are the paragraphs before the first heading. A document without any numbered heading is refused,
 * naming the line where its body starts.
 */
public final class PlanParser {

    /** Longest title a heading's first sentence can give; a longer sentence is cut at a comma. */
    static final int TITLE_MAX = 60;

    private static final String CN = "[一二三四五六七八九十百零〇]{1,4}";

    private enum Style {
        PART("^第" + CN + "(?:部分|章|篇)(?:\\s*[、:：.．]\\s*|\\s+|(?=\\S))"),
        CHINESE("^" + CN + "\\s*[、.．]\\s*"),
        CHINESE_PAREN("^[（(]\\s*" + CN + "\\s*[）)]\\s*[、.．]?\\s*"),
        ARABIC("^\\d{1,2}\\s*(?:[、．]|\\.(?!\\d))\\s*"),
        ARABIC_PAREN("^(?:[（(]\\s*\\d{1,2}\\s*[）)]|\\d{1,2}\\s*[）)])\\s*"),
        CIRCLED("^[\\u2460-\\u2473]\\s*");

        private final Pattern pattern;

        Style(String regex) {
            this.pattern = Pattern.compile(regex);
        }
    }

    private static final Pattern BREADCRUMB_START = Pattern.compile(
            "^(?:当前位置|您的位置|您当前的位置|您现在的位置|您所在的位置|所在位置|当前页面|位置)\\s*[:：]");
    private static final Pattern BREADCRUMB_HOME = Pattern.compile("^(?:首页|网站首页|主页|门户首页)\\s*[>＞»›/|]");
    private static final Pattern BREADCRUMB_ARROW = Pattern.compile("[>＞»›]");
    private static final String INFO_LABELS = "索引号|发布日期|发布时间|发文日期|成文日期|生成日期|更新时间|更新日期|日期|时间"
            + "|来源|信息来源|文章来源|稿件来源|发布机构|发布单位|发文机关|文号|发文字号|主题分类|主题词|关键词|关键字"
            + "|浏览次数|访问次数|阅读次数|点击次数|点击数|点击量|浏览量|阅读量|访问量|浏览|阅读|作者|责任编辑|编辑|审核|校对"
            + "|字号|字体|字体大小|分类|有效性|统一编号|公开方式|公开范围|公开时限|公开属性|体裁分类|组配分类|信息分类"
            + "|所属机构|所属主题|信息名称|名称";
    private static final Pattern INFO_START = Pattern.compile("^[【\\[（(]?\\s*(?:" + INFO_LABELS + ")\\s*[:：]");
    private static final Pattern INFO_ANY = Pattern.compile("(?:" + INFO_LABELS + ")\\s*[:：]");
    private static final Pattern TOOLS = Pattern.compile(
            "扫一扫在手机(?:上)?打开当前页|在手机(?:上)?打开当前页|扫一扫|分享到|分享|打印本页|打印|关闭窗口|关闭本页|关闭"
                    + "|收藏本页|收藏|加入收藏|返回顶部|返回|上一篇|下一篇|相关文档|相关链接|相关阅读|相关附件|相关文件"
                    + "|微信|微博|QQ空间|QQ|朋友圈|复制链接|视力保护色|纠错|默认|字号|字体|大|中|小|我要");
    private static final Pattern TOOLS_REST = Pattern.compile(
            "[\\s\\p{Punct}【】（）《》〔〕「」『』：；，。、“”‘’•·●▪■□◆◇▶►|丨\\u00a0\\u3000]*");
    private static final Pattern NEIGHBOUR_START = Pattern.compile("^(?:上一篇|下一篇|上一条|下一条)");
    private static final Pattern SIGNATURE_DATE = Pattern.compile(
            "^(?:\\d{4}|[〇○零一二三四五六七八九]{4})\\s*年\\s*[\\d〇○零一二三四五六七八九十]{1,3}\\s*月"
                    + "\\s*[\\d〇○零一二三四五六七八九十]{1,3}\\s*日$");
    private static final Pattern SENTENCE_END = Pattern.compile("[。；;！？!?]");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");

    private record Paragraph(String text, SourceLocation location) {
    }

    private record Heading(Style style, String number, String text) {
    }

    /** Picks the reader by the file's content and extension: a Word package, else text. */
    public ParsedPlan parse(String fileName, byte[] content) throws PlanFormatException {
        if (content.length == 0) {
            throw new PlanFormatException(fileName, null, "文件为空", "the file is empty");
        }
        if (content.length > WorkListDocuments.DEFAULT_MAX_BYTES) {
            throw new PlanFormatException(fileName, null, "文件大小超过上限，未读取",
                    "the file is larger than the limit and was not read");
        }
        String extension = fileName.contains(".")
                ? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT).strip() : "";
        boolean zip = content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3
                && content[3] == 4;
        boolean ole2 = content.length >= 4 && (content[0] & 0xFF) == 0xD0 && (content[1] & 0xFF) == 0xCF;
        if (ole2 || extension.equals("doc")) {
            throw new PlanFormatException(fileName, null, "旧版 Word 格式（.doc）无法读取，请另存为 .docx 后上传",
                    "old Word format (.doc) cannot be read; save it as .docx and upload again");
        }
        List<WorkListNotice> notices = new ArrayList<>();
        List<Paragraph> paragraphs;
        if (zip || extension.equals("docx")) {
            paragraphs = docxParagraphs(fileName, content);
        } else if (extension.equals("txt") || extension.equals("text")) {
            paragraphs = textParagraphs(fileName, content, notices);
        } else {
            throw new PlanFormatException(fileName, null, "不支持的文件类型，请上传 .txt 或 .docx 文件",
                    "unsupported file type; upload a .txt or .docx file");
        }
        return read(fileName, paragraphs, notices);
    }

    private static List<Paragraph> textParagraphs(String fileName, byte[] content, List<WorkListNotice> notices)
            throws PlanFormatException {
        String text;
        try {
            text = WorkListTextParser.decode(fileName, content, notices::add);
        } catch (WorkListFormatException e) {
            throw PlanFormatException.of(e);
        }
        List<Paragraph> out = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\r\n|\r|\n", -1)) {
            number++;
            out.add(new Paragraph(line, new SourceLocation.TextLine(number)));
        }
        return out;
    }

    private static List<Paragraph> docxParagraphs(String fileName, byte[] content) throws PlanFormatException {
        List<Paragraph> out = new ArrayList<>();
        Map<BigInteger, int[]> counters = new HashMap<>();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            int paragraphs = 0;
            int tables = 0;
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    paragraphs++;
                    out.add(new Paragraph(numbering(paragraph, counters) + paragraph.getText(),
                            new SourceLocation.DocumentParagraph(paragraphs)));
                } else if (element instanceof XWPFTable table) {
                    tables++;
                    int row = 0;
                    for (XWPFTableRow r : table.getRows()) {
                        row++;
                        List<String> cells = new ArrayList<>();
                        for (XWPFTableCell cell : r.getTableCells()) {
                            cells.add(cell.getText().strip());
                        }
                        out.add(new Paragraph(String.join(" ", cells), new SourceLocation.TableRow(tables, row)));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // POI reports a damaged or foreign package with a variety of unchecked exceptions.
            throw new PlanFormatException(fileName, null, "文件已损坏或不是有效的 Word (.docx) 文件",
                    "the file is damaged or is not a valid Word (.docx) file");
        }
        return out;
    }

    /** The number Word shows for an automatically numbered paragraph, which its text lacks. */
    private static String numbering(XWPFParagraph paragraph, Map<BigInteger, int[]> counters) {
        BigInteger numId = paragraph.getNumID();
        String pattern = paragraph.getNumLevelText();
        if (numId == null || pattern == null) {
            return "";
        }
        int level = paragraph.getNumIlvl() == null ? 0 : Math.min(8, paragraph.getNumIlvl().intValue());
        int[] count = counters.computeIfAbsent(numId, id -> new int[9]);
        count[level]++;
        for (int deeper = level + 1; deeper < count.length; deeper++) {
            count[deeper] = 0;
        }
        String format = paragraph.getNumFmt() == null ? "decimal" : paragraph.getNumFmt();
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("%([1-9])").matcher(pattern);
        while (m.find()) {
            int which = Integer.parseInt(m.group(1)) - 1;
            int value = Math.max(1, count[which]);
            String shown = which == level ? formatted(value, format) : String.valueOf(value);
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String formatted(int value, String format) {
        return switch (format) {
            case "chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting",
                 "taiwaneseCounting", "taiwaneseCountingThousand", "chineseLegalSimplified" -> chinese(value);
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" ->
                    value <= 20 ? String.valueOf((char) ('\u2460' + value - 1)) : String.valueOf(value);
            default -> String.valueOf(value);
        };
    }

    private static String chinese(int value) {
        String digits = "零一二三四五六七八九";
        if (value < 10) {
            return String.valueOf(digits.charAt(value));
        }
        if (value < 100) {
            int tens = value / 10;
            int ones = value % 10;
            return (tens == 1 ? "" : String.valueOf(digits.charAt(tens))) + "十"
                    + (ones == 0 ? "" : String.valueOf(digits.charAt(ones)));
        }
        return String.valueOf(value);
    }

    private static final class Builder {
        final List<PlanNode> nodes = new ArrayList<>();
        final List<StringBuilder> contents = new ArrayList<>();
        final List<String> titles = new ArrayList<>();
        final List<Style> styles = new ArrayList<>();
        final List<Integer> stack = new ArrayList<>();

        int add(Heading heading, SourceLocation location) {
            int index = nodes.size();
            while (!stack.isEmpty() && styles.get(stack.get(stack.size() - 1)).ordinal() >= heading.style().ordinal()) {
                stack.remove(stack.size() - 1);
            }
            Integer parent = stack.isEmpty() ? null : stack.get(stack.size() - 1);
            nodes.add(new PlanNode(index, parent, stack.size() + 1, heading.number(), "", "", location));
            styles.add(heading.style());
            contents.add(new StringBuilder());
            titles.add("");
            stack.add(index);
            text(index, heading.text());
            return index;
        }

        /** A heading's text, or the first paragraph under a heading that had none. */
        void text(int index, String text) {
            if (titles.get(index).isEmpty()) {
                String[] split = splitTitle(text);
                titles.set(index, split[0]);
                append(index, split[1]);
            } else {
                append(index, text);
            }
        }

        private void append(int index, String text) {
            if (text.isBlank()) {
                return;
            }
            StringBuilder content = contents.get(index);
            if (!content.isEmpty()) {
                content.append('\n');
            }
            content.append(text.strip());
        }

        List<PlanNode> finish() {
            List<PlanNode> out = new ArrayList<>();
            for (PlanNode n : nodes) {
                String title = titles.get(n.index());
                String content = contents.get(n.index()).toString();
                if (title.isEmpty()) {
                    title = n.number().replaceAll("[、.．\\s]+$", "");
                }
                out.add(new PlanNode(n.index(), n.parent(), n.level(), n.number(), title, content, n.location()));
            }
            return out;
        }
    }

    private ParsedPlan read(String fileName, List<Paragraph> paragraphs, List<WorkListNotice> notices)
            throws PlanFormatException {
        List<PlanLine> ignored = new ArrayList<>();
        List<Paragraph> kept = new ArrayList<>();
        for (Paragraph p : paragraphs) {
            String text = normalise(p.text());
            if (text.isEmpty()) {
                continue;
            }
            PlanLineKind furniture = furniture(text);
            if (furniture != null) {
                ignored.add(new PlanLine(p.location(), text, furniture));
            } else {
                kept.add(new Paragraph(text, p.location()));
            }
        }
        if (kept.isEmpty()) {
            throw new PlanFormatException(fileName, null, "文件中没有正文", "the file holds no text besides page furniture");
        }
        int first = 0;
        String title = null;
        if (titleLike(kept.get(0).text()) && heading(kept.get(0).text()) == null) {
            title = kept.get(0).text();
            first = 1;
        }
        int firstHeading = -1;
        for (int i = first; i < kept.size(); i++) {
            if (heading(kept.get(i).text()) != null) {
                firstHeading = i;
                break;
            }
        }
        if (firstHeading < 0) {
            Paragraph body = first < kept.size() ? kept.get(first) : kept.get(0);
            throw new PlanFormatException(fileName, body.location(),
                    "从此处起全是段落，全文没有“一、”“（一）”“1.”等编号标题，不是可识别的计划：“" + excerpt(body.text()) + "”",
                    "from here on the document is only paragraphs, with no numbered heading such as 一、, （一） or 1.;"
                            + " it is not a recognisable plan: \"" + excerpt(body.text()) + "\"");
        }
        for (int i = first; i < firstHeading; i++) {
            ignored.add(new PlanLine(kept.get(i).location(), kept.get(i).text(), PlanLineKind.PREAMBLE));
        }
        int[] signature = signature(kept, firstHeading);
        Builder builder = new Builder();
        Integer current = null;
        for (int i = firstHeading; i < kept.size(); i++) {
            Paragraph p = kept.get(i);
            if (signature != null && i >= signature[0]) {
                ignored.add(new PlanLine(p.location(), p.text(),
                        i <= signature[1] ? PlanLineKind.SIGNATURE : PlanLineKind.AFTER_SIGNATURE));
                continue;
            }
            Heading heading = heading(p.text());
            if (heading != null) {
                current = builder.add(heading, p.location());
            } else if (current != null) {
                builder.text(current, p.text());
            }
        }
        ignored.sort(Comparator.comparingInt(l -> order(paragraphs, l.location())));
        boolean fromFileName = title == null;
        if (fromFileName) {
            title = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        }
        Optional<Integer> year = yearOf(title);
        return new ParsedPlan(title, fromFileName, year, builder.finish(), ignored, notices);
    }

    private static int order(List<Paragraph> paragraphs, SourceLocation location) {
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).location().equals(location)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * The signature after the last task: a date line alone (2020年3月17日), with the issuer's name
     * just above it when that line is short and no sentence. Returns its first line and the date
     * line, or null when the document has none.
     */
    private static int[] signature(List<Paragraph> kept, int firstHeading) {
        for (int i = kept.size() - 1; i > firstHeading; i--) {
            String text = kept.get(i).text();
            if (heading(text) != null) {
                return null;
            }
            if (SIGNATURE_DATE.matcher(text).matches()) {
                String above = kept.get(i - 1).text();
                boolean issuer = i - 1 > firstHeading && above.length() <= 30 && heading(above) == null
                        && !above.matches(".*[。，；,;：:].*");
                return new int[] {issuer ? i - 1 : i, i};
            }
        }
        return null;
    }

    private static Optional<Integer> yearOf(String title) {
        Matcher m = YEAR.matcher(title);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** What kind of page furniture the line is, or null when it is text of the document. */
    static PlanLineKind furniture(String text) {
        if (BREADCRUMB_START.matcher(text).find() || BREADCRUMB_HOME.matcher(text).find()) {
            return PlanLineKind.BREADCRUMB;
        }
        Matcher arrows = BREADCRUMB_ARROW.matcher(text);
        int count = 0;
        while (arrows.find()) {
            count++;
        }
        if (count >= 2 && text.length() <= 120 && !SENTENCE_END.matcher(text).find()) {
            return PlanLineKind.BREADCRUMB;
        }
        if (text.length() <= 200 && INFO_START.matcher(text).find()) {
            return PlanLineKind.PAGE_INFO;
        }
        Matcher labels = INFO_ANY.matcher(text);
        int labelled = 0;
        while (labels.find()) {
            labelled++;
        }
        if (labelled >= 2 && text.length() <= 200 && !text.contains("。")) {
            return PlanLineKind.PAGE_INFO;
        }
        if (NEIGHBOUR_START.matcher(text).find() && text.length() <= 120) {
            return PlanLineKind.PAGE_TOOLS;
        }
        if (text.length() <= 60 && TOOLS_REST.matcher(TOOLS.matcher(text).replaceAll("")).matches()) {
            return PlanLineKind.PAGE_TOOLS;
        }
        return null;
    }

    private static Heading heading(String text) {
        for (Style style : Style.values()) {
            Matcher m = style.pattern.matcher(text);
            if (m.find()) {
                return new Heading(style, text.substring(0, m.end()).strip(), text.substring(m.end()).strip());
            }
        }
        return null;
    }

    private static boolean titleLike(String text) {
        return text.length() <= TITLE_MAX && !text.contains("。") && !text.endsWith("：") && !text.endsWith(":");
    }

    /** The heading's first sentence as the title and the rest as content. */
    static String[] splitTitle(String text) {
        String t = text.strip();
        Matcher end = SENTENCE_END.matcher(t);
        if (end.find() && end.start() <= TITLE_MAX && end.start() > 0) {
            return new String[] {trimTitle(t.substring(0, end.start())), t.substring(end.end()).strip()};
        }
        if (t.length() <= TITLE_MAX) {
            return new String[] {trimTitle(t), ""};
        }
        int comma = t.lastIndexOf('，', TITLE_MAX);
        String title = comma > 4 ? t.substring(0, comma) : t.substring(0, TITLE_MAX) + "…";
        return new String[] {trimTitle(title), t};
    }

    private static String trimTitle(String title) {
        return title.replaceAll("[：:，,\\s]+$", "").strip();
    }

    private static String normalise(String text) {
        return text.replace('\u00a0', ' ').replace('\u3000', ' ').replace("\ufeff", "").replaceAll("\\s+", " ").strip();
    }

    private static String excerpt(String text) {
        return text.length() <= 30 ? text : text.substring(0, 30) + "…";
    }
}
