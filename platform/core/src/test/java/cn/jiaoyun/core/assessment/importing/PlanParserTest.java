package cn.jiaoyun.core.assessment.importing;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Narrative plans of different shapes, all synthetic: the parser must read plans nobody has seen,
 * so none of these copies a real bureau's document.
 */
class PlanParserTest {

    private final PlanParser parser = new PlanParser();

    /** Full hierarchy with full-width brackets, furniture at top and bottom, a signature. */
    static final String FULL_WIDTH = """
            当前位置：首页 > 政务公开 > 计划总结
            索引号：11430000-XX-2021-001    主题分类：交通
            发布日期：2021-02-08  浏览次数：1024
            字号：【大 中 小】
            　　
            青岚县交通运输局2021年工作要点

            2021年是“十四五”开局之年，全局上下要围绕以下重点开展工作。

            一、加快交通基础设施建设
            （一）推进国省干线改造。完成S208青岚段改建工程，新建公路12公里。
            1．开工建设东环线一期工程，年底前完成投资3亿元以上。
            2．完成危桥改造8座。
            （二）提升农村公路水平。
            全年新改建农村公路80公里，“四好农村路”示范乡镇创建2个。
            二、提升运输服务质量
            （一）优化公交线网。新增公交线路5条，公交分担率达到30%以上。
            （1）更新新能源公交车40辆；
            （2）新建候车亭60个。
            三、守住安全生产底线
            道路运输较大以上事故起数为零。

            青岚县交通运输局
            2021年2月8日

            【打印本页】【关闭窗口】
            分享到：微信 微博
            上一篇：青岚县交通运输局2020年工作总结
            """;

    @Test
    void aFullHierarchyBecomesSectionsWithTheirTasksAndTheFurnitureIsLeftOut() throws Exception {
        ParsedPlan plan = parser.parse("plan.txt", FULL_WIDTH.getBytes(StandardCharsets.UTF_8));
        assertThat(plan.title()).isEqualTo("青岚县交通运输局2021年工作要点");
        assertThat(plan.titleFromFileName()).isFalse();
        assertThat(plan.year()).contains(2021);
        assertThat(plan.items()).extracting(PlanNode::number).containsExactly(
                "一、", "（一）", "1．", "2．", "（二）", "二、", "（一）", "（1）", "（2）", "三、");
        assertThat(plan.items()).extracting(PlanNode::level).containsExactly(1, 2, 3, 3, 2, 1, 2, 3, 3, 1);
        assertThat(plan.items()).extracting(PlanNode::parent).containsExactly(null, 0, 1, 1, 0, null, 5, 6, 6, null);
        PlanNode roads = plan.items().get(1);
        assertThat(roads.title()).isEqualTo("推进国省干线改造");
        assertThat(roads.content()).isEqualTo("完成S208青岚段改建工程，新建公路12公里。");
        PlanNode rural = plan.items().get(4);
        assertThat(rural.title()).isEqualTo("提升农村公路水平");
        assertThat(rural.content()).as("a paragraph under a task is its content")
                .isEqualTo("全年新改建农村公路80公里，“四好农村路”示范乡镇创建2个。");
        assertThat(plan.items().get(9).content()).as("the signature is not the last task's content")
                .isEqualTo("道路运输较大以上事故起数为零。");
        assertThat(plan.items().get(7).title()).isEqualTo("更新新能源公交车40辆");
        assertThat(plan.items().get(7).location()).isEqualTo(new SourceLocation.TextLine(18));

        assertThat(plan.ignored()).extracting(PlanLine::kind).containsExactly(
                PlanLineKind.BREADCRUMB, PlanLineKind.PAGE_INFO, PlanLineKind.PAGE_INFO, PlanLineKind.PAGE_INFO,
                PlanLineKind.PREAMBLE, PlanLineKind.SIGNATURE, PlanLineKind.SIGNATURE,
                PlanLineKind.PAGE_TOOLS, PlanLineKind.PAGE_TOOLS, PlanLineKind.PAGE_TOOLS);
        String all = plan.items().toString();
        for (String furniture : List.of("当前位置", "索引号", "浏览次数", "字号", "打印", "关闭", "分享", "上一篇", "2021年2月8日")) {
            assertThat(all).as(furniture).doesNotContain(furniture);
        }
    }

    /** Half-width brackets, 1、 directly under 一、 (a missing level), GB18030 as Windows saves it. */
    @Test
    void halfWidthBracketsAndAMissingLevelInAGb18030File() throws Exception {
        String text = """
                河湾区交通运输局2022年工作计划
                一、项目建设
                1、完成河湾大桥主体工程。
                2、新建港湾式停靠站20个，6月底前完成。
                (一)附属工程
                (1)完善交通标志标线。
                二、行业管理
                1、开展治超专项行动，超限率控制在2%以内。
                """;
        ParsedPlan plan = parser.parse("河湾.txt", text.getBytes(Charset.forName("GB18030")));
        assertThat(plan.notices()).extracting(WorkListNotice::message)
                .containsExactly(WorkListMessage.DECODED_AS_GB18030);
        assertThat(plan.items()).extracting(PlanNode::title).containsExactly("项目建设", "完成河湾大桥主体工程",
                "新建港湾式停靠站20个，6月底前完成", "附属工程", "完善交通标志标线", "行业管理",
                "开展治超专项行动，超限率控制在2%以内");
        assertThat(plan.items()).extracting(PlanNode::parent).containsExactly(null, 0, 0, 0, 3, null, 5);
        assertThat(plan.year()).contains(2022);
    }

    /** Tasks numbered directly under the title, each a long paragraph, as many bureaus publish. */
    @Test
    void numberedTasksDirectlyUnderTheTitleWithPreambleAndTrailer() throws Exception {
        String text = """
                网站首页 » 信息公开 » 规划计划
                松石市交通运输局2023年工作计划
                发布时间 : 2023-03-01 来源:松石市交通运输局 字体大小:
                2023年，我局将扎实推进三项重点工作：
                1.全力推进项目建设。一是做好规划编制。二是力争完成交通投资20亿元。
                2.着力提升服务品质。持续优化营商环境。
                3.竭力守住安全底线。杜绝重大以上交通安全责任事故。
                松石市交通运输局
                2023年3月1日
                相关文档:
                  • 扫一扫在手机打开当前页
                """;
        ParsedPlan plan = parser.parse("songshi.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(plan.title()).isEqualTo("松石市交通运输局2023年工作计划");
        assertThat(plan.items()).extracting(PlanNode::number).containsExactly("1.", "2.", "3.");
        assertThat(plan.items()).allSatisfy(i -> assertThat(i.parent()).isNull());
        assertThat(plan.items().get(0).title()).isEqualTo("全力推进项目建设");
        assertThat(plan.items().get(0).content()).isEqualTo("一是做好规划编制。二是力争完成交通投资20亿元。");
        assertThat(plan.items().get(2).content()).isEqualTo("杜绝重大以上交通安全责任事故。");
        assertThat(plan.ignored()).extracting(PlanLine::kind).containsExactly(PlanLineKind.BREADCRUMB,
                PlanLineKind.PAGE_INFO, PlanLineKind.PREAMBLE, PlanLineKind.SIGNATURE, PlanLineKind.SIGNATURE,
                PlanLineKind.PAGE_TOOLS, PlanLineKind.PAGE_TOOLS);
    }

    /** Parts above the sections, a heading whose text is on the next line, no title line. */
    @Test
    void partsAboveSectionsAndAHeadingWhoseTextFollows() throws Exception {
        String text = """
                第一部分 年度目标
                一、
                主要指标全面完成。
                货运量增长5%以上。
                第二部分 重点任务
                一、交通投资
                （一）完成综合交通投资10亿元。
                """;
        ParsedPlan plan = parser.parse("桐溪2024年计划.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(plan.titleFromFileName()).isTrue();
        assertThat(plan.title()).isEqualTo("桐溪2024年计划");
        assertThat(plan.year()).contains(2024);
        assertThat(plan.items()).extracting(PlanNode::title).containsExactly("年度目标", "主要指标全面完成",
                "重点任务", "交通投资", "完成综合交通投资10亿元");
        assertThat(plan.items().get(1).content()).isEqualTo("货运量增长5%以上。");
        assertThat(plan.items()).extracting(PlanNode::parent).containsExactly(null, 0, null, 2, 3);
    }

    @Test
    void aDocumentOfBareParagraphsIsRefusedNamingTheLineWhereItsBodyStarts() {
        String text = """
                当前位置：首页 > 新闻
                某县交通运输局2020年工作打算

                今年，我局将继续加强项目建设，一是抓规划，二是抓投资。
                同时，强化安全生产，确保行业稳定。
                """;
        assertThatThrownBy(() -> parser.parse("bare.txt", text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(PlanFormatException.class, e -> {
                    assertThat(e.location()).isEqualTo(new SourceLocation.TextLine(4));
                    assertThat(e.chinese()).startsWith("bare.txt 第4行：").contains("编号标题", "今年，我局将继续");
                    assertThat(e.english()).startsWith("bare.txt, line 4: ").contains("numbered heading");
                });
    }

    @Test
    void onlyFurnitureOrNothingIsRefused() {
        assertThatThrownBy(() -> parser.parse("empty.txt", new byte[0])).isInstanceOf(PlanFormatException.class)
                .hasMessageContaining("empty.txt");
        assertThatThrownBy(() -> parser.parse("furniture.txt", "当前位置：首页 > 新闻\n【打印】【关闭】\n"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(PlanFormatException.class);
        assertThatThrownBy(() -> parser.parse("plan.pdf", "一、x".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PlanFormatException.class).hasMessageContaining(".docx");
    }

    @Test
    void contentThatMentionsSharingOrPrintingStaysContent() throws Exception {
        String text = """
                某区2021年工作计划
                一、数据分享
                建立交通数据分享机制，打印证照实现全程网办。
                来源于群众的诉求100%办结。
                """;
        ParsedPlan plan = parser.parse("p.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(plan.items().get(0).title()).isEqualTo("数据分享");
        assertThat(plan.items().get(0).content()).contains("打印证照", "来源于群众");
        assertThat(plan.ignored()).isEmpty();
    }

    @Test
    void aWordDocumentsParagraphsIncludingWordsOwnNumbering() throws Exception {
        byte[] docx;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : List.of("当前位置：首页 > 通知公告", "云岭镇交通管理所2025年工作计划", "一、农村公路",
                    "（一）新改建农村公路15公里。", "二、运输服务", "1.开通镇村公交2条。", "打印 关闭")) {
                document.createParagraph().createRun().setText(p);
            }
            document.write(out);
            docx = out.toByteArray();
        }
        ParsedPlan plan = parser.parse("yunling.docx", docx);
        assertThat(plan.title()).isEqualTo("云岭镇交通管理所2025年工作计划");
        assertThat(plan.items()).extracting(PlanNode::title)
                .containsExactly("农村公路", "新改建农村公路15公里", "运输服务", "开通镇村公交2条");
        assertThat(plan.items().get(1).location()).isEqualTo(new SourceLocation.DocumentParagraph(4));
        assertThat(plan.ignored()).extracting(PlanLine::kind)
                .containsExactly(PlanLineKind.BREADCRUMB, PlanLineKind.PAGE_TOOLS);
    }

    /** Word's own list numbering: the paragraphs' text lacks 一、 and 1., Word shows them. */
    @Test
    void wordsAutomaticNumberingIsReadAsTheHeadingsNumbers() throws Exception {
        byte[] docx;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CTAbstractNum definition = CTAbstractNum.Factory.newInstance();
            definition.setAbstractNumId(BigInteger.ZERO);
            level(definition, 0, STNumberFormat.CHINESE_COUNTING, "%1、");
            level(definition, 1, STNumberFormat.DECIMAL, "%2.");
            XWPFNumbering numbering = document.createNumbering();
            BigInteger numId = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(definition)));
            document.createParagraph().createRun().setText("石桥县交通运输局2026年工作计划");
            for (String[] p : List.of(new String[] {"0", "路网建设"}, new String[] {"1", "新建公路8公里。"},
                    new String[] {"1", "改造危桥3座。"}, new String[] {"0", "运输服务"},
                    new String[] {"1", "开通城乡公交2条。"})) {
                XWPFParagraph paragraph = document.createParagraph();
                paragraph.setNumID(numId);
                paragraph.setNumILvl(new BigInteger(p[0]));
                paragraph.createRun().setText(p[1]);
            }
            document.write(out);
            docx = out.toByteArray();
        }
        ParsedPlan plan = parser.parse("shiqiao.docx", docx);
        assertThat(plan.items()).extracting(PlanNode::number).containsExactly("一、", "1.", "2.", "二、", "1.");
        assertThat(plan.items()).extracting(PlanNode::parent).containsExactly(null, 0, 0, null, 3);
        assertThat(plan.items().get(2).title()).isEqualTo("改造危桥3座");
    }

    private static void level(CTAbstractNum definition, int level, STNumberFormat.Enum format, String text) {
        CTLvl lvl = definition.addNewLvl();
        lvl.setIlvl(BigInteger.valueOf(level));
        lvl.addNewStart().setVal(BigInteger.ONE);
        lvl.addNewNumFmt().setVal(format);
        lvl.addNewLvlText().setVal(text);
    }
}
