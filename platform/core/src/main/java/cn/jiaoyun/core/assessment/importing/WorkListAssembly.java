package cn.jiaoyun.core.assessment.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the headings and table rows that every document kind yields, in document order, into
 * work lists. Shared by the three parsers so that a text export, a .docx and an .xlsx of the same
 * lists give the same model: a heading followed by a header row opens a unit's list, a routine
 * list title opens the routine list, and rows after a header are items.
 */
final class WorkListAssembly {

    private static final Pattern ATTACHMENT_MARK = Pattern.compile("^附件\\s*[0-9０-９一二三四五六七八九十]*[:：]?$");
    private static final Pattern ROUTINE_TITLE = Pattern.compile("常规.*(清单|工作|任务|考核)");
    private static final Pattern LIST_TITLE = Pattern.compile("清单|考核表|考核细则|目标责任");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    private static final Pattern GENERIC_SHEET_NAME = Pattern.compile("^(Sheet|工作表|sheet)\\s*\\d*$");
    private static final Set<String> TOTAL_LABELS = Set.of("合计", "总计", "小计", "总分", "合计分值", "分值合计");
    private static final Pattern DEPARTMENT_SEPARATORS = Pattern.compile("[\\s、，,；;/／]+");

    private record Heading(String text, SourceLocation location) {
    }

    private static final class ListUnderway {
        final String name;
        final List<ParsedItem> items = new ArrayList<>();
        BigDecimal declaredTotal;

        ListUnderway(String name) {
            this.name = name;
        }

        BigDecimal sum() {
            return items.stream().map(ParsedItem::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private final String fileName;
    private final List<WorkListProblem> problems = new ArrayList<>();
    private final List<WorkListNotice> notices = new ArrayList<>();
    private final List<UnplacedLine> unplaced = new ArrayList<>();
    private final Map<String, ListUnderway> unitLists = new LinkedHashMap<>();
    private final List<Heading> pendingHeadings = new ArrayList<>();
    private String title;
    private String routineTitle;
    private ListUnderway routine;
    private boolean routineAnnounced;
    private Heading sectionName;
    private ListUnderway current;
    private ColumnLayout layout;

    WorkListAssembly(String fileName) {
        this.fileName = fileName;
    }

    void notice(WorkListNotice notice) {
        notices.add(notice);
    }

    /**
     * A new part of the document whose name may be the unit's (an .xlsx sheet). Rows of the
     * previous part never continue into it; a heading inside the part wins over its name.
     */
    void startSection(String name, SourceLocation location) {
        flushPendingHeadings();
        current = null;
        layout = null;
        sectionName = null;
        String trimmed = name.strip();
        if (ROUTINE_TITLE.matcher(trimmed).find()) {
            announceRoutine(trimmed);
        } else if (!GENERIC_SHEET_NAME.matcher(trimmed).matches() && !LIST_TITLE.matcher(trimmed).find()) {
            sectionName = new Heading(trimmed, location);
        }
    }

    void heading(String text, SourceLocation location) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || ATTACHMENT_MARK.matcher(trimmed).matches()) {
            return;
        }
        if (ROUTINE_TITLE.matcher(trimmed).find()) {
            flushPendingHeadings();
            announceRoutine(trimmed);
        } else if (LIST_TITLE.matcher(trimmed).find()) {
            flushPendingHeadings();
            if (title == null) {
                title = trimmed;
            }
            routineAnnounced = false;
        } else {
            pendingHeadings.add(new Heading(trimmed, location));
        }
    }

    void row(List<TableCell> cells) {
        List<TableCell> filled = cells.stream().filter(cell -> !cell.isBlank()).toList();
        if (filled.isEmpty()) {
            return;
        }
        Optional<ColumnLayout> header = ColumnLayout.recognise(cells);
        if (header.isPresent()) {
            openList(header.get(), cells.get(0).location());
            return;
        }
        if (filled.size() == 1) {
            // A row with a single cell is a heading in disguise: a merged title row in a sheet,
            // a unit name typed into the table, or a note.
            TableCell only = filled.get(0);
            heading(only.text().replace('\n', ' '), only.location());
            return;
        }
        flushPendingHeadings();
        if (current == null) {
            unplaced.add(new UnplacedLine(filled.get(0).location(), joinCells(filled), UnplacedReason.BEFORE_ANY_LIST));
            return;
        }
        if (TOTAL_LABELS.contains(ColumnLayout.compact(filled.get(0).text()))) {
            current.declaredTotal = filled.stream().skip(1).map(cell -> Points.parse(cell.text()))
                    .flatMap(Optional::stream).findFirst().orElse(null);
            return;
        }
        item(cells).ifPresent(current.items::add);
    }

    ParsedWorkLists finish() throws WorkListFormatException {
        flushPendingHeadings();
        if (unitLists.isEmpty() && routine == null) {
            problems.add(WorkListProblem.ofFile(fileName, WorkListMessage.NOT_A_WORK_LIST));
        }
        if (!problems.isEmpty()) {
            throw new WorkListFormatException(problems);
        }
        List<ListUnderway> all = new ArrayList<>(unitLists.values());
        Optional.ofNullable(routine).ifPresent(all::add);
        for (ListUnderway list : all) {
            if (list.declaredTotal != null && list.declaredTotal.compareTo(list.sum()) != 0) {
                notices.add(WorkListNotice.of(WorkListMessage.TOTAL_MISMATCH, list.name,
                        plain(list.declaredTotal), plain(list.sum())));
            }
        }
        List<ParsedUnitList> keyLists = unitLists.values().stream()
                .map(list -> new ParsedUnitList(list.name, list.items)).toList();
        Optional<ParsedRoutineList> routineList = Optional.ofNullable(routine)
                .map(list -> new ParsedRoutineList(list.name, list.items));
        return new ParsedWorkLists(Optional.ofNullable(title), year(), keyLists, routineList, unplaced, notices);
    }

    private void announceRoutine(String text) {
        routineAnnounced = true;
        if (routineTitle == null) {
            routineTitle = text;
        }
    }

    private void openList(ColumnLayout header, SourceLocation location) {
        layout = header;
        Heading name = pendingHeadings.isEmpty() ? null : pendingHeadings.remove(pendingHeadings.size() - 1);
        flushPendingHeadings();
        if (routineAnnounced) {
            if (name != null) {
                unplaced.add(new UnplacedLine(name.location(), name.text(), UnplacedReason.UNIT_IN_ROUTINE_LIST));
            }
            routineAnnounced = false;
            sectionName = null;
            if (routine == null) {
                routine = new ListUnderway(routineTitle);
            }
            current = routine;
            return;
        }
        if (name == null && sectionName != null) {
            name = sectionName;
        }
        sectionName = null;
        if (name != null) {
            current = unitLists.computeIfAbsent(name.text(), ListUnderway::new);
        } else if (current == null) {
            // A repeated header (a table continued over a page) keeps the list it continues;
            // a first header without any unit name cannot be assigned to anybody.
            problems.add(WorkListProblem.missing(fileName, location, ItemField.UNIT));
        }
    }

    private Optional<ParsedItem> item(List<TableCell> cells) {
        SourceLocation rowLocation = cells.stream().filter(cell -> !cell.isBlank()).findFirst()
                .orElse(cells.get(0)).location();
        int titleIndex = layout.titleIndex();
        if (cells.size() == layout.columnCount()) {
            return itemByColumns(cells, rowLocation);
        }
        // The text export drops or splits cells now and then; the points cell is the one that
        // anchors the row: before it title and content, after it the departments.
        int pointsIndex = -1;
        for (int i = titleIndex + 1; i < cells.size() && pointsIndex < 0; i++) {
            if (Points.parse(cells.get(i).text()).isPresent()) {
                pointsIndex = i;
            }
        }
        if (pointsIndex < 0) {
            problems.add(WorkListProblem.missing(fileName, rowLocation, ItemField.POINTS));
            return Optional.empty();
        }
        String titleText = titleIndex < cells.size() ? cells.get(titleIndex).text() : "";
        String content = cells.subList(titleIndex + 1, pointsIndex).stream().map(TableCell::text)
                .collect(Collectors.joining("\n"));
        String departments = cells.subList(pointsIndex + 1, cells.size()).stream().map(TableCell::text)
                .collect(Collectors.joining("\n"));
        return build(titleText, content, Points.parse(cells.get(pointsIndex).text()).orElseThrow(), departments,
                rowLocation);
    }

    private Optional<ParsedItem> itemByColumns(List<TableCell> cells, SourceLocation rowLocation) {
        TableCell pointsCell = cells.get(layout.pointsIndex());
        Optional<BigDecimal> points = Points.parse(pointsCell.text());
        if (points.isEmpty()) {
            if (pointsCell.isBlank()) {
                problems.add(WorkListProblem.missing(fileName, pointsCell.location(), ItemField.POINTS));
            } else {
                problems.add(new WorkListProblem(fileName, pointsCell.location(), ItemField.POINTS,
                        WorkListMessage.NOT_A_NUMBER, List.of(ItemField.POINTS, pointsCell.text().strip())));
            }
            return Optional.empty();
        }
        String content = layout.contentIndex() < 0 ? "" : cells.get(layout.contentIndex()).text();
        String departments = layout.departmentsIndex() < 0 ? "" : cells.get(layout.departmentsIndex()).text();
        return build(cells.get(layout.titleIndex()).text(), content, points.get(), departments, rowLocation);
    }

    private Optional<ParsedItem> build(String rawTitle, String rawContent, BigDecimal points, String rawDepartments,
                                       SourceLocation location) {
        String itemTitle = joinTitleLines(rawTitle);
        if (itemTitle.isEmpty()) {
            problems.add(WorkListProblem.missing(fileName, location, ItemField.TITLE));
            return Optional.empty();
        }
        String content = rawContent.lines().map(String::strip).filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
        List<String> departments = Arrays.stream(DEPARTMENT_SEPARATORS.split(rawDepartments.strip()))
                .filter(name -> !name.isEmpty()).toList();
        return Optional.of(new ParsedItem(itemTitle, content, points, departments, location));
    }

    /** A title wrapped over lines in Word is one title; Chinese needs no space where it broke. */
    private static String joinTitleLines(String raw) {
        StringBuilder joined = new StringBuilder();
        raw.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
            if (!joined.isEmpty() && !isCjk(joined.codePointBefore(joined.length())) && !isCjk(line.codePointAt(0))) {
                joined.append(' ');
            }
            joined.append(line);
        });
        return joined.toString();
    }

    private static boolean isCjk(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN
                || codePoint >= 0x2018 && codePoint <= 0x201D
                || codePoint >= 0x3000 && codePoint <= 0x303F
                || codePoint >= 0xFF00 && codePoint <= 0xFFEF;
    }

    private void flushPendingHeadings() {
        for (Heading heading : pendingHeadings) {
            unplaced.add(new UnplacedLine(heading.location(), heading.text(),
                    current == null ? UnplacedReason.BEFORE_ANY_LIST : UnplacedReason.HEADING_WITHOUT_LIST));
        }
        pendingHeadings.clear();
    }

    private Optional<Integer> year() {
        for (String text : new String[] {title, routineTitle}) {
            if (text != null) {
                Matcher matcher = YEAR.matcher(text);
                if (matcher.find()) {
                    return Optional.of(Integer.parseInt(matcher.group(1)));
                }
            }
        }
        return Optional.empty();
    }

    private static String plain(BigDecimal points) {
        BigDecimal stripped = points.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String joinCells(List<TableCell> cells) {
        return cells.stream().map(cell -> cell.text().strip().replace('\n', ' ')).collect(Collectors.joining(" | "));
    }
}
