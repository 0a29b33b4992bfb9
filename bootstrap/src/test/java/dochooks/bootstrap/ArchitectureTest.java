package dochooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layering honest. Every rule is checked twice: against dochooks, where it must hold, and
 * against {@code archfixture}, a package of deliberate violations, where it must fail, so a rule that
 * could never fail cannot hide here.
 */
class ArchitectureTest {
    private static JavaClasses dochooks;
    private static JavaClasses violations;

    @BeforeAll
    static void importClasses() {
        dochooks = new ClassFileImporter().importPackages("dochooks");
        violations = new ClassFileImporter().importPackages("archfixture");
        // the rules would pass vacuously on an empty import: make sure every ring is really there
        for (String ring : java.util.List.of("domain", "application", "adapters.http", "adapters.persistence")) {
            assertTrue(dochooks.stream().anyMatch(c -> c.getPackageName().startsWith("dochooks." + ring)),
                    "classes of dochooks." + ring + " were imported");
        }
    }

    @Test
    void layersPointInwardAndAdaptersStayApart() {
        holdsForDochooksAndFailsOnViolations(ArchitectureRules::onion);
    }

    @Test
    void domainDoesNotDependOnVertx() {
        holdsForDochooksAndFailsOnViolations(ArchitectureRules::domainIsFreeOfVertx);
    }

    @Test
    void domainDependsOnlyOnJavaAndItself() {
        holdsForDochooksAndFailsOnViolations(ArchitectureRules::domainUsesOnlyJavaAndItself);
    }

    @Test
    void applicationUsesOnlyVertxFuturePromiseReadStreamAndBuffer() {
        holdsForDochooksAndFailsOnViolations(ArchitectureRules::applicationSeesOnlyVertxAsyncTypes);
    }

    private static void holdsForDochooksAndFailsOnViolations(Function<String, ArchRule> rule) {
        rule.apply("dochooks").check(dochooks);
        assertThrows(AssertionError.class, () -> rule.apply("archfixture").check(violations),
                "the rule must reject the deliberate violations in archfixture");
    }
}
