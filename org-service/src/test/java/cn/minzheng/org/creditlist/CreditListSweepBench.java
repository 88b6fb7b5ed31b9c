package cn.minzheng.org.creditlist;

import cn.minzheng.org.OrgServiceTestBase;
import cn.minzheng.org.events.Actor;
import cn.minzheng.org.fixtures.FixtureOrganizations;
import cn.minzheng.org.fixtures.FixtureService;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import cn.minzheng.platform.kit.security.Principal;
import cn.minzheng.platform.kit.security.Role;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not part of the suite: not named {@code *Test}, so surefire runs it only when asked and CI
 * never counts it as skipped:
 * {@code ./mvnw -B -ntp -o -q -pl org-service test -Dtest=CreditListSweepBench -Dsweep.bench.orgs=10000}.
 * Seeds N organizations (the fixtures, as the bench's 年检 workload does) into an authority of their own, each
 * with a 拟列入告知 for the 活动异常名录 whose period ended yesterday, then runs the daily credit-list sweep over
 * that authority in-process — service, Mongo-wire server and Kafka broker in this one JVM — and prints
 * organizations/s, the total time, this JVM's CPU per organization (service + store + broker) and the load
 * average. Each organization ends listed once (checked). {@code -Dsweep.bench.authority=…} picks another
 * authority (a second run on the same JVM's store needs a fresh one); {@code -Dminzheng.embedded.mongo.bson=true}
 * puts the store on the devstack's BSON engine.
 */
@EnabledIfSystemProperty(named = "sweep.bench.orgs", matches = "\\d+")
@TestPropertySource(properties = "minzheng.org.fixtures.enabled=true")
class CreditListSweepBench extends OrgServiceTestBase {
    @Autowired
    FixtureService fixtures;
    @Autowired
    ListingNoticeStore notices;
    @Autowired
    CreditListService service;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void listsNOrganizations() {
        int n = Integer.getInteger("sweep.bench.orgs");
        String authority = System.getProperty("sweep.bench.authority", "429005");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Principal admin = new Principal("bench-admin", "压测", Set.of(Role.ADMIN), null);

        long seedStart = System.nanoTime();
        FixtureService.Result seeded = fixtures.seed(admin, "clsb-" + authority + "-" + n,
                new FixtureOrganizations.Request(authority, "仙桃市", OrganizationType.SOCIAL_GROUP, LocalDate.of(2020, 3, 1), n))
                .block(Duration.ofMinutes(60));
        WorkingDayCalendar calendar = WorkingDayCalendar.builtIn();
        CreditListPolicy policy = CreditListPolicy.defaults();
        List<Document> docs = new ArrayList<>(500);
        long noticesWritten = 0;
        for (var it = mongo.find(new Query(Criteria.where("authorityCode").is(authority)), Document.class, RegistrationStore.ORGANIZATIONS)
                .toIterable(1000).iterator(); it.hasNext(); ) {
            Document o = it.next();
            String id = o.getString("_id");
            ListingNotice issued = ListingNotice.issue("LN-CLSB-" + id, id, authority, EntryGround.LATE_ANNUAL_REPORT,
                    "2025年度工作报告未在截止日期前报送", "ABN-CLSB-" + id, null, today.minusDays(40), calendar, policy).next();
            docs.add(notices.document(Notices.aged(issued, today.minusDays(1)), o.getString("fullName"), List.of()));
            if (docs.size() == 500 || !it.hasNext()) {
                noticesWritten += notices.insertAll(docs).block();
                docs = new ArrayList<>(500);
            }
        }
        System.out.printf("BENCH seeded %d organizations (%d new) and %d notices in %.1f s; load %s%n", n, seeded.inserted(),
                noticesWritten, (System.nanoTime() - seedStart) / 1e9, load());

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String loadBefore = load();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        SweepRun.Counts counts = service.sweep(authority, Actor.system()).block(Duration.ofHours(2));
        long wallNs = System.nanoTime() - t0;
        long cpuNs = os.getProcessCpuTime() - cpu0;
        System.out.printf("BENCH credit-list sweep over %d organizations: %s%n", n, counts);
        System.out.printf("BENCH %.1f s, %.0f organizations/s, %.2f ms CPU per organization (this JVM: service + store + broker), "
                        + "load before %s, after %s, %d cores%n", wallNs / 1e9, n / (wallNs / 1e9), cpuNs / 1e6 / n, loadBefore, load(),
                Runtime.getRuntime().availableProcessors());

        assertThat(counts.listed()).isEqualTo(n);
        assertThat(mongo.count(new Query(Criteria.where("authorityCode").is(authority).and("abnormalListed").is(true)),
                RegistrationStore.ORGANIZATIONS).block()).isEqualTo(n);
        assertThat(mongo.count(new Query(Criteria.where("authorityCode").is(authority)), CreditListStore.ENTRIES).block()).isEqualTo(n);
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
