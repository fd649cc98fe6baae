package cn.jiaoyun.plugin.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What plugins compile against stays small and free of the host's frameworks; its records check their input. */
class ApiSurfaceTest {

    private final JavaClasses api = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.jiaoyun.plugin.api");

    @Test
    void noMicronautVaadinOrPlatformTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "io.micronaut..", "com.vaadin..", "cn.jiaoyun.core..", "cn.jiaoyun.host..", "jakarta..")
                .check(api);
    }

    @Test
    void endpointPathsAndRoutesAreChecked() {
        assertThat(Endpoint.get("/cases/{id}", r -> ModuleResponse.noContent()).path()).isEqualTo("/cases/{id}");
        assertThatThrownBy(() -> Endpoint.get("cases", r -> ModuleResponse.noContent()))
                .hasMessageContaining("cases");
        assertThatThrownBy(() -> Endpoint.get("/../admin", r -> ModuleResponse.noContent()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ViewContribution.page("Cases", Object.class, "案件", "Cases", null))
                .hasMessageContaining("Cases");
        assertThat(ViewContribution.hidden("cases/:id", Object.class).inMenu()).isFalse();
    }

    @Test
    void indicatorCodesAreLowerCaseDottedWords() {
        var ok = new IndicatorDefinition("overload.rate.expressway", "高速公路超限率", null, "%",
                IndicatorDefinition.Aggregation.RATIO, IndicatorDefinition.Direction.LOWER, true);
        assertThat(ok.nameEn()).as("English falls back to Chinese").isEqualTo("高速公路超限率");
        assertThatThrownBy(() -> new IndicatorDefinition("Overload Rate", "超限率", "x", "%",
                IndicatorDefinition.Aggregation.RATIO, IndicatorDefinition.Direction.LOWER, true))
                .hasMessageContaining("Overload Rate");
    }

    @Test
    void problemsAreClientErrorsAndResponsesAreNot() {
        assertThat(ModuleProblem.badInput("plate", "车牌号有误", "bad plate").status()).isEqualTo(400);
        assertThatThrownBy(() -> new ModuleProblem(500, "x", "x", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModuleResponse(404, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ModuleResponse.file("text/csv", "a.csv", new byte[] {1}).isFile()).isTrue();
        assertThat(new ModuleUser(1, "u", "U", Set.of("BUREAU_ADMIN")).hasRole("BUREAU_ADMIN")).isTrue();
        assertThat(BigDecimal.ONE).isNotNull();
    }
}
