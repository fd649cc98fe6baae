package cn.jiaoyun.core.assessment.importing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A made-up county's export that differs from Shaoxing's in every way the format allows. */
class OtherBureauTextTest {

    private static final String ZHUJI = String.join("\r\n",
            "\uFEFF诸暨市交通运输局2024年度重点工作清单",
            "",
            "",
            "运输管理所",
            "",
            "\t考核",
            "项目",
            "\t工作内容",
            "及要求",
            "\t分",
            "值",
            "\t责任",
            "科室",
            "",
            "\t城乡公交一体化",
            "\t完成城乡公交线路优化",
            "调整不少于10条",
            "\t2.5",
            "\t运输科、安全科",
            "",
            "",
            "\t客运站改造",
            "\t完成店口客运站改造",
            "\t7.5",
            "\t运输科 建设科",
            "监督科",
            "",
            "注：分值由考核办确定",
            "",
            "\t合计",
            "\t10",
            "",
            "公路管理段",
            "\t考核项目\t考核内容\t分值\t督查部门",
            "\t路况提升\t完成大中修20公里\t10\t公路科",
            "");

    @Test
    void windowsLineEndingsBomExtraBlankLinesAndBrokenHeadersAreRead() throws Exception {
        ParsedWorkLists lists = new WorkListTextParser().parse("zhuji.txt", utf8Bom());

        assertEquals(List.of("运输管理所", "公路管理段"), lists.keyLists().stream().map(ParsedUnitList::unitName).toList());
        assertEquals(2024, lists.year().orElseThrow());
        ParsedUnitList transport = lists.keyLists().get(0);
        assertEquals(2, transport.items().size());
        assertEquals(new BigDecimal("2.5"), transport.items().get(0).points());
        assertEquals("完成城乡公交线路优化\n调整不少于10条", transport.items().get(0).content());
        assertEquals(0, new BigDecimal(10).compareTo(transport.totalPoints()));
    }

    @Test
    void departmentsSeparatedByEnumerationCommaSpaceOrLineAreSplit() throws Exception {
        ParsedUnitList transport = new WorkListTextParser().parse("zhuji.txt", utf8Bom()).keyLists().get(0);

        assertEquals(List.of("运输科", "安全科"), transport.items().get(0).departments());
        assertEquals(List.of("运输科", "建设科", "监督科"), transport.items().get(1).departments());
    }

    @Test
    void noteLineGoesToUnplacedWithItsLineAndTheTotalRowIsChecked() throws Exception {
        ParsedWorkLists lists = new WorkListTextParser().parse("zhuji.txt", utf8Bom());

        assertEquals(List.of(new UnplacedLine(new SourceLocation.TextLine(28), "注：分值由考核办确定",
                UnplacedReason.HEADING_WITHOUT_LIST)), lists.unplaced());
        assertEquals(List.of(), lists.notices());
    }

    @Test
    void tabSeparatedRowsOnOneLineAreReadAsRows() throws Exception {
        ParsedUnitList roads = new WorkListTextParser().parse("zhuji.txt", utf8Bom()).keyLists().get(1);

        assertEquals(List.of(new ParsedItem("路况提升", "完成大中修20公里", new BigDecimal(10), List.of("公路科"),
                new SourceLocation.TextLine(35))), roads.items());
    }

    @Test
    void totalRowDisagreeingWithTheItemsGivesANotice() throws Exception {
        byte[] wrongTotal = ZHUJI.replace("\t合计\r\n\t10", "\t合计\r\n\t12").getBytes(StandardCharsets.UTF_8);

        ParsedWorkLists lists = new WorkListTextParser().parse("zhuji.txt", wrongTotal);

        assertEquals(List.of("“运输管理所”的合计行写 12 分，各项分值之和为 10 分"),
                lists.notices().stream().map(WorkListNotice::chinese).toList());
    }

    private static byte[] utf8Bom() {
        return ZHUJI.getBytes(StandardCharsets.UTF_8);
    }
}
