package cn.jiaoyun.ui;

import cn.jiaoyun.core.assessment.WorkListService;
import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.bureau.Department;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.organisation.Organisation;
import cn.jiaoyun.core.organisation.OrganisationViews.AliasView;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import cn.jiaoyun.test.browser.BrowserTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bureau sets itself up in a real browser, as a new customer would: the platform administrator
 * creates it, its administrator builds the organisation and imports a work list whose names the
 * bureau does not know yet (creating one, mapping another), and another bureau sees none of it.
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

    @Inject
    BureauService bureaus;
    @Inject
    Organisation organisation;
    @Inject
    WorkListService worklists;

    @Test
    void aNewBureauSetsItselfUp() throws IOException {
        VaadinFields fields = new VaadinFields(browser);
        platformAdministratorCreatesTheBureau(fields);
        login.open().logIn(BUREAU, ADMIN, ADMIN_PASSWORD);
        assertThat(main.bureauName()).isEqualTo(BUREAU);
        administratorBuildsTheOrganisation(fields);
        administratorImportsAWorkListWithUnknownNames(fields);
        // later parts of the onboarding (lists by hand, own indicators, period totals, rates) go here
        main.logout();
        anotherBureauSeesNoneOfIt();
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
                .contains(org.assertj.core.groups.Tuple.tuple(PORT_AS_WRITTEN, PORT_OFFICE));
        assertThat(worklists.lists(CODE, YEAR)).hasSize(2);
    }

    private void anotherBureauSeesNoneOfIt() {
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
