package vn.baucu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Election rules are pure Java: nothing in a {@code rules} package may touch Spring, JDBC or the web. */
@AnalyzeClasses(packages = "vn.baucu", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    // package-info may carry module metadata (a Modulith named interface); it holds no logic
    static final ArchRule rulesArePure = noClasses().that().resideInAPackage("..rules..")
            .and().doNotHaveSimpleName("package-info")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                    "org.postgresql..", "jakarta..", "tools.jackson..", "com.fasterxml..")
            .because("rules are pure functions of their inputs, testable and reviewable against the law alone");

    @ArchTest
    static final ArchRule controllersStayInternal = noClasses().that().resideOutsideOfPackage("..internal..")
            .and().resideOutsideOfPackage("vn.baucu.platform.web..")
            .should().beAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .orShould().beAnnotatedWith(org.springframework.stereotype.Controller.class)
            .because("controllers are internals of their module; the public face is the facade");
}
