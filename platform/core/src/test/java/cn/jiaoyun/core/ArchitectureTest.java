package cn.jiaoyun.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of STYLE.md, checked by the build rather than by hope. */
class ArchitectureTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.jiaoyun.core");

    @Test
    void controllersCallServicesNeverRepositories() {
        noClasses().that().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areAssignableTo(GenericRepository.class)
                .check(core);
    }

    @Test
    void nothingDependsOnTheRunnableServer() {
        noClasses().should().dependOnClassesThat().resideInAPackage("cn.jiaoyun.app..").check(core);
    }

    @Test
    void tenancyKnowsNoFeature() {
        noClasses().that().resideInAPackage("cn.jiaoyun.core.tenancy..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "cn.jiaoyun.core.bureau..", "cn.jiaoyun.core.identity..", "cn.jiaoyun.core.audit..")
                .check(core);
    }

    @Test
    void auditUsesOnlyTenancy() {
        noClasses().that().resideInAPackage("cn.jiaoyun.core.audit..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "cn.jiaoyun.core.bureau..", "cn.jiaoyun.core.identity..")
                .check(core);
    }
}
