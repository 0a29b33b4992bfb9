package dochooks.bootstrap;

import static com.tngtech.archunit.base.DescribedPredicate.not;

import com.tngtech.archunit.base.DescribedPredicate;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.lang.ArchRule;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.List;

/**
 * The rules of architecture.md, written for any base package, so that the same rules are checked
 * against dochooks (must pass) and against a package of deliberate violations (must fail).
 */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /** Arrows point inward only: adapters to application to domain; adapters never reach each other. */
    static ArchRule onion(String base) {
        return onionArchitecture()
                .domainModels(base + ".domain..")
                .applicationServices(base + ".application..")
                .adapter("http", base + ".adapters.http..")
                .adapter("persistence", base + ".adapters.persistence..")
                .adapter("provider", base + ".adapters.provider..")
                .withOptionalLayers(true)
                // the composition root builds every ring: it is the one place allowed to know them all
                .ignoreDependency(resideInAPackage(base + ".bootstrap.."), DescribedPredicate.alwaysTrue())
                .because("adapters depend on the application, the application on the domain, never the reverse");
    }

    static ArchRule domainIsFreeOfVertx(String base) {
        return noClasses().that().resideInAPackage(base + ".domain..")
                .should().dependOnClassesThat().resideInAPackage("io.vertx..")
                .because("the domain is pure Java");
    }

    static ArchRule domainUsesOnlyJavaAndItself(String base) {
        return classes().that().resideInAPackage(base + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", base + ".domain..")
                .because("the domain knows nothing about HTTP, SQL or JSON libraries");
    }

    static ArchRule applicationSeesOnlyVertxAsyncTypes(String base) {
        return noClasses().that().resideInAPackage(base + ".application..")
                .should().dependOnClassesThat(resideInAPackage("io.vertx..")
                        .and(not(belongToAnyOf(Future.class, Promise.class, ReadStream.class, Buffer.class))))
                .because("use cases see only Future, Promise, ReadStream and Buffer of Vert.x");
    }

    static List<ArchRule> all(String base) {
        return List.of(onion(base), domainIsFreeOfVertx(base), domainUsesOnlyJavaAndItself(base),
                applicationSeesOnlyVertxAsyncTypes(base));
    }
}
