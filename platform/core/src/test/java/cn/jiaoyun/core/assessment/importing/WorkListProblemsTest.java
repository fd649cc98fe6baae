package cn.jiaoyun.core.assessment.importing;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkListProblemsTest {

    private static final String SMALL_LIST = """
            某局2021年重点工作清单

            市公路中心
            \t考核项目
            \t考核内容
            \t分值
            \t督查部门

            \t安全生产
            \t全年无事故
            \t%s
            \t安全处

            """;

    @Test
    void gbkEncodedTextIsReadAsGb18030AndThePreviewSaysSo() throws Exception {
        byte[] gbk = new String(ShaoxingSeed.bytes(), StandardCharsets.UTF_8).getBytes(Charset.forName("GBK"));

        ParsedWorkLists lists = WorkListDocuments.parse("shaoxing-gbk.txt", gbk);

        assertEquals(List.of(17, 13, 9, 4), lists.keyLists().stream().map(list -> list.items().size()).toList());
        assertEquals(List.of("办公室", "规划处"), lists.keyLists().get(0).items().get(1).departments());
        assertEquals(WorkListMessage.DECODED_AS_GB18030, lists.notices().get(0).message());
        assertTrue(lists.notices().get(0).chinese().contains("GB18030"));
    }

    @Test
    void textInNeitherUtf8NorGb18030IsRefusedNamingTheFile() {
        byte[] garbage = {'A', (byte) 0xFF, (byte) 0xFF, 'B'};

        WorkListFormatException refused = assertThrows(WorkListFormatException.class,
                () -> WorkListDocuments.parse("odd.txt", garbage));

        assertEquals(WorkListMessage.UNKNOWN_ENCODING, refused.problems().get(0).message());
        assertTrue(refused.getMessage().startsWith("odd.txt："), refused.getMessage());
    }

    @Test
    void randomBytesNamedDocxAreReportedAsADamagedDocument() {
        byte[] random = new byte[2048];
        new Random(7).nextBytes(random);

        WorkListFormatException viaFacade = assertThrows(WorkListFormatException.class,
                () -> WorkListDocuments.parse("清单.docx", random));
        WorkListFormatException viaParser = assertThrows(WorkListFormatException.class,
                () -> new WorkListDocxParser().parse("清单.docx", random));

        assertEquals("清单.docx：文件已损坏或不是有效的 Word (.docx) 文件", viaFacade.getMessage());
        assertEquals(WorkListMessage.BROKEN_DOCUMENT, viaParser.problems().get(0).message());
    }

    @Test
    void zipThatIsNoWordDocumentIsReportedAsDamaged() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("notes/readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        WorkListFormatException viaFacade = assertThrows(WorkListFormatException.class,
                () -> WorkListDocuments.parse("list.docx", bytes.toByteArray()));
        WorkListFormatException viaParser = assertThrows(WorkListFormatException.class,
                () -> new WorkListDocxParser().parse("list.docx", bytes.toByteArray()));
        WorkListFormatException asWorkbook = assertThrows(WorkListFormatException.class,
                () -> new WorkListXlsxParser().parse("list.xlsx", bytes.toByteArray()));

        assertEquals(WorkListMessage.BROKEN_DOCUMENT, viaFacade.problems().get(0).message());
        assertEquals(WorkListMessage.BROKEN_DOCUMENT, viaParser.problems().get(0).message());
        assertEquals("list.xlsx: the file is damaged or is not a valid Excel (.xlsx) file", asWorkbook.englishMessage());
    }

    @Test
    void fileOverTheSizeLimitIsRefusedBeforeParsing() {
        byte[] tooBig = new byte[1001];

        WorkListFormatException refused = assertThrows(WorkListFormatException.class,
                () -> WorkListDocuments.parse("big.docx", tooBig, 1000));

        assertEquals(WorkListMessage.TOO_LARGE, refused.problems().get(0).message());
    }

    @Test
    void streamOverTheSizeLimitIsRefusedAfterReadingOnlyTheLimit() {
        ByteArrayInputStream upload = new ByteArrayInputStream(new byte[10_000]);

        WorkListFormatException refused = assertThrows(WorkListFormatException.class,
                () -> WorkListDocuments.parse("big.txt", upload, 1000));

        assertEquals(WorkListMessage.TOO_LARGE, refused.problems().get(0).message());
        assertEquals(10_000 - 1001, upload.available());
    }

    @Test
    void emptyFileIsRefused() {
        WorkListFormatException refused = assertThrows(WorkListFormatException.class,
                () -> WorkListDocuments.parse("empty.txt", new byte[0]));

        assertEquals("empty.txt：文件为空", refused.getMessage());
        assertEquals("empty.txt: the file is empty", refused.englishMessage());
    }

    @Test
    void rowWithoutPointsIsReportedWithItsLine() {
        byte[] list = SMALL_LIST.formatted("").getBytes(StandardCharsets.UTF_8);

        WorkListFormatException refused = assertThrows(WorkListFormatException.class,
                () -> WorkListDocuments.parse("shaoxing.txt", list));

        assertEquals("shaoxing.txt 第11行：缺少分值", refused.getMessage());
        assertEquals("shaoxing.txt, line 11: points missing", refused.englishMessage());
        WorkListProblem problem = refused.problems().get(0);
        assertEquals(ItemField.POINTS, problem.field());
        assertEquals(new SourceLocation.TextLine(11), problem.location());
    }

    @Test
    void rowWithNonNumericPointsIsReportedWithTheValue() {
        byte[] list = SMALL_LIST.formatted("四分").getBytes(StandardCharsets.UTF_8);

        WorkListFormatException refused = assertThrows(WorkListFormatException.class,
                () -> WorkListDocuments.parse("shaoxing.txt", list));

        assertEquals("shaoxing.txt 第11行：分值“四分”不是数字", refused.getMessage());
    }

    @Test
    void pointsWrittenWithFullWidthDigitsOrTheUnitAreRead() throws Exception {
        ParsedWorkLists lists = WorkListDocuments.parse("a.txt", SMALL_LIST.formatted("２.5分").getBytes(StandardCharsets.UTF_8));

        assertEquals(new BigDecimal("2.5"), lists.keyLists().get(0).items().get(0).points());
    }

    @Test
    void csvOfSomethingElseIsNotTakenAsAWorkList() {
        byte[] csv = "plate,axles,weight_kg\n浙D12345,6,49000\n浙D54321,4,31000\n".getBytes(StandardCharsets.UTF_8);

        WorkListFormatException asText = assertThrows(WorkListFormatException.class,
                () -> WorkListDocuments.parse("overloads.txt", csv));
        WorkListFormatException asCsv = assertThrows(WorkListFormatException.class,
                () -> WorkListDocuments.parse("overloads.csv", csv));

        assertEquals(WorkListMessage.NOT_A_WORK_LIST, asText.problems().get(0).message());
        assertEquals(WorkListMessage.UNSUPPORTED_TYPE, asCsv.problems().get(0).message());
    }

    @Test
    void oldBinaryWordDocumentIsRefusedWithAdviceToResave() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

        WorkListFormatException refused = assertThrows(WorkListFormatException.class,
                () -> WorkListDocuments.parse("清单.doc", ole2));

        assertEquals(WorkListMessage.LEGACY_OFFICE_FORMAT, refused.problems().get(0).message());
    }

    @Test
    void everyBadRowIsReportedNotOnlyTheFirst() {
        String twoBadRows = SMALL_LIST.formatted("") + "\t绿色交通\n\t节能减排\n\tx\n\t规划处\n";

        WorkListFormatException refused = assertThrows(WorkListFormatException.class,
                () -> WorkListDocuments.parse("b.txt", twoBadRows.getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of(new SourceLocation.TextLine(11), new SourceLocation.TextLine(16)),
                refused.problems().stream().map(WorkListProblem::location).toList());
    }
}
