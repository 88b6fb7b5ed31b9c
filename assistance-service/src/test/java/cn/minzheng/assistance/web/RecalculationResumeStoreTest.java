package cn.minzheng.assistance.web;

import cn.minzheng.assistance.AssistanceProperties;
import cn.minzheng.assistance.application.ApplicationCommand;
import cn.minzheng.assistance.application.ApplicationStore;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.CaseRules;
import cn.minzheng.assistance.application.DomainEvent;
import cn.minzheng.assistance.deadlines.DeadlinePlanner;
import cn.minzheng.assistance.eligibility.EligibilityCalculator;
import cn.minzheng.assistance.fixtures.ActiveCaseFixture;
import cn.minzheng.assistance.recalculation.RecalculationProperties;
import cn.minzheng.assistance.recalculation.RecalculationRun;
import cn.minzheng.assistance.recalculation.RecalculationStore;
import cn.minzheng.assistance.recalculation.RecalculationWorkflow;
import cn.minzheng.assistance.recalculation.StandardRecalculation;
import cn.minzheng.assistance.standards.AssistanceStandard;
import cn.minzheng.assistance.standards.Program;
import cn.minzheng.assistance.standards.StandardKind;
import cn.minzheng.assistance.standards.StandardStore;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.kit.outbox.OutboxRelay;
import cn.minzheng.platform.kit.domain.Transitioned;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 调标 on the embedded Mongo-wire server: a run stopped after its third batch's case writes (before that
 * batch's progress is saved, the worst place — as a kill would leave it) and taken over by another
 * instance once its lease ran out changes every case exactly once, and exactly one {@code amount-changed}
 * event (one id) per changed case reaches Kafka. Batches of 7 (application-test.yml); town 421303077.
 */
class RecalculationResumeStoreTest extends ServiceTestBase {
    static final String TOWN = "421303077";
    static final int ACTIVE = 40;

    @Autowired
    ApplicationStore cases;
    @Autowired
    StandardStore standards;
    @Autowired
    RecalculationStore runs;
    @Autowired
    RecalculationWorkflow instanceA;
    @Autowired
    OutboxRelay relay;
    @Autowired
    AssistanceProperties properties;
    @Autowired
    RecalculationProperties settings;
    @Autowired
    Clock clock;
    @Autowired
    DeadlinePlanner planner;
    @Autowired
    CaseRules rules;

    @Test
    void aRunStoppedMidBatchAndResumedElsewhereChangesEveryCaseOnceWithOneEventEach() throws Exception {
        ActiveCaseFixture fixture = new ActiveCaseFixture(new EligibilityCalculator(standards.catalogue().block(),
                properties.eligibility()), planner, rules);
        List<AssistanceCase> seeded = new ArrayList<>();
        LocalDate submitted = LocalDate.of(2026, 9, 1);
        for (int i = 1; i <= ACTIVE + 4; i++) {
            String number = TOWN + "001-20260901-" + String.format("%04d", i);
            // households of 1–4 members earning 0–599 元: 680 × n − income > 0 under the seed standard
            AssistanceCase c = fixture.active(number, i == ACTIVE + 4 ? Program.DIBAO_RURAL : Program.DIBAO_URBAN,
                    TOWN + "001", 1 + i % 4, (i * 1_37L) % 600_00, submitted, 700 + i);
            if (i > ACTIVE && i <= ACTIVE + 2) {
                c = c.startPhaseOut(new cn.minzheng.assistance.application.Actor("a", "a",
                        cn.minzheng.assistance.application.Role.APPROVER, "421303"), now(), 3, "就业", rules).next();
            } else if (i == ACTIVE + 3) {
                c = c.terminate(new cn.minzheng.assistance.application.Actor("a", "a",
                        cn.minzheng.assistance.application.Role.APPROVER, "421303"), now(), "迁出").next();
            }
            // stored without the events of its making: only the run's own events are published
            seeded.add(cases.insert(new Transitioned<>(c, List.<DomainEvent>of()), null).block());
        }
        YearMonth month = YearMonth.from(LocalDate.ofInstant(now(), AssistanceCase.CHINA)).plusMonths(1);
        AssistanceStandard raised = new AssistanceStandard(TOWN, StandardKind.DIBAO_URBAN, month, 730_00,
                "测试：某街道 " + month + " 起城市低保 730 元");
        standards.add(raised, "admin-test", "ADMIN", now()).block();

        // instance A stops after writing batch 3's cases, before it publishes them or saves the progress
        CountDownLatch stopped = new CountDownLatch(1);
        RecalculationRun started = instanceA.startWith(raised.id(), "approver-test", (run, batch) -> {
            if (batch == 3) {
                stopped.countDown();
                return Mono.never();
            }
            return Mono.empty();
        }).block();
        assertThat(stopped.await(60, TimeUnit.SECONDS)).as("batch 3 written").isTrue();
        instanceA.stop(started.id());
        RecalculationRun atStop = runs.find(started.id()).block();
        assertThat(atStop.status()).isEqualTo(RecalculationRun.Status.RUNNING);
        assertThat(atStop.batches()).isEqualTo(2);
        assertThat(atStop.changed()).isEqualTo(14);
        assertThat(atStop.total()).as("40 active + 2 in 渐退期; terminated and rural out of scope").isEqualTo(42);
        long writtenAtStop = seeded.stream().map(c -> cases.find(c.number()).block())
                .filter(c -> c.benefit().adjustedBy(started.id())).count();
        assertThat(writtenAtStop).as("batches 1–3 written, the third not yet counted").isEqualTo(21);

        // while A's lease runs, nobody takes the run over
        assertThat(instanceA.resumeAbandoned().block()).doesNotContain(started.id());
        // instance B, started later (its wall clock past A's lease), takes it over and completes it
        RecalculationWorkflow instanceB = new RecalculationWorkflow(runs, cases, standards, relay, properties, settings,
                clock, Clock.offset(Clock.systemUTC(), settings.lease().plusMinutes(1)));
        assertThat(instanceB.resumeAbandoned().block()).contains(started.id());
        await().atMost(Duration.ofSeconds(60)).until(() -> runs.find(started.id()).block().status()
                == RecalculationRun.Status.COMPLETED);

        RecalculationRun done = runs.find(started.id()).block();
        assertThat(done.changed()).isEqualTo(ACTIVE);
        assertThat(done.unchanged()).isZero();
        assertThat(done.skipped()).isEqualTo(2);
        assertThat(done.skippedBy()).containsEntry("PHASING_OUT", 2L);
        assertThat(done.processed()).isEqualTo(done.total());
        assertThat(done.percent()).isEqualTo(100);

        List<String> changed = new ArrayList<>();
        for (AssistanceCase before : seeded) {
            AssistanceCase after = cases.find(before.number()).block();
            boolean inScope = before.program() == Program.DIBAO_URBAN
                    && before.status() == cn.minzheng.assistance.application.ApplicationStatus.ACTIVE;
            long adjustments = after.history().stream()
                    .filter(r -> r.command() == ApplicationCommand.ADJUST_TO_STANDARD).count();
            if (!inScope) {
                assertThat(after.version()).as(before.number()).isEqualTo(before.version());
                assertThat(adjustments).isZero();
                continue;
            }
            changed.add(before.number());
            // changed exactly once: one version more, one adjustment, the exact 补差 from the month
            assertThat(after.version()).as(before.number()).isEqualTo(before.version() + 1);
            assertThat(adjustments).isEqualTo(1);
            assertThat(after.benefit().adjustments()).hasSize(1);
            int members = before.memberIds().size();
            long income = before.submission().members().stream().flatMap(m -> m.incomes().stream())
                    .mapToLong(i -> i.monthlyFen()).sum();
            assertThat(after.benefit().amountIn(month)).isEqualTo(730_00L * members - income);
            assertThat(after.benefit().amountIn(month.minusMonths(1))).isEqualTo(before.benefit().amountIn(month.minusMonths(1)));
        }
        assertThat(changed).hasSize(ACTIVE);

        // exactly one amount-changed event (one id, the run's for the case) per changed case, none for the rest
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, List<String>> idsByCase = allEvents().stream().map(KafkaCloudEvents::fromRecord)
                    .filter(e -> e.type().equals("minzheng.assistance.application.amount-changed.v1"))
                    .filter(e -> e.subject().startsWith(TOWN))
                    .collect(Collectors.groupingBy(EventEnvelope::subject,
                            Collectors.mapping(EventEnvelope::id, Collectors.collectingAndThen(Collectors.toSet(),
                                    List::copyOf))));
            assertThat(idsByCase.keySet()).containsExactlyInAnyOrderElementsOf(changed);
            idsByCase.forEach((number, ids) -> assertThat(ids).as(number)
                    .containsExactly(StandardRecalculation.eventId(started.id(), number)));
        });
    }
}
