package cn.jiaoyun.core.bureau;

import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.organisation.Organisation;
import cn.jiaoyun.core.organisation.OrganisationViews.OrderInput;
import cn.jiaoyun.core.organisation.OrganisationViews.PartInput;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.test.JiaoyunTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database is the truth for a bureau's organisation: tenant.yaml creates units and
 * departments and applies its own later edits, but what the bureau changed in the product (a
 * rename, a short name, an order, a deactivation, units of its own) survives every re-apply of
 * an unchanged file, as at each restart.
 */
@JiaoyunTest
class ProductOrganisationProvisioningTest {

    @Inject
    BureauProvisioner provisioner;
    @Inject
    BureauService bureaus;
    @Inject
    Organisation organisation;

    private static final String FIRST = """
            code: %s
            name: 规则测试县交通运输局
            level: COUNTY
            regionCode: "659001"
            units:
              - {code: road, name: 公路段, shortName: 公路}
              - {code: port, name: 港航所}
              - {code: transit, name: 运管所}
            departments:
              - {code: office, name: 办公室}
              - {code: safety, name: 安全科}
            """;

    @Test
    void aProductRenameSurvivesARestartAndTheFilesOwnEditIsApplied() {
        String code = "provrule";
        provisioner.apply(parse(FIRST.formatted(code)), "test", "first");
        Actor admin = new Actor("chief", code, 1L, "管理员", Set.of(Role.BUREAU_ADMIN), null);
        Map<String, Unit> units = byCode(bureaus.units(code), Unit::code);
        Map<String, Department> departments = byCode(bureaus.departments(code), Department::code);

        organisation.updateUnit(admin, units.get("road").id(), new PartInput("公路与运输管理中心", "公路中心", null, null), null);
        organisation.updateUnit(admin, units.get("port").id(), new PartInput(null, null, false, null), null);
        organisation.orderUnits(admin, new OrderInput(List.of(units.get("transit").id())), null);
        organisation.updateDepartment(admin, departments.get("safety").id(), new PartInput("安全监督科", null, null, null),
                null);
        Unit own = organisation.createUnit(admin, PartInput.named("本局自建的中心", null), null);

        BureauProvisioner.Result again = provisioner.apply(parse(FIRST.formatted(code)), "system", "restart");
        assertThat(again.changes()).as("an unchanged file changes nothing").isZero();
        List<Unit> after = bureaus.units(code);
        assertThat(after).extracting(Unit::name).as("names and order as the bureau left them")
                .containsExactly("运管所", "公路与运输管理中心", "港航所", "本局自建的中心");
        Map<String, Unit> afterByCode = byCode(after, Unit::code);
        assertThat(afterByCode.get("road").shortName()).isEqualTo("公路中心");
        assertThat(afterByCode.get("port").active()).as("deactivated in the product").isFalse();
        assertThat(afterByCode.get(own.code()).active()).as("the bureau's own unit is not the file's to remove")
                .isTrue();
        assertThat(bureaus.departments(code)).extracting(Department::name).containsExactly("办公室", "安全监督科");

        String edited = """
                code: %s
                name: 规则测试县交通运输局
                level: COUNTY
                regionCode: "659001"
                units:
                  - {code: road, name: 公路段, shortName: 公路}
                  - {code: port, name: 港航管理所}
                  - {code: transit, name: 道路运输管理所}
                  - {code: rescue, name: 应急救援中心}
                departments:
                  - {code: office, name: 综合办公室, shortName: 办公室}
                """.formatted(code);
        BureauProvisioner.Result r = provisioner.apply(parse(edited), "system", "edited file");
        assertThat(r.changes()).isEqualTo(5);
        Map<String, Unit> edit = byCode(bureaus.units(code), Unit::code);
        assertThat(edit.get("road").name()).as("the file did not touch this unit").isEqualTo("公路与运输管理中心");
        assertThat(edit.get("port").name()).as("the file renamed it").isEqualTo("港航管理所");
        assertThat(edit.get("port").active()).as("still as the bureau left it").isFalse();
        assertThat(edit.get("transit").name()).isEqualTo("道路运输管理所");
        assertThat(edit.get("rescue").active()).isTrue();
        assertThat(edit.get(own.code()).active()).isTrue();
        Map<String, Department> editDepartments = byCode(bureaus.departments(code), Department::code);
        assertThat(editDepartments.get("office").name()).isEqualTo("综合办公室");
        assertThat(editDepartments.get("office").shortName()).isEqualTo("办公室");
        assertThat(editDepartments.get("safety").active()).as("the file no longer lists it").isFalse();

        assertThat(provisioner.apply(parse(edited), "system", "restart").changes()).isZero();
        organisation.updateUnit(admin, edit.get("transit").id(), new PartInput("运输中心", null, null, null), null);
        assertThat(provisioner.apply(parse(edited), "system", "restart").changes()).isZero();
        assertThat(byCode(bureaus.units(code), Unit::code).get("transit").name()).isEqualTo("运输中心");
    }

    private static <T> Map<String, T> byCode(List<T> rows, Function<T, String> code) {
        return rows.stream().collect(Collectors.toMap(code, Function.identity()));
    }

    private static BureauDefinition parse(String yaml) {
        BureauDefinitionFiles.Entry e = BureauDefinitionFiles.parse("test.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        assertThat(e.error()).isNull();
        return e.definition();
    }
}
