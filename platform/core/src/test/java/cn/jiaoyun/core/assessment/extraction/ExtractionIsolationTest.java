package cn.jiaoyun.core.assessment.extraction;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The extraction package is pure text processing, as its package-info promises. */
class ExtractionIsolationTest {

    private final JavaClasses extraction = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.jiaoyun.core.assessment.extraction");

    @Test
    void extractionUsesNoOtherPartOfThePlatformNorAnyDatabaseOrHttp() {
        noClasses().that().resideInAPackage("cn.jiaoyun.core.assessment.extraction..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "cn.jiaoyun.core.tenancy..", "cn.jiaoyun.core.bureau..", "cn.jiaoyun.core.identity..",
                        "cn.jiaoyun.core.audit..", "cn.jiaoyun.core.web..", "cn.jiaoyun.app..",
                        "java.sql..", "javax.sql..", "io.micronaut.data..", "io.micronaut.http..")
                .check(extraction);
    }
}
