package cn.jiaoyun.ui;

import cn.jiaoyun.core.assessment.AssessmentViews.ItemSummary;
import cn.jiaoyun.core.assessment.AssessmentViews.WorkListSummary;
import cn.jiaoyun.core.assessment.Target;
import cn.jiaoyun.core.assessment.WorkListService;
import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.bureau.Department;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.indicators.BureauFigures;
import cn.jiaoyun.core.indicators.BureauPeriodTotals;
import cn.jiaoyun.core.indicators.Indicator;
import cn.jiaoyun.core.indicators.IndicatorCatalog;
import cn.jiaoyun.core.indicators.PeriodTotals;
import cn.jiaoyun.core.organisation.Organisation;
import cn.jiaoyun.core.organisation.OrganisationViews.AliasView;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import cn.jiaoyun.test.browser.BrowserTest;
import cn.jiaoyun.ui.WorkListByHandUiTest.ListPages;
import cn.jiaoyun.ui.views.figures.FiguresView;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A bureau sets itself up in a real browser, as a new customer would: the platform administrator
 * creates it, its administrator builds the organisation, imports a work list whose names the
 * bureau does not know yet (creating one, mapping another), builds a list by hand, adds an
 * indicator of its own with a half-year total and types a rate; another bureau sees none of it.
 * Each step is a method of its own; later steps of the onboarding join {@link #aNewBureauSetsItselfUp()}.
 */
@JiaoyunTest
class OnboardingUiTest extends BrowserTest {

    private static final String PASSWORD = JiaoyunTestContextBuilder.DEMO_PASSWORD;
    private static final String PLATFORM_CHOICE = "平台账号（不属于任何交通运输局）";
    static final String CODE = "xianju";
    static final String BUREAU = "仙居县交通运输局";
    static final String ADMIN = "chief";
    static final String ADMIN_PASSWORD = "xianju-2026";
    static final int YEAR = 2026;

    static final String TRANSPORT = "仙居县公路与运输管理中心";
    static final String QUALITY = "仙居县交通工程质量监督站";
    static final String PORT_OFFICE = "港航管理处";
    static final String SAFETY = "安全监督科";
    /** Names the work list writes that the bureau does not know: one to create, one to map to 港航管理处. */
    static final String NEW_UNIT = "仙居县农村公路管理所";
    static final String PORT_AS_WRITTEN = "港航处";
    /** The list built by hand: one item whose content carries a quantitative target. */
    static final String HAND_ITEM = "农村公路大中修";
    static final String HAND_CONTENT = "完成农村公路大中修20公里";
    /** The bureau's own indicator and the platform rate typed directly. */
    static final String OWN = "公交车辆数";
    static final String RATE = "safety.rectification_rate";

    @Inject
    BureauService bureaus;
    @Inject
    Organisation organisation;
    @Inject
    WorkListService worklists;
    @Inject
    IndicatorCatalog catalog;
    @Inject
    BureauPeriodTotals totals;
    @Inject
    BureauFigures figures;

    @Test
    void aNewBureauSetsItselfUp() throws IOException {
        VaadinFields fields = new VaadinFields(browser);
        platformAdministratorCreatesTheBureau(fields);
        login.open().logIn(BUREAU, ADMIN, ADMIN_PASSWORD);
        assertThat(main.bureauName()).isEqualTo(BUREAU);
        administratorBuildsTheOrganisation(fields);
        administratorImportsAWorkListWithUnknownNames(fields);
        long handList = administratorBuildsAListByHand();
        Indicator own = administratorAddsAnIndicatorOfItsOwn(fields);
        administratorEntersAHalfYearTotal(fields, own);
        administratorTypesARate(fields);
        main.logout();
        anotherBureauSeesNoneOfIt(handList, own);
    }

    private void platformAdministratorCreatesTheBureau(VaadinFields fields) {
        login.open().logIn(PLATFORM_CHOICE, "platform", PASSWORD);
        browser.waitForText("#bureaus", "绍兴市交通运输局");
        fields.click("#new-bureau");
        browser.find("#bureau-code input").sendKeys(CODE);
        browser.find("#bureau-name-field input").sendKeys(BUREAU);
        fields.select("#bureau-level", "县");
        browser.find("#bureau-region input").sendKeys("331024");
        browser.find("#bureau-parent-region input").sendKeys("331000");
        browser.find("#bureau-parent-name input").sendKeys("台州市");
        browser.find("#bureau-admin-username input").sendKeys(ADMIN);
        browser.find("#bureau-admin-name input").sendKeys("仙居管理员");
        browser.find("#bureau-admin-password input").sendKeys(ADMIN_PASSWORD);
        fields.click("#save-bureau");
        browser.waitForText("#bureaus", BUREAU);
        main.logout();
    }

    private void administratorBuildsTheOrganisation(VaadinFields fields) {
        assertThat(main.menu()).contains("menu-organisation");
        browser.find("#menu-organisation").click();
        browser.find("#org-units");
        assertThat(bureaus.units(CODE)).as("a new bureau starts with no units").isEmpty();

        create(fields, "unit", TRANSPORT, "运管中心");
        create(fields, "unit", QUALITY, "");
        create(fields, "department", PORT_OFFICE, "港航处室");
        create(fields, "department", SAFETY, "");

        fields.click("#new-unit");
        fields.type("#org-name", " 仙居县公路与运输管理中心 ");
        fields.click("#org-save");
        WebElement name = browser.find("#org-name");
        assertThat(name.getDomAttribute("invalid")).as("a name in use is refused at the field").isNotNull();
        assertThat(name.getDomProperty("errorMessage")).contains(TRANSPORT);
        fields.click("#org-cancel");

        List<Unit> units = bureaus.units(CODE);
        assertThat(units).extracting(Unit::name).containsExactly(TRANSPORT, QUALITY);
        assertThat(units.get(0).shortName()).isEqualTo("运管中心");
        fields.click("#unit-up-" + units.get(1).id());
        browser.waitForText("#org-units", QUALITY);
        assertThat(bureaus.units(CODE)).extracting(Unit::name).containsExactly(QUALITY, TRANSPORT);
        assertThat(bureaus.departments(CODE)).extracting(Department::name).containsExactly(PORT_OFFICE, SAFETY);
        browser.screenshot("onboarding-organisation");
    }

    private void create(VaadinFields fields, String kind, String name, String shortName) {
        fields.click("#new-" + kind);
        fields.type("#org-name", name);
        if (!shortName.isEmpty()) {
            fields.type("#org-short-name", shortName);
        }
        fields.click("#org-save");
        browser.waitForText("#org-" + kind + "s", name);
    }

    private void administratorImportsAWorkListWithUnknownNames(VaadinFields fields) throws IOException {
        browser.find("#menu-worklists").click();
        fields.type("#year", String.valueOf(YEAR));
        WebElement upload = browser.find("#import-upload");
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(workList().toString());
        browser.waitForText("#import-unknown", NEW_UNIT);
        assertThat(browser.find("#import-unknown").getText()).contains(PORT_AS_WRITTEN, "相近：" + PORT_OFFICE);
        assertThat(browser.find("#import-commit").getDomAttribute("disabled")).as("every name needs a choice")
                .isNotNull();
        browser.screenshot("onboarding-import-unknown");

        fields.select("#unknown-unit-0", "新建");
        fields.select("#unknown-department-0", PORT_OFFICE);
        assertThat(browser.find("#import-commit").getDomAttribute("disabled")).as("every name has its choice")
                .isNull();
        assertThat(browser.find("#import-problems").getText()).isBlank();
        fields.click("#import-commit");
        browser.waitForText("#worklists", NEW_UNIT);
        browser.screenshot("onboarding-worklists");

        assertThat(bureaus.units(CODE)).extracting(Unit::name).contains(NEW_UNIT);
        assertThat(organisation.aliases(CODE)).extracting(AliasView::name, AliasView::targetName)
                .contains(tuple(PORT_AS_WRITTEN, PORT_OFFICE));
        assertThat(worklists.lists(CODE, YEAR)).hasSize(2);
    }

    /** A key list for the quality station typed in the product, its item's target read from the content. */
    private long administratorBuildsAListByHand() {
        ListPages page = new ListPages(browser);
        assertThat(page.value("#year")).isEqualTo(String.valueOf(YEAR));
        page.fields.click("#new-list");
        browser.find("#list-title");
        assertThat(page.value("#list-title")).isEqualTo(YEAR + "年重点工作清单");
        assertThat(page.value("#list-expected")).isEqualTo("100");
        page.choose("#list-units", QUALITY);
        page.fields.click("#list-save");
        browser.waitForText("#worklist-total", "共 0 项，合计 0 分，本局要求 100 分，还差 100 分");
        assertThat(browser.find("#worklist-title").getText()).contains(QUALITY, String.valueOf(YEAR));

        page.fields.click("#add-item");
        page.fields.type("#item-title-field", HAND_ITEM);
        page.typeText("#item-content-field", HAND_CONTENT);
        browser.waitForText("#item-read-targets", "20公里");
        page.fields.type("#item-points", "80");
        page.choose("#item-departments", SAFETY);
        page.fields.click("#item-save");
        browser.waitForText("#worklist-total", "共 1 项，合计 80 分，本局要求 100 分，还差 20 分");
        List<List<String>> rows = page.fields.gridRows("#items");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).subList(0, 5)).as("#, title, points, departments, targets")
                .containsExactly("1", HAND_ITEM, "80", SAFETY, "1");
        browser.screenshot("onboarding-list-by-hand");

        List<WorkListSummary> lists = worklists.lists(CODE, YEAR);
        assertThat(lists).as("the two imported lists and the one built by hand").hasSize(3);
        WorkListSummary hand = lists.stream().filter(l -> l.units().equals(List.of(QUALITY))).findFirst()
                .orElseThrow();
        assertThat(hand.items()).isEqualTo(1);
        assertThat(hand.points()).isEqualByComparingTo("80");
        assertThat(hand.expectedPoints()).isEqualByComparingTo("100");
        ItemSummary item = worklists.list(CODE, hand.id()).items().get(0);
        assertThat(item.departments()).containsExactly(SAFETY);
        List<Target> targets = worklists.item(CODE, item.id()).targets();
        assertThat(targets).hasSize(1);
        assertThat(targets.get(0).value()).isEqualByComparingTo("20");
        assertThat(targets.get(0).unit()).isEqualTo("公里");
        return hand.id();
    }

    /** 公交车辆数 (辆, months added up) joins the bureau's catalog on the figures page, beside the platform's. */
    private Indicator administratorAddsAnIndicatorOfItsOwn(VaadinFields fields) {
        browser.find("#menu-figures").click();
        fields.type("#figures-year", String.valueOf(YEAR));
        fields.select("#figures-month", "6月");
        fields.click("#own-indicator-new");
        browser.find("#own-indicator-dialog");
        fields.type("#own-name", OWN);
        fields.type("#own-unit", "辆");
        fields.select("#own-aggregation", "各月相加");
        fields.click("#own-save");
        browser.waitForText("#entry-message", "已保存本局指标");
        Indicator own = catalog.all(CODE).stream().filter(i -> OWN.equals(i.nameZh())).findFirst().orElseThrow();
        assertThat(own.own()).isTrue();
        assertThat(own.unit()).isEqualTo("辆");
        assertThat(own.aggregation()).isEqualTo("SUM");
        assertThat(figuresGrid(fields)).contains(OWN + "本局", "隐患整改率");
        browser.waitForText("#ytd-" + FiguresView.domId(own.code()), "—");
        return own;
    }

    /** A half-year total where the months are unknown: it serves 1-6月. */
    private void administratorEntersAHalfYearTotal(VaadinFields fields, Indicator own) {
        String id = FiguresView.domId(own.code());
        fields.click("#period-open");
        fields.pick("#period-indicator", OWN);
        fields.select("#period-span", "上半年");
        fields.type("#period-value", "1180");
        fields.click("#period-save");
        browser.waitForText("#entry-message", "上半年合计");
        assertThat(fields.text("#entry-message")).isEqualTo("已保存“" + OWN + "”" + YEAR + "年上半年合计。");
        browser.waitForText("#ytd-" + id, "1180");
        assertThat(fields.text("#ytd-" + id)).isEqualTo("1180（含上半年合计）");
        assertThat(fields.text("#periods-" + id)).isEqualTo("上半年 1180辆");

        List<PeriodTotals.Total> stored = totals.of(CODE, YEAR);
        assertThat(stored).extracting(PeriodTotals.Total::indicatorCode, PeriodTotals.Total::period)
                .containsExactly(tuple(own.code(), "H1"));
        assertThat(stored.get(0).value()).isEqualByComparingTo("1180");
        BureauFigures.Row row = row(CODE, own.code());
        assertThat(row.yearToDate().value()).isEqualByComparingTo("1180");
        assertThat(row.yearToDateSources()).contains("H1");
    }

    /** 隐患整改率 takes 58.13 % typed as it is, marked as entered, where numerator and denominator are unknown. */
    private void administratorTypesARate(VaadinFields fields) {
        String id = FiguresView.domId(RATE);
        fields.pick("#entry-indicator", "隐患整改率");
        fields.select("#entry-month", "6月");
        fields.type("#entry-value", "58.13");
        fields.click("#entry-save");
        browser.waitForText("#entry-message", "隐患整改率”" + YEAR + "年6月的数据");
        browser.waitForText("#ytd-" + id, "58.13");
        assertThat(fields.text("#ytd-" + id)).contains("最新填报值");
        assertThat(figuresGrid(fields)).contains("58.13（填）");
        browser.screenshot("onboarding-figures");

        BureauFigures.Cell june = row(CODE, RATE).months().stream().filter(c -> c.month() == 6).findFirst()
                .orElseThrow();
        assertThat(june.value()).isEqualByComparingTo("58.13");
        assertThat(june.entered()).as("typed, not computed").isTrue();
    }

    private BureauFigures.Row row(String tenant, String code) {
        return figures.sheet(tenant, YEAR, 6).rows().stream().filter(r -> r.indicator().code().equals(code))
                .findFirst().orElseThrow();
    }

    private String figuresGrid(VaadinFields fields) {
        return String.join("|", fields.gridRows("#figures-grid").stream().map(r -> String.join("|", r)).toList());
    }

    private void anotherBureauSeesNoneOfIt(long handList, Indicator own) {
        login.open().logIn("诸暨市交通运输局", "admin", PASSWORD);
        main.bureauName();
        browser.open("/admin/organisation");
        browser.find("#org-units");
        String page = browser.driver().getPageSource();
        assertThat(page).doesNotContain(TRANSPORT, NEW_UNIT, "仙居");
        browser.open("/worklists");
        fieldsOf().type("#year", String.valueOf(YEAR));
        assertThat(browser.driver().getPageSource()).doesNotContain(NEW_UNIT, TRANSPORT, "仙居");
        browser.open("/units/" + bureaus.units(CODE).get(0).id());
        assertThat(browser.find("#not-found").getText()).contains("未找到");
        browser.open("/worklists/" + handList);
        assertThat(browser.find("#not-found").getText()).as("the list built by hand").contains("页面不存在");
        assertThat(browser.driver().getPageSource()).doesNotContain(HAND_ITEM, QUALITY);
        assertThat(worklists.lists("zhuji", YEAR)).noneMatch(l -> l.units().contains(QUALITY));

        VaadinFields fields = fieldsOf();
        browser.open("/figures");
        fields.type("#figures-year", String.valueOf(YEAR));
        fields.select("#figures-month", "6月");
        String grid = figuresGrid(fields);
        assertThat(grid).as("the new bureau's own indicator").doesNotContain(OWN).contains("隐患整改率");
        assertThat(browser.exists("#ytd-" + FiguresView.domId(own.code()))).isFalse();
        assertThat(browser.exists("#periods-" + FiguresView.domId(own.code()))).isFalse();
        assertThat(catalog.all("zhuji")).noneMatch(i -> i.code().equals(own.code()));
        assertThat(totals.of("zhuji", YEAR)).noneMatch(t -> t.indicatorCode().equals(own.code()));
        assertThat(figures.sheet("zhuji", YEAR, 6).rows()).noneMatch(r -> r.indicator().code().equals(own.code()));
        assertThat(row("zhuji", RATE).months()).as("the rate typed by the new bureau")
                .noneMatch(c -> c.month() == 6 && c.entered() && c.value() != null
                        && c.value().compareTo(new BigDecimal("58.13")) == 0);
        main.logout();
    }

    private VaadinFields fieldsOf() {
        return new VaadinFields(browser);
    }

    /** The year's list in the text export of Word tables, with one unit and one department the bureau lacks. */
    private static Path workList() throws IOException {
        String text = String.join("\n",
                BUREAU + YEAR + "年度重点工作清单",
                "",
                TRANSPORT,
                "\t考核项目\t考核内容\t分值\t督查部门",
                "\t城乡公交一体化\t完成城乡公交线路优化调整不少于10条\t30\t" + SAFETY,
                "\t港口码头整治\t完成码头整治3处\t30\t" + PORT_AS_WRITTEN,
                "",
                NEW_UNIT,
                "\t考核项目\t考核内容\t分值\t督查部门",
                "\t农村公路养护\t完成农村公路大中修20公里\t60\t" + PORT_AS_WRITTEN + "、" + SAFETY,
                "");
        Path file = Files.createTempFile("仙居工作清单", ".txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }
}
