package cn.minzheng.org.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries of architecture.md as tests (the way ddd-by-examples/library's
 * NoSpringInDomainLogicTest keeps its domain plain): domain classes import no Spring, Mongo, Kafka or
 * Jackson; the feature packages form no cycle; a web handler calls its feature, never a store.
 */
@AnalyzeClasses(packages = "cn.minzheng.org", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundariesTest {

    /** Packages that are adapters or wiring as a whole. */
    private static final Set<String> ADAPTER_PACKAGES = Set.of("configuration", "web", "fixtures", "metrics", "outbox");

    /** Adapters and wiring, by the names the house gives them; every other class of a feature is domain. */
    private static final Set<String> ADAPTER_SUFFIXES = Set.of("Controller", "Service", "Store", "Schedule",
            "Documents", "Views", "Requests", "Counter");

    /** Adapters whose names do not say so: CreditListing writes the 名录 through the registration store. */
    private static final Set<String> ADAPTERS_BY_ROLE = Set.of("cn.minzheng.org.creditlist.CreditListing");

    static final DescribedPredicate<JavaClass> DOMAIN = new DescribedPredicate<>("domain classes of a feature") {
        @Override
        public boolean test(JavaClass c) {
            String pkg = c.getPackageName();
            if (!pkg.startsWith("cn.minzheng.org.")) {
                return false;
            }
            String feature = pkg.substring("cn.minzheng.org.".length()).split("\\.")[0];
            JavaClass top = c;
            while (top.isNestedClass()) {
                top = top.getEnclosingClass().orElseThrow();
            }
            String name = top.getSimpleName();
            return !ADAPTER_PACKAGES.contains(feature) && !ADAPTERS_BY_ROLE.contains(top.getName())
                    && ADAPTER_SUFFIXES.stream().noneMatch(name::endsWith);
        }
    };

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                    "org.apache.kafka..", "com.fasterxml.jackson..", "tools.jackson..")
            .because("domain classes (state machines, rules, calculations) are plain Java, unit-tested without Spring");

    @ArchTest
    static final ArchRule featuresFormNoCycle = slices().matching("cn.minzheng.org.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule webHandlersCallTheFeatureNotAStore = noClasses()
            .that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Store")
            .because("a web handler calls the feature's application service, never a store");
}
