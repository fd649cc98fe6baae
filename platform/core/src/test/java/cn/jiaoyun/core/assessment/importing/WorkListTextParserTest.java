package cn.jiaoyun.core.assessment.importing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkListTextParserTest {

    private static ParsedWorkLists shaoxing;

    @BeforeAll
    static void parseShaoxing() throws Exception {
        shaoxing = new WorkListTextParser().parse(ShaoxingSeed.FILE_NAME, ShaoxingSeed.bytes());
    }

    @Test
    void shaoxingHasFourUnitsWithTheirItemCounts() {
        assertEquals(List.of("市交通运输综合行政执法队", "市公路与运输管理中心", "市交通工程管理中心", "市综合交通运行监测中心"),
                shaoxing.keyLists().stream().map(ParsedUnitList::unitName).toList());
        assertEquals(List.of(17, 13, 9, 4), shaoxing.keyLists().stream().map(list -> list.items().size()).toList());
    }

    @Test
    void everyShaoxingUnitsKeyPointsAddUpToSixty() {
        for (ParsedUnitList list : shaoxing.keyLists()) {
            assertEquals(0, new BigDecimal(60).compareTo(list.totalPoints()), list.unitName());
        }
    }

    @Test
    void shaoxingRoutineListHasTenItemsWorthTwentyPoints() {
        ParsedRoutineList routine = shaoxing.routine().orElseThrow();
        assertEquals("局属各单位2020年常规工作清单", routine.title());
        assertEquals(10, routine.items().size());
        assertEquals(0, new BigDecimal(20).compareTo(routine.totalPoints()));
        assertEquals("工作效能", routine.items().get(0).title());
        assertEquals(List.of("财务处", "科信处"), routine.items().get(7).departments());
        assertEquals("交战办", routine.items().get(9).departments().get(0));
    }

    @Test
    void titleAndYearComeFromTheTitleLine() {
        assertEquals("局属各单位2020年重点工作清单", shaoxing.title().orElseThrow());
        assertEquals(2020, shaoxing.year().orElseThrow());
    }

    @Test
    void departmentCellContinuedOnLinesWithoutTabGivesSeveralDepartments() {
        ParsedItem strongCity = shaoxing.keyLists().get(0).items().get(1);
        assertEquals("交通强市", strongCity.title());
        assertEquals(new BigDecimal(4), strongCity.points());
        assertEquals(List.of("办公室", "规划处"), strongCity.departments());
        assertEquals(new SourceLocation.TextLine(16), strongCity.location());
        assertEquals(List.of("科信处"), shaoxing.keyLists().get(0).items().get(0).departments());
        assertTrue(shaoxing.keyLists().get(0).items().get(1).content().startsWith("根据职责推进落实《2020年交通强市建设重点任务清单》"));
    }

    @Test
    void nothingInShaoxingIsLeftUnplacedAndTheFileIsTakenAsUtf8() {
        assertEquals(List.of(), shaoxing.unplaced());
        assertEquals(List.of(), shaoxing.notices());
    }
}
