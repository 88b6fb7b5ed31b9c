package cn.minzheng.audit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.CanonicalJson;
import cn.minzheng.audit.chain.ChainDigest;
import cn.minzheng.audit.chain.ChainFailure;
import cn.minzheng.audit.chain.ChainHead;
import cn.minzheng.audit.chain.ChainVerdict;
import cn.minzheng.audit.chain.ChainWalk;
import cn.minzheng.audit.chain.EventTimeRange;
import cn.minzheng.audit.chain.EventTimeWindow;
import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.chain.JsonText;
import cn.minzheng.audit.chain.RecordMac;
import cn.minzheng.audit.checkpoint.Checkpoint;
import cn.minzheng.audit.checkpoint.CheckpointFreshness;
import cn.minzheng.audit.checkpoint.CheckpointSignatures;
import cn.minzheng.audit.checkpoint.PublicKeys;
import cn.minzheng.audit.checkpoint.SigningKey;
import cn.minzheng.audit.checkpoint.VerificationKeys;
import cn.minzheng.audit.projection.CountBuckets;
import cn.minzheng.audit.reads.ReadBounds;
import cn.minzheng.audit.search.RecordQuery;
import cn.minzheng.audit.search.RegionScope;
import cn.minzheng.audit.statistics.DayTallies;
import cn.minzheng.audit.statistics.HandlingCase;
import cn.minzheng.audit.statistics.HandlingDays;
import cn.minzheng.audit.statistics.HandlingFacts;
import cn.minzheng.audit.statistics.OnTimeTally;
import cn.minzheng.audit.timeline.OrganizationKeys;
import cn.minzheng.audit.verify.OfflineVerifier;
import cn.minzheng.audit.verify.QueryExportCheck;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/**
 * audit-service's boundaries as tests (issue 15 item 1), the way ddd-by-examples/library's
 * {@code NoSpringInDomainLogicTest} keeps its domain plain: the trail's domain imports no Spring, Mongo,
 * Kafka or Jackson; the feature packages ({@code chain}, {@code ingest}, {@code verify}, …) depend on
 * each other without a cycle; a web controller calls its feature's query or service, never a store.
 */
@AnalyzeClasses(packages = "cn.minzheng.audit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The domain: what a chain record is, how it is hashed and MAC'd, what makes a chain intact and what
     * a walk found, what a checkpoint signs, who may read what, and the statistics' rules. Plain Java,
     * tested without Spring — and {@code OfflineVerifier} runs with none of the service's infrastructure.
     * There is no exception: none of these imports Spring, Mongo, Kafka or Jackson today.
     */
    static final Class<?>[] DOMAIN = {
        // chain: the record, its canonical form, hash, MAC, the walk and its verdict
        AuditRecord.class, CanonicalJson.class, ChainDigest.class, RecordMac.class, JsonText.class, ChainHead.class,
        ChainWalk.class, ChainVerdict.class, ChainFailure.class, IncomingEvent.class, EventTimeRange.class,
        EventTimeWindow.class,
        // checkpoint: what is signed, signing, verification keys
        Checkpoint.class, CheckpointSignatures.class, SigningKey.class, VerificationKeys.class, PublicKeys.class,
        CheckpointFreshness.class,
        // verify: the offline verifier (a command-line tool: the public key and an export, nothing else)
        OfflineVerifier.class, QueryExportCheck.class,
        // search: a query and who may read which region; statistics: the handling clock, the rate, the day tallies
        RecordQuery.class, RegionScope.class, HandlingCase.class, HandlingFacts.class, OnTimeTally.class,
        HandlingDays.class, DayTallies.class,
        // reads: the bounds of an audit read; projection: where a record counts and how a count is read
        ReadBounds.class, CountBuckets.class,
        // timeline: which organization an event concerns
        OrganizationKeys.class,
    };

    @ArchTest
    static final ArchRule domainImportsNoSpringMongoKafkaOrJackson = noClasses()
            .that().belongToAnyOf(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.mongodb..", "org.bson..", "org.apache.kafka..",
                    "com.fasterxml.jackson..", "tools.jackson..")
            .because("the trail's domain is plain Java, unit-tested without Spring (docs/architecture.md, Layout)");

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices()
            .matching("cn.minzheng.audit.(*)..")
            .should().beFreeOfCycles();

    /** A store: a class named so, or one that holds a MongoDB collection or database itself. */
    static final DescribedPredicate<JavaClass> STORES = DescribedPredicate.describe("stores (*Store, or holding a Mongo collection)",
            c -> c.getSimpleName().endsWith("Store")
                    || c.getDirectDependenciesFromSelf().stream().anyMatch(d -> d.getTargetClass().getPackageName()
                            .startsWith("com.mongodb.reactivestreams.client")));

    @ArchTest
    static final ArchRule controllersCallTheFeatureNeverAStore = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat(STORES)
            .orShould().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..", "org.apache.kafka..",
                    "org.springframework.kafka..")
            .because("a controller parses the request and calls its feature's query or service, which reads the store");
}
