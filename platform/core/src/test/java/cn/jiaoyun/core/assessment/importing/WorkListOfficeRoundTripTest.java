package cn.jiaoyun.core.assessment.importing;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same Shaoxing lists laid out as Word tables and as a workbook read back to the same model.
 * Its layouts ({@link #docx}, {@link #xlsx}) also feed the import tests of the API.
 */
public class WorkListOfficeRoundTripTest {

    private static final List<String> KEY_HEADER = List.of("考核项目", "考核内容", "分值", "督查部门");
    private static final List<String> ROUTINE_HEADER = List.of("考评\n内容", "目标要求", "分值", "督查\n部门");

    /** What must survive any layout: everything but the source location. */
    private record ItemText(String title, String content, BigDecimal points, List<String> departments) {
        static ItemText of(ParsedItem item) {
            return new ItemText(item.title(), item.content(), item.points(), item.departments());
        }
    }

    private static ParsedWorkLists fromText;

    @BeforeAll
    static void parseText() throws Exception {
        fromText = new WorkListTextParser().parse(ShaoxingSeed.FILE_NAME, ShaoxingSeed.bytes());
    }

    @Test
    void wordTablesOfShaoxingGiveTheSameListsAsTheTextExport() throws Exception {
        ParsedWorkLists fromWord = WorkListDocuments.parse("shaoxing.docx", docx(fromText));

        assertSameLists(fromText, fromWord);
        assertEquals(new SourceLocation.TableRow(1, 3), fromWord.keyLists().get(0).items().get(1).location());
        assertEquals(List.of(), fromWord.unplaced());
    }

    @Test
    void workbookWithOneSheetPerUnitGivesTheSameListsAsTheTextExport() throws Exception {
        ParsedWorkLists fromExcel = WorkListDocuments.parse("shaoxing.xlsx", xlsx(fromText));

        assertSameLists(fromText, fromExcel);
        assertEquals(new SourceLocation.SheetRow("市交通运输综合行政执法队", 4),
                fromExcel.keyLists().get(0).items().get(1).location());
        assertEquals(List.of(), fromExcel.unplaced());
    }

    @Test
    void titleRowAboveTheHeaderNamesTheUnitWhenTheSheetNameIsGeneric() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Sheet1");
            sheet.createRow(0).createCell(0).setCellValue("绍兴市交通运输局下属某个名称很长超过三十一个字符的事业单位管理服务中心");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
            fill(sheet.createRow(1), KEY_HEADER);
            Row item = sheet.createRow(2);
            fill(item, List.of("安全生产", "全年无较大事故", "", "安全处、运输处"));
            item.getCell(2).setCellValue(2.5);

            ParsedWorkLists lists = WorkListDocuments.parse("long.xlsx", bytes(workbook));

            ParsedUnitList unit = lists.keyLists().get(0);
            assertEquals("绍兴市交通运输局下属某个名称很长超过三十一个字符的事业单位管理服务中心", unit.unitName());
            assertEquals(new BigDecimal("2.5"), unit.items().get(0).points());
            assertEquals(List.of("安全处", "运输处"), unit.items().get(0).departments());
        }
    }

    @Test
    void departmentMergedDownwardsInWordCountsForEveryRowItCovers() throws Exception {
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("市交通工程管理中心");
            XWPFTable table = document.createTable(3, 4);
            fill(table.getRow(0), KEY_HEADER);
            fill(table.getRow(1), List.of("品质工程", "抓好品质提升", "8", "建管处"));
            fill(table.getRow(2), List.of("合同造价管理", "组织专项检查", "6", ""));
            table.getRow(1).getCell(3).getCTTc().addNewTcPr().addNewVMerge()
                    .setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge.RESTART);
            table.getRow(2).getCell(3).getCTTc().addNewTcPr().addNewVMerge();

            ParsedWorkLists lists = WorkListDocuments.parse("merged.docx", bytes(document));

            assertEquals(List.of("建管处"), lists.keyLists().get(0).items().get(1).departments());
        }
    }

    private static void assertSameLists(ParsedWorkLists expected, ParsedWorkLists actual) {
        assertEquals(expected.title(), actual.title());
        assertEquals(expected.year(), actual.year());
        assertEquals(expected.keyLists().stream().map(ParsedUnitList::unitName).toList(),
                actual.keyLists().stream().map(ParsedUnitList::unitName).toList());
        assertEquals(List.of(17, 13, 9, 4), actual.keyLists().stream().map(list -> list.items().size()).toList());
        for (int i = 0; i < expected.keyLists().size(); i++) {
            assertEquals(texts(expected.keyLists().get(i).items()), texts(actual.keyLists().get(i).items()));
            assertEquals(0, new BigDecimal(60).compareTo(actual.keyLists().get(i).totalPoints()));
        }
        ParsedRoutineList routine = actual.routine().orElseThrow();
        assertEquals(texts(expected.routine().orElseThrow().items()), texts(routine.items()));
        assertEquals(0, new BigDecimal(20).compareTo(routine.totalPoints()));
    }

    private static List<ItemText> texts(List<ParsedItem> items) {
        return items.stream().map(ItemText::of).toList();
    }

    public static byte[] docx(ParsedWorkLists lists) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("附件1");
            document.createParagraph().createRun().setText(lists.title().orElseThrow());
            for (ParsedUnitList unit : lists.keyLists()) {
                document.createParagraph().createRun().setText(unit.unitName());
                table(document, KEY_HEADER, unit.items());
            }
            ParsedRoutineList routine = lists.routine().orElseThrow();
            document.createParagraph().createRun().setText(routine.title());
            table(document, ROUTINE_HEADER, routine.items());
            return bytes(document);
        }
    }

    private static void table(XWPFDocument document, List<String> header, List<ParsedItem> items) {
        XWPFTable table = document.createTable(items.size() + 1, 4);
        fill(table.getRow(0), header);
        for (int i = 0; i < items.size(); i++) {
            ParsedItem item = items.get(i);
            XWPFTableRow row = table.getRow(i + 1);
            fill(row, List.of(item.title(), item.content(), item.points().toPlainString(), ""));
            // Several departments as line breaks inside one paragraph, as Word users type them.
            XWPFRun run = row.getCell(3).getParagraphs().get(0).createRun();
            for (int d = 0; d < item.departments().size(); d++) {
                if (d > 0) {
                    run.addBreak();
                }
                run.setText(item.departments().get(d), d);
            }
        }
    }

    private static void fill(XWPFTableRow row, List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            List<String> lines = texts.get(i).lines().toList();
            for (int l = 0; l < lines.size(); l++) {
                if (l == 0) {
                    row.getCell(i).setText(lines.get(0));
                } else {
                    row.getCell(i).addParagraph().createRun().setText(lines.get(l));
                }
            }
        }
    }

    public static byte[] xlsx(ParsedWorkLists lists) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            for (ParsedUnitList unit : lists.keyLists()) {
                Sheet sheet = workbook.createSheet(unit.unitName());
                if (workbook.getNumberOfSheets() == 1) {
                    // The document title as a merged row above the first sheet's header.
                    sheet.createRow(0).createCell(0).setCellValue(lists.title().orElseThrow());
                    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
                }
                sheet(sheet, KEY_HEADER, unit.items());
            }
            sheet(workbook.createSheet("常规工作清单"), ROUTINE_HEADER, lists.routine().orElseThrow().items());
            return bytes(workbook);
        }
    }

    private static void sheet(Sheet sheet, List<String> header, List<ParsedItem> items) {
        int headerRow = sheet.getLastRowNum() + 1;
        fill(sheet.createRow(headerRow), header);
        for (int i = 0; i < items.size(); i++) {
            ParsedItem item = items.get(i);
            Row row = sheet.createRow(headerRow + i + 1);
            fill(row, List.of(item.title(), item.content(), "", String.join("\n", item.departments())));
            row.getCell(2).setCellValue(item.points().doubleValue());
        }
    }

    private static void fill(Row row, List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            row.createCell(i).setCellValue(texts.get(i));
        }
    }

    private static byte[] bytes(XWPFDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.write(out);
        return out.toByteArray();
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}
