package cn.minzheng.assistance.web;

import cn.minzheng.assistance.AssistanceProperties;
import cn.minzheng.assistance.application.ApplicationStore;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.CaseRules;
import cn.minzheng.assistance.deadlines.DeadlinePlanner;
import cn.minzheng.assistance.fixtures.FixtureWorkflow;
import cn.minzheng.assistance.recalculation.RecalculationProperties;
import cn.minzheng.assistance.recalculation.RecalculationRun;
import cn.minzheng.assistance.recalculation.RecalculationStore;
import cn.minzheng.assistance.recalculation.RecalculationWorkflow;
import cn.minzheng.assistance.standards.AssistanceStandard;
import cn.minzheng.assistance.standards.StandardKind;
import cn.minzheng.assistance.standards.StandardStore;
import cn.minzheng.platform.kit.outbox.OutboxRelay;
import cn.minzheng.platform.kit.security.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A measurement, not part of the suite: not named {@code *Test}, so surefire runs it only when asked
 * ({@code -Dtest=RecalculationBench -Drecalc.bench.cases=N}) and CI never counts it as skipped. The 调标
 * of N active cases in-process — service, Mongo-wire server and Kafka broker in this one JVM — with the
 * production batch size (500). Prints the seconds until the run completed (every changed case's event handed to the relay)
 * and this JVM's CPU per case (service + store + broker together). The devstack figure comes from the bench
 * workload {@code recalculation}; this one is what a machine without a devstack can measure.
 * {@code -Dminzheng.embedded.mongo.bson=true} puts the store on the devstack's BSON engine.
 */
@EnabledIfSystemProperty(named = "recalc.bench.cases", matches = "\\d+")
class RecalculationBench extends ServiceTestBase {
    static final String TOWN = "421303099";

    @Autowired
    ApplicationStore cases;
    @Autowired
    StandardStore standards;
    @Autowired
    RecalculationStore runs;
    @Autowired
    OutboxRelay relay;
    @Autowired
    AssistanceProperties properties;
    @Autowired
    Clock clock;
    @Autowired
    DeadlinePlanner planner;
    @Autowired
    CaseRules rules;

    @Test
    void recalculatesNActiveCases() {
        int n = Integer.getInteger("recalc.bench.cases");
        int batch = Integer.getInteger("recalc.bench.batch", 500);
        Principal admin = new Principal("bench-admin", "压测", java.util.Set.of(cn.minzheng.platform.kit.security.Role.ADMIN),
                "421303");
        long seedStart = System.nanoTime();
        FixtureWorkflow fixtures = new FixtureWorkflow(cases, standards, properties, planner, rules);
        for (int upTo = Math.min(n, 2_000); ; upTo = Math.min(n, upTo + 2_000)) {
            FixtureWorkflow.Seeded seeded = fixtures.activeCases(admin, TOWN, upTo).block(Duration.ofMinutes(30));
            System.out.printf("BENCH seeded %d active cases (%d present), %.1f s so far%n", seeded.inserted(),
                    seeded.alreadyPresent(), (System.nanoTime() - seedStart) / 1e9);
            if (upTo == n) {
                break;
            }
        }

        RecalculationWorkflow workflow = new RecalculationWorkflow(runs, cases, standards, relay, properties,
                new RecalculationProperties(batch, Duration.ofMinutes(2), 86_400_000, false, 8, 16), clock);
        YearMonth month = YearMonth.from(LocalDate.ofInstant(now(), AssistanceCase.CHINA)).plusMonths(1);
        AssistanceStandard s = new AssistanceStandard(TOWN, StandardKind.DIBAO_URBAN, month, 730_00, "bench " + month);
        standards.add(s, "bench-admin", "ADMIN", now()).block();

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        RecalculationRun run = workflow.startWith(s.id(), "bench-admin", RecalculationWorkflow.BatchHook.NONE).block();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> runs.find(run.id()).block().status() != RecalculationRun.Status.RUNNING);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
        RecalculationRun done = runs.find(run.id()).block();
        System.out.printf("BENCH run %s %s: %d cases (%d changed, %d unchanged, %d skipped) in %.1f s = %.0f cases/s; "
                        + "JVM CPU %.0f ms = %.2f ms per case; load average %.1f, %d cores; failure %s%n", done.id(), done.status(),
                done.processed(), done.changed(), done.unchanged(), done.skipped(), seconds, done.processed() / seconds,
                cpuMs, cpuMs / Math.max(1, done.processed()), os.getSystemLoadAverage(), os.getAvailableProcessors(),
                done.failure());
        assertThat(done.status()).isEqualTo(RecalculationRun.Status.COMPLETED);
        assertThat(done.changed()).isEqualTo(n);
    }
}
