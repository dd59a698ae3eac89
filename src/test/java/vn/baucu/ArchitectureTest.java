package vn.baucu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.lang.annotation.Annotation;
import java.util.Map;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.JavaMethod;

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

    /**
     * Every path variable, request parameter, header and part names what it binds. Spring would otherwise read the
     * Java parameter's name from the class file (the compiler's {@code -parameters}), and that name is gone once an
     * agent retransforms the class: Jazzer's hooks did so to controllers loaded before it (the fuzz test answered 500
     * after a browser test in the same JVM), and a profiler or monitoring agent attached to a running node would too.
     */
    @ArchTest
    static final ArchRule requestBindingsNameWhatTheyBind = methods().that().areDeclaredInClassesThat()
            .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .or().areDeclaredInClassesThat().areAnnotatedWith(org.springframework.stereotype.Controller.class)
            .should(nameTheirBindings());

    private static ArchCondition<JavaMethod> nameTheirBindings() {
        return new ArchCondition<>("name every @PathVariable, @RequestParam, @RequestHeader and @RequestPart") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                var parameters = method.reflect().getParameters();
                for (int i = 0; i < parameters.length; i++) {
                    if (Map.class.isAssignableFrom(parameters[i].getType())) {
                        continue;   // a map binds every parameter or header: it has no name to give
                    }
                    for (Annotation a : parameters[i].getAnnotations()) {
                        String named = boundName(a);
                        if (named != null && named.isEmpty()) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + ": parameter "
                                    + (i + 1) + " (@" + a.annotationType().getSimpleName() + ") names nothing"));
                        }
                    }
                }
            }
        };
    }

    private static final java.util.Set<Class<? extends Annotation>> BINDINGS = java.util.Set.of(
            org.springframework.web.bind.annotation.PathVariable.class,
            org.springframework.web.bind.annotation.RequestParam.class,
            org.springframework.web.bind.annotation.RequestHeader.class,
            org.springframework.web.bind.annotation.RequestPart.class,
            org.springframework.web.bind.annotation.CookieValue.class);

    /**
     * The name a binding annotation gives ("" when none), or null for other annotations. {@code value} and
     * {@code name} are aliases of each other; read raw, each holds only what was written in it.
     */
    private static String boundName(Annotation a) {
        if (!BINDINGS.contains(a.annotationType())) {
            return null;
        }
        return String.valueOf(org.springframework.core.annotation.AnnotationUtils.getValue(a, "value"))
                + org.springframework.core.annotation.AnnotationUtils.getValue(a, "name");
    }
}
