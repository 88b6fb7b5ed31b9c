package cn.minzheng.audit.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.audit.AuditServiceTestBase;
import cn.minzheng.audit.projection.Projections;
import cn.minzheng.audit.timeline.SubjectIndex;
import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventSchemaValidator;
import cn.minzheng.platform.events.EventTypes;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * On-time rates from real events: producers' events (valid against their schemas) go through the
 * embedded broker into ingest, the handling-clock projection and the statistics API, within the
 * auditor's region scope. Also the subject index behind the timeline and the rebuild at start.
 */
class OnTimeStatisticsTest extends AuditServiceTestBase {

    static final String ID = UUID.randomUUID().toString().substring(0, 6);
    static final String TOPIC = "ontime-" + ID + ".events";
    /** A region no other test uses (新疆 乌鲁木齐 天山区 + a street), so totals are this test's own. */
    static final String REGION = "650102";
    /** January and February 2026 in China (query times in UTC: a + in a query string reads as a space). */
    static final String CASES = "&region=" + REGION + "&from=2025-12-31T16:00:00Z&to=2026-02-28T16:00:00Z";
    /** Noon in China. */
    static final String AS_OF = "&asOf=2026-02-15T04:00:00Z";
    private static boolean seeded;
    private static final List<EventEnvelope> SENT = new ArrayList<>();

    @Autowired
    MongoDatabase database;
    @Autowired
    Projections projections;
    @Autowired
    SubjectIndex subjectIndex;

    static String caseNo(String letter) {
        return "DB-" + REGION + "-" + ID + "-" + letter;
    }

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        createTopic(TOPIC, 1);
        // A: accepted, due 01-20, approved 01-20 23:00 CST (15:00 UTC): on time
        assistanceCase("A", "DIBAO_URBAN", "2026-01-05T09:00:00+08:00", "2026-01-20");
        decide("A", EventTypes.APPLICATION_APPROVED, "2026-01-20T23:00:00+08:00");
        // B: due 01-20, denied 01-21 00:30 CST (still 01-20 in UTC): late
        assistanceCase("B", "DIBAO_URBAN", "2026-01-05T10:00:00+08:00", "2026-01-20");
        decide("B", EventTypes.APPLICATION_DENIED, "2026-01-21T00:30:00+08:00");
        // C: due 01-20, open: overdue as of 02-15
        assistanceCase("C", "TEKUN", "2026-01-06T09:00:00+08:00", "2026-01-20");
        // D: due 03-20, open: within its limit
        assistanceCase("D", "TEKUN", "2026-01-07T09:00:00+08:00", "2026-03-20");
        // E: accepted by a producer that did not send a due date yet, then approved: unknown
        assistanceCase("E", "TEKUN", "2026-01-08T09:00:00+08:00", null);
        decide("E", EventTypes.APPLICATION_APPROVED, "2026-01-09T09:00:00+08:00");
        // F: withdrawn before the decision: out
        assistanceCase("F", "DIBAO_RURAL", "2026-01-09T09:00:00+08:00", "2026-01-20");
        decide("F", EventTypes.APPLICATION_WITHDRAWN, "2026-01-25T09:00:00+08:00");
        // G: never accepted: not a case of the statistics
        send(envelope(EventTypes.APPLICATION_SUBMITTED, caseNo("G"), REGION + "001", "2026-01-10T09:00:00+08:00",
                EventData.of(caseNo("G"), "application").put("program", "TEKUN").put("householdSize", 1)));
        send(envelope(EventTypes.APPLICATION_NOT_ACCEPTED, caseNo("G"), REGION + "001", "2026-01-11T09:00:00+08:00",
                EventData.of(caseNo("G"), "application").reason("不属于本辖区")));
        // H: an organization, applied in January, accepted 02-02 due 02-27, refused 02-09: on time
        String org = "ORG-" + REGION + "-" + ID;
        send(envelope(EventTypes.ORGANIZATION_REGISTRATION_APPLIED, org, REGION, "2026-01-28T09:00:00+08:00",
                EventData.of(org, "organization").put("orgType", "FOUNDATION").put("name", "天山区测试基金会")));
        send(envelope(EventTypes.ORGANIZATION_REGISTRATION_ACCEPTED, org, REGION, "2026-02-02T09:00:00+08:00",
                EventData.of(org, "organization").put("dueDate", "2026-02-27").put("dueBasis", "PROMISED")
                        .put("limitWorkingDays", 20).put("statutoryDueDate", "2026-04-28")));
        send(envelope(EventTypes.ORGANIZATION_REGISTRATION_REFUSED, org, REGION, "2026-02-09T09:00:00+08:00",
                EventData.of(org, "organization").reason("同一区域内已有业务范围相同的社会组织")));
        // I: another region, overdue: outside the auditor's scope
        send(envelope(EventTypes.APPLICATION_ACCEPTED, "DB-110105-" + ID + "-I", "110105001",
                "2026-01-05T09:00:00+08:00", EventData.of("DB-110105-" + ID + "-I", "application").put("dueDate", "2026-01-20")));
        // A's acceptance delivered twice (same event id): counted once
        send(SENT.get(1));
        assertThat(SENT).allSatisfy(e -> EventSchemaValidator.shared().assertValid(e));
        await().atMost(Duration.ofSeconds(60)).until(() -> stored() == SENT.size());
        await().atMost(Duration.ofSeconds(30)).until(projections::ready);
        seeded = true;
    }

    private void assistanceCase(String letter, String program, String acceptedAt, String dueDate) {
        String no = caseNo(letter);
        Instant accepted = OffsetDateTime.parse(acceptedAt).toInstant();
        send(envelope(EventTypes.APPLICATION_SUBMITTED, no, REGION + "001", accepted.minusSeconds(86400).toString(),
                EventData.of(no, "application").transition(null, "SUBMITTED").put("program", program).put("householdSize", 2)));
        EventData data = EventData.of(no, "application").transition("SUBMITTED", "ACCEPTED");
        if (dueDate != null) {
            data.put("dueDate", dueDate).put("dueBasis", "PROMISED").put("limitWorkingDays", 10)
                    .put("statutoryDueDate", "2026-03-31");
        }
        send(envelope(EventTypes.APPLICATION_ACCEPTED, no, REGION + "001", acceptedAt, data));
    }

    private void decide(String letter, String type, String at) {
        String no = caseNo(letter);
        EventData data = EventData.of(no, "application").reason("依据调查结果");
        if (type.equals(EventTypes.APPLICATION_APPROVED)) {
            data.put("monthlyAmountFen", 136000).put("calculation", java.util.Map.of("standardFen", 68000, "members", 2));
        }
        send(envelope(type, no, REGION + "001", at, data));
    }

    private static EventEnvelope envelope(String type, String subject, String region, String time, EventData data) {
        return EventEnvelope.builder(type).subject(subject).actor("clerk-" + region, "CLERK").regionCode(region)
                .time(OffsetDateTime.parse(time.contains("T") && !time.endsWith("Z") && !time.contains("+")
                        ? time + "Z" : time).toInstant()).aggregateVersion(1).data(data).build();
    }

    private static void send(EventEnvelope e) {
        if (!SENT.contains(e)) {
            SENT.add(e);
        }
        send(TOPIC, e);
    }

    private long stored() {
        return Mono.from(database.getCollection("audit_records").countDocuments(Filters.eq("topic", TOPIC)))
                .block(Duration.ofSeconds(10));
    }

    private WebTestClient.BodyContentSpec onTime(String query, String token) {
        return client().get().uri("/api/v1/audit/statistics/on-time?" + query).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void ratesByServiceCountEachCaseByTheRule() {
        onTime("by=service" + CASES + AS_OF, auditor(REGION))
                .jsonPath("$.asOf").isEqualTo("2026-02-15T04:00:00Z")
                .jsonPath("$.asOfChina").isEqualTo("2026-02-15T12:00:00+08:00")
                .jsonPath("$.ruleText").isEqualTo(OnTimeRates.RULE_TEXT)
                .jsonPath("$.ruleSources[0]").isEqualTo(OnTimeRates.RULE_SOURCES.get(0))
                .jsonPath("$.groups.assistance.cases").isEqualTo(5)
                .jsonPath("$.groups.assistance.decided").isEqualTo(2)
                .jsonPath("$.groups.assistance.onTime").isEqualTo(1)
                .jsonPath("$.groups.assistance.late").isEqualTo(1)
                .jsonPath("$.groups.assistance.openOverdue").isEqualTo(1)
                .jsonPath("$.groups.assistance.openWithinLimit").isEqualTo(1)
                .jsonPath("$.groups.assistance.unknown").isEqualTo(1)
                .jsonPath("$.groups.assistance.withdrawnExcluded").isEqualTo(1)
                .jsonPath("$.groups.assistance.rate").isEqualTo(0.3333)
                .jsonPath("$.groups.org.onTime").isEqualTo(1)
                .jsonPath("$.groups.org.rate").isEqualTo(1.0)
                .jsonPath("$.total.cases").isEqualTo(6)
                .jsonPath("$.total.rate").isEqualTo(0.5);
    }

    @Test
    void ratesByProgramPeriodAndRegion() {
        onTime("by=program" + CASES + AS_OF, auditor(REGION))
                .jsonPath("$.groups.DIBAO_URBAN.rate").isEqualTo(0.5)
                .jsonPath("$.groups.TEKUN.openOverdue").isEqualTo(1)
                .jsonPath("$.groups.TEKUN.unknown").isEqualTo(1)
                .jsonPath("$.groups.TEKUN.rate").isEqualTo(0.0)
                .jsonPath("$.groups.DIBAO_RURAL.withdrawnExcluded").isEqualTo(1)
                .jsonPath("$.groups.DIBAO_RURAL.rate").doesNotExist()
                .jsonPath("$.groups.FOUNDATION.onTime").isEqualTo(1);
        onTime("by=period&period=month" + CASES + AS_OF, auditor(REGION))
                .jsonPath("$.groups['2026-01'].cases").isEqualTo(5)
                .jsonPath("$.groups['2026-02'].cases").isEqualTo(1);
        onTime("by=region" + CASES + AS_OF, auditor(REGION))
                .jsonPath("$.groups['650102001'].cases").isEqualTo(5)
                .jsonPath("$.groups['650102'].cases").isEqualTo(1);
        onTime("by=service&service=org" + CASES + AS_OF, auditor(REGION))
                .jsonPath("$.groups.assistance").doesNotExist()
                .jsonPath("$.total.cases").isEqualTo(1);
    }

    @Test
    void asOfAnEarlierDayTheDecisionsLaterWereNotMadeYet() {
        // 01-20 noon: A, B, C (due that day), D and F (withdrawn only on 01-25) are open within their
        // limit; E has no due date; the organization was not accepted yet
        onTime("by=service" + CASES + "&asOf=2026-01-20T04:00:00Z", auditor(REGION))
                .jsonPath("$.groups.assistance.decided").isEqualTo(0)
                .jsonPath("$.groups.assistance.openWithinLimit").isEqualTo(5)
                .jsonPath("$.groups.assistance.unknown").isEqualTo(1)
                .jsonPath("$.groups.assistance.withdrawnExcluded").isEqualTo(0)
                .jsonPath("$.groups.org").doesNotExist();
    }

    @Test
    void anotherRegionsAuditorSeesNoneOfThemAndCannotAskForThem() {
        onTime("by=service&from=2025-12-31T16:00:00Z&to=2026-02-28T16:00:00Z" + AS_OF, auditor("110105"))
                .jsonPath("$.groups.assistance.openOverdue").isEqualTo(1)
                .jsonPath("$.groups.assistance.cases").isEqualTo(1);
        client().get().uri("/api/v1/audit/statistics/on-time?by=service&region=" + REGION)
                .headers(h -> h.setBearerAuth(auditor("110105"))).exchange().expectStatus().isForbidden();
    }

    @ParameterizedTest
    @CsvSource({
        "by=week, /by, invalid-on-time-grouping",
        "by=period&period=week, /period, invalid-period",
        "asOf=yesterday, /asOf, invalid-time",
        "service=Assistance!, /service, invalid-service",
        "region=65a, /region, invalid-region",
        "from=2026-03-01T00:00:00Z&to=2026-01-01T00:00:00Z, /to, range-empty"})
    void badInputIsAProblemNamingTheField(String query, String pointer, String code) {
        client().get().uri("/api/v1/audit/statistics/on-time?" + query).headers(h -> h.setBearerAuth(auditor(REGION)))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo(pointer)
                .jsonPath("$.errors[0].code").isEqualTo(code);
    }

    @Test
    void theTimelineIsServedFromTheSubjectIndex() {
        List<String> ids = subjectIndex.eventIds(caseNo("A")).block(Duration.ofSeconds(10));
        assertThat(ids).containsExactlyInAnyOrder(SENT.stream().filter(e -> caseNo("A").equals(e.subject()))
                .map(EventEnvelope::id).distinct().toArray(String[]::new));
        client().get().uri("/api/v1/audit/timeline/{s}", caseNo("A")).headers(h -> h.setBearerAuth(auditor(REGION)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(3)
                .jsonPath("$.entries[0].type").isEqualTo(EventTypes.APPLICATION_SUBMITTED)
                .jsonPath("$.entries[1].type").isEqualTo(EventTypes.APPLICATION_ACCEPTED)
                .jsonPath("$.entries[2].type").isEqualTo(EventTypes.APPLICATION_APPROVED);
        client().get().uri("/api/v1/audit/timeline/{s}", caseNo("A")).headers(h -> h.setBearerAuth(auditor("110105")))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void projectionsLostOrNeverBuiltAreRebuiltFromTheTrail() {
        Mono.from(database.getCollection(Projections.SUBJECTS).deleteMany(Filters.regex("_id", ID))).block();
        Mono.from(database.getCollection(Projections.STATE).deleteMany(Filters.eq("_id", Projections.MARKER))).block();
        onTime("by=service" + CASES + AS_OF, auditor(REGION)).jsonPath("$.total.cases").isEqualTo(0);

        projections.start().block(Duration.ofSeconds(60));

        onTime("by=service" + CASES + AS_OF, auditor(REGION)).jsonPath("$.total.cases").isEqualTo(6)
                .jsonPath("$.total.rate").isEqualTo(0.5);
        assertThat(subjectIndex.eventIds(caseNo("B")).block(Duration.ofSeconds(10))).hasSize(3);
    }
}
