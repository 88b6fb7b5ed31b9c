package cn.minzheng.org.enforcement;

import cn.minzheng.org.OrgServiceTestBase;
import cn.minzheng.org.creditcode.CreditCodeIssuance;
import cn.minzheng.org.naming.OrganizationName;
import cn.minzheng.org.registration.Members;
import cn.minzheng.org.registration.Organization;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.registration.Particulars;
import cn.minzheng.org.registration.Person;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.events.EventTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** 行政处罚 through the API with real tokens: the due-process gates, the credit lists and 撤销 that follow, the access matrix. */
class EnforcementApiTest extends OrgServiceTestBase {
    private static final String AUTHORITY = "421122";
    private static final AtomicLong SERIAL = new AtomicLong(700_000);

    @Autowired
    RegistrationStore registrations;
    @Autowired
    ReactiveMongoTemplate mongo;

    private final String inspector = token("ec-inspector", "INSPECTOR", AUTHORITY);
    private final String registrar = token("ec-registrar", "REGISTRAR", AUTHORITY);
    private final String reviewer = token("ec-legal", "LEGAL_REVIEWER", "4211");
    private final String agentSubject = "ec-agent";
    private final String agent = token(agentSubject, "ORG_AGENT", AUTHORITY);

    private String organization(String field) {
        return organization(field, LocalDate.of(2019, 5, 1));
    }

    private String organization(String field, LocalDate registeredOn) {
        long serial = SERIAL.incrementAndGet();
        String id = "ORG-EC-" + serial;
        Particulars p = new Particulars(OrganizationType.SOCIAL_GROUP, new OrganizationName("红安县", "", field, "协会"), "红安1号",
                "宗旨", "范围", "红安县", new Person("周三", "421122198001" + serial), 3_000_000L, true, null, null, "红安县科协",
                new Members(60, 0), List.of(), Set.of());
        String code = new CreditCodeIssuance("MJ").issue(OrganizationType.SOCIAL_GROUP, AUTHORITY, serial).value();
        registrations.insert(Organization.register(id, code, AUTHORITY, p, registeredOn).next(), agentSubject, List.of(), List.of())
                .block();
        return id;
    }

    /** 撤销 grounds of [SG]第二十九条 beside the penalty cases: fraud in registration, no activity within a year (#18 item 8c). */
    @Test
    void revocationForNoActivityWithinAYearOnceTheYearHasRunAndOnlyRevocation() {
        String young = organization("新设", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(8));
        JsonNode refused = client().post().uri("/api/v1/orgs/enforcement-cases").header("Authorization", "Bearer " + inspector)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organizationId", young, "violation", "NO_ACTIVITY_ONE_YEAR", "facts", "登记后未开展任何活动"))
                .exchange().expectStatus().isEqualTo(422).expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(refused.get("code").asString()).isEqualTo("no-activity-period-not-run");
        assertThat(refused.get("errors").findValuesAsString("pointer")).containsExactly("/violation");

        for (String violation : List.of("NO_ACTIVITY_ONE_YEAR", "FRAUDULENT_REGISTRATION")) {
            JsonNode opened = open(organization("沉寂" + violation.length()), violation);
            String id = opened.get("id").asString();
            assertThat(opened.get("dueOn").asString()).isNotBlank();
            problem(post(inspector, "/enforcement-cases/" + id + "/proposal", 1L, Map.of("severity", "SERIOUS",
                    "penalties", List.of(Map.of("kind", "FINE", "amount", "10000.00")), "reasons", "罚款")), 422, "outside-discretion-benchmark");
            JsonNode proposed = ok(post(inspector, "/enforcement-cases/" + id + "/proposal", 1L, Map.of("severity", "SERIOUS",
                    "penalties", List.of(Map.of("kind", "REVOCATION")), "reasons", "依法撤销登记")));
            assertThat(proposed.get("status").asString()).isEqualTo("PROPOSED");
        }
    }

    private WebTestClient.ResponseSpec post(String token, String path, Long version, Object body) {
        var spec = client().post().uri("/api/v1/orgs" + path).header("Authorization", "Bearer " + token);
        if (version != null) {
            spec = spec.header("If-Match", "\"" + version + "\"");
        }
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private JsonNode ok(WebTestClient.ResponseSpec r) {
        return r.expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void problem(WebTestClient.ResponseSpec r, int status, String code) {
        r.expectStatus().isEqualTo(status).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).value(b -> assertThat(b.get("code").asString()).isEqualTo(code));
    }

    private JsonNode open(String org, String violation) {
        return client().post().uri("/api/v1/orgs/enforcement-cases").header("Authorization", "Bearer " + inspector)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organizationId", org, "violation", violation, "facts", "超出章程规定的业务范围举办收费培训"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void aRevocationNeedsANoticeAndLegalReviewThenRevokesAndListsTheOrganization() {
        String org = organization("甲" + SERIAL.get());
        JsonNode c = open(org, "BEYOND_SCOPE");
        String id = c.get("id").asString();
        String path = "/enforcement-cases/" + id;
        assertThat(c.get("dueOn").asString()).isEqualTo(LocalDate.parse(c.get("openedOn").asString()).plusDays(90).toString());
        c = ok(post(inspector, path + "/evidence", 1L, Map.of("kind", "现场检查笔录", "description", "培训收费凭证12份")));

        problem(post(registrar, path + "/decision", c.get("version").asLong(), Map.of("reference", "红民罚〔2026〕1号",
                "penalties", List.of(Map.of("kind", "REVOCATION")), "reasons", "情节严重")), 409, "notice-required");
        post(inspector, path + "/proposal", c.get("version").asLong(), Map.of("severity", "GENERAL",
                "penalties", List.of(Map.of("kind", "FINE", "amount", "60000.00")), "reasons", "一般情节"))
                .expectStatus().isEqualTo(422).expectBody(JsonNode.class).value(b -> {
                    assertThat(b.get("code").asString()).isEqualTo("outside-discretion-benchmark");
                    assertThat(b.get("errors").findValuesAsString("pointer")).containsExactly("/penalties/0/amount");
                });
        c = ok(post(inspector, path + "/proposal", c.get("version").asLong(), Map.of("severity", "SERIOUS",
                "penalties", List.of(Map.of("kind", "REVOCATION")), "reasons", "多次超范围收费培训，情节严重")));
        c = ok(post(inspector, path + "/notice", c.get("version").asLong(), null));
        assertThat(c.get("status").asString()).isEqualTo("NOTIFIED");
        c = ok(post(agent, path + "/statements", c.get("version").asLong(), Map.of("text", "培训系公益性质", "defence", true,
                "waivesHearing", true)));
        problem(post(registrar, path + "/decision", c.get("version").asLong(), Map.of("reference", "红民罚〔2026〕1号",
                "penalties", List.of(Map.of("kind", "REVOCATION")), "reasons", "情节严重")), 409, "legal-review-required");
        post(registrar, path + "/legal-review", c.get("version").asLong(), Map.of("approved", true)).expectStatus().isForbidden();
        // another region's case answers as a missing one (docs/contracts.md, status codes; issue 16 item 1)
        problem(post(token("far-legal", "LEGAL_REVIEWER", "3301"), path + "/legal-review", c.get("version").asLong(), Map.of("approved", true)),
                404, "not-found");
        c = ok(post(reviewer, path + "/legal-review", c.get("version").asLong(), Map.of("approved", true, "opinion", "事实清楚，证据确凿")));
        c = ok(post(registrar, path + "/decision", c.get("version").asLong(), Map.of("reference", "红民罚〔2026〕1号",
                "penalties", List.of(Map.of("kind", "REVOCATION")), "reasons", "情节严重，撤销登记")));
        assertThat(c.get("decision").get("major").asBoolean()).isTrue();
        c = ok(post(registrar, path + "/delivery", c.get("version").asLong(), null));
        assertThat(c.get("status").asString()).isEqualTo("DELIVERED");

        assertThat(registrations.organization(org).block().organization().status().name()).isEqualTo("REVOKED");
        assertThat(registrations.organization(org).block().organization().seriousListed()).isTrue();
        awaitEvent(e -> e.type().equals(EventTypes.ORGANIZATION_REVOKED) && org.equals(e.data().get("organizationId").asString()));
        awaitEvent(e -> e.type().equals(EventTypes.ORGANIZATION_SERIOUS_LISTED) && org.equals(e.data().get("organizationId").asString()));
        for (String type : List.of(EventTypes.ENFORCEMENT_CASE_OPENED, EventTypes.ENFORCEMENT_CASE_EVIDENCE_RECORDED,
                EventTypes.ENFORCEMENT_CASE_PENALTY_PROPOSED, EventTypes.ENFORCEMENT_CASE_NOTICE_SERVED,
                EventTypes.ENFORCEMENT_CASE_STATEMENT_RECORDED, EventTypes.ENFORCEMENT_CASE_LEGAL_REVIEW_COMPLETED,
                EventTypes.ENFORCEMENT_CASE_DECISION_ISSUED, EventTypes.ENFORCEMENT_CASE_DECISION_DELIVERED)) {
            awaitEvent(e -> e.type().equals(type) && e.subject().equals(id));
        }
        c = ok(post(registrar, path + "/execution", c.get("version").asLong(), Map.of("note", "已收缴登记证书和印章")));
        c = ok(post(registrar, path + "/closing", c.get("version").asLong(), Map.of()));
        assertThat(c.get("status").asString()).isEqualTo("CLOSED");
        awaitEvent(e -> e.type().equals(EventTypes.ENFORCEMENT_CASE_CLOSED) && e.subject().equals(id));

        JsonNode serious = client().get().uri("/api/v1/orgs/public/credit-lists?list=SERIOUS&authority=" + AUTHORITY).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(serious.get("items").findValuesAsString("ground")).contains("REGISTRATION_REVOKED");
    }

    @Test
    void afterAHearingTheDecisionIsReviewedAndNeverHeavierAndASmallFineGoesOnTheAbnormalList() {
        String org = organization("乙" + SERIAL.get());
        JsonNode c = open(org, "BEYOND_SCOPE");
        String path = "/enforcement-cases/" + c.get("id").asString();
        c = ok(post(inspector, path + "/proposal", 1L, Map.of("severity", "GENERAL",
                "penalties", List.of(Map.of("kind", "FINE", "amount", "20000.00")), "reasons", "一般情节")));
        c = ok(post(inspector, path + "/notice", c.get("version").asLong(), null));
        problem(post(registrar, path + "/decision", c.get("version").asLong(), Map.of("reference", "r",
                "penalties", List.of(Map.of("kind", "FINE", "amount", "20000.00")), "reasons", "x")), 409, "rights-period-running");
        // an agent of another organization may not learn of the case: 404, as for a missing one (issue 16 item 1)
        problem(post(token("other-agent", "ORG_AGENT", AUTHORITY), path + "/hearing-request", c.get("version").asLong(), null), 404, "not-found");
        c = ok(post(agent, path + "/hearing-request", c.get("version").asLong(), null));
        assertThat(c.get("status").asString()).isEqualTo("HEARING_REQUESTED");
        problem(post(registrar, path + "/decision", c.get("version").asLong(), Map.of("reference", "r",
                "penalties", List.of(Map.of("kind", "FINE", "amount", "20000.00")), "reasons", "x")), 409, "illegal-transition");
        String caseId = c.get("id").asString();
        LocalDate today = LocalDate.parse(c.get("hearingRequestedOn").asString());
        long requested = c.get("version").asLong();
        post(registrar, path + "/hearing-schedule", requested, Map.of("hearingDate", today.plusDays(6).toString(), "place", "红安县民政局听证室"))
                .expectStatus().isEqualTo(422).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).value(b -> {
                    assertThat(b.get("code").asString()).isEqualTo("hearing-notice-too-short");
                    assertThat(b.get("errors").get(0).get("pointer").asString()).isEqualTo("/hearingDate");
                    assertThat(b.get("errors").get(0).get("message").asString()).contains(today.plusDays(7).toString());
                });
        post(registrar, path + "/hearing-schedule", requested, Map.of("place", " ")).expectStatus().isBadRequest()
                .expectBody(JsonNode.class).value(b -> assertThat(b.get("errors").findValuesAsString("pointer"))
                        .containsExactlyInAnyOrder("/hearingDate", "/place"));
        post(agent, path + "/hearing-schedule", requested, Map.of("hearingDate", today.plusDays(7).toString(), "place", "听证室"))
                .expectStatus().isForbidden();
        assertThat(ok(client().get().uri("/api/v1/orgs" + path).header("Authorization", "Bearer " + registrar).exchange())
                .get("version").asLong()).as("refused schedules change nothing").isEqualTo(requested);
        c = ok(post(registrar, path + "/hearing-schedule", requested, Map.of("hearingDate", today.plusDays(7).toString(),
                "place", "红安县民政局听证室")));
        assertThat(c.get("status").asString()).isEqualTo("HEARING_SCHEDULED");
        assertThat(c.get("hearingNoticeDeliveredOn").asString()).isEqualTo(today.toString());
        problem(post(registrar, path + "/hearing", c.get("version").asLong(), Map.of("record", "提前举行")), 409, "hearing-date-not-reached");
        // a week passes: the case's hearing dates move back by 7 days, as if the clock had moved on
        mongo.updateFirst(new Query(Criteria.where("_id").is(caseId)), new org.springframework.data.mongodb.core.query.Update()
                .set("hearingRequestedOn", today.minusDays(7)).set("hearingNoticeDeliveredOn", today.minusDays(7))
                .set("hearingDate", today), EnforcementStore.CASES).block();
        c = ok(post(registrar, path + "/hearing", c.get("version").asLong(), Map.of("record", "当事人申辩系初次违法")));
        c = ok(post(reviewer, path + "/legal-review", c.get("version").asLong(), Map.of("approved", true)));
        long before = c.get("version").asLong();
        problem(post(registrar, path + "/decision", before, Map.of("reference", "红民罚〔2026〕2号",
                "penalties", List.of(Map.of("kind", "FINE", "amount", "30000.00")), "reasons", "x")), 422, "heavier-than-notified");
        c = ok(post(registrar, path + "/decision", before, Map.of("reference", "红民罚〔2026〕2号",
                "penalties", List.of(Map.of("kind", "FINE", "amount", "10000.00")), "reasons", "听证后减轻")));
        assertThat(c.get("version").asLong()).isEqualTo(before + 1);
        assertThat(c.get("decision").get("penalties").get(0).get("amount").asString()).isEqualTo("10000.00");
        ok(post(registrar, path + "/delivery", c.get("version").asLong(), null));
        // #18 item 2: the decision is public, no token needed
        String creditCode = registrations.organization(org).block().organization().creditCode();
        JsonNode published = client().get().uri("/api/v1/orgs/public/penalty-decisions?authority=" + AUTHORITY + "&size=100").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(published.get("items")).filteredOn(d -> creditCode.equals(d.path("creditCode").asString())).singleElement()
                .satisfies(d -> {
                    assertThat(d.get("decisionReference").asString()).isEqualTo("红民罚〔2026〕2号");
                    assertThat(d.get("penalties").get(0).asString()).isEqualTo("罚款10000.00元");
                    assertThat(d.get("facts").asString()).isEqualTo("超出章程规定的业务范围举办收费培训");
                    assertThat(d.get("legalBasis").asString()).isNotBlank();
                    assertThat(d.get("decidedOn").asString()).isEqualTo(today.toString());
                    assertThat(LocalDate.parse(d.get("publishBy").asString())).isAfter(today);
                    assertThat(d.get("status").asString()).isEqualTo("IN_FORCE");
                });
        client().get().uri("/api/v1/orgs/public/penalty-decisions?authority=42x").exchange().expectStatus().isBadRequest()
                .expectBody(JsonNode.class).value(b -> assertThat(b.get("errors").findValuesAsString("pointer")).containsExactly("/authority"));
        assertThat(registrations.organization(org).block().organization().abnormalListed()).isTrue();
        assertThat(registrations.organization(org).block().organization().status().name()).isEqualTo("REGISTERED");
        awaitEvent(e -> e.type().equals(EventTypes.ORGANIZATION_ABNORMAL_LISTED) && org.equals(e.data().get("organizationId").asString()));
        awaitEvent(e -> e.type().equals(EventTypes.ENFORCEMENT_CASE_HEARING_HELD) && e.subject().equals(path.substring(19)));
        JsonNode scheduled = awaitEvent(e -> e.type().equals(EventTypes.ENFORCEMENT_CASE_HEARING_SCHEDULED) && e.subject().equals(caseId)).data();
        assertThat(scheduled.get("hearingDate").asString()).isEqualTo(today.plusDays(7).toString());
        assertThat(scheduled.get("noticeDeliveredOn").asString()).isEqualTo(today.toString());
    }

    @Test
    void aDecisionAfterNinetyDaysIsRefusedAndTheCaseShowsOverdue() {
        String org = organization("丁" + SERIAL.get());
        JsonNode c = open(org, "BEYOND_SCOPE");
        String id = c.get("id").asString();
        String path = "/enforcement-cases/" + id;
        LocalDate openedOn = LocalDate.parse(c.get("openedOn").asString());
        assertThat(c.get("dueOn").asString()).isEqualTo(openedOn.plusDays(90).toString());
        c = ok(post(inspector, path + "/proposal", 1L, Map.of("severity", "MINOR",
                "penalties", List.of(Map.of("kind", "WARNING")), "reasons", "轻微")));
        c = ok(post(inspector, path + "/notice", c.get("version").asLong(), null));
        c = ok(post(agent, path + "/statements", c.get("version").asLong(), Map.of("text", "放弃听证", "waivesHearing", true)));
        // the case was opened 91 days ago: its opening and due date move back, as if the clock had moved on
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)), new org.springframework.data.mongodb.core.query.Update()
                .set("openedOn", openedOn.minusDays(91)).set("dueOn", openedOn.minusDays(1)), EnforcementStore.CASES).block();
        long before = c.get("version").asLong();
        post(registrar, path + "/decision", before, Map.of("reference", "红民罚〔2026〕9号",
                "penalties", List.of(Map.of("kind", "WARNING")), "reasons", "轻微")).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).expectBody(JsonNode.class).value(b -> {
                    assertThat(b.get("code").asString()).isEqualTo("decision-period-expired");
                    assertThat(b.get("errors").get(0).get("pointer").asString()).isEqualTo("/decidedOn");
                    assertThat(b.get("errors").get(0).get("message").asString()).contains(openedOn.minusDays(1).toString());
                });
        JsonNode after = ok(client().get().uri("/api/v1/orgs" + path).header("Authorization", "Bearer " + registrar).exchange());
        assertThat(after.get("version").asLong()).isEqualTo(before);
        assertThat(after.get("decision").isNull()).isTrue();
        assertThat(after.get("overdue").asBoolean()).isTrue();
        JsonNode overdue = ok(client().get().uri("/api/v1/orgs/enforcement-cases?overdue=true&organizationId=" + org)
                .header("Authorization", "Bearer " + registrar).exchange());
        assertThat(overdue.get("items").findValuesAsString("id")).containsExactly(id);
        c = ok(post(registrar, path + "/closing", before, Map.of("reason", "超过九十日办案期限，不予处罚")));
        assertThat(c.get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void theAccessMatrixAndBadInput() {
        String org = organization("丙" + SERIAL.get());
        long stored = mongo.count(new Query(Criteria.where("organizationId").is(org)), EnforcementStore.CASES).block();
        post(inspector, "/enforcement-cases", null, Map.of("organizationId", org, "violation", "NO_SUCH", "facts", " "))
                .expectStatus().isBadRequest().expectBody(JsonNode.class)
                .value(b -> assertThat(b.get("errors").findValuesAsString("pointer")).containsExactlyInAnyOrder("/violation", "/facts"));
        post(agent, "/enforcement-cases", null, Map.of("organizationId", org, "violation", "BEYOND_SCOPE", "facts", "f")).expectStatus().isForbidden();
        // another region's organization answers as a missing one (issue 16 item 1)
        problem(post(token("far", "INSPECTOR", "330100"), "/enforcement-cases", null, Map.of("organizationId", org, "violation", "BEYOND_SCOPE",
                "facts", "f")), 404, "not-found");
        assertThat(mongo.count(new Query(Criteria.where("organizationId").is(org)), EnforcementStore.CASES).block()).isEqualTo(stored);

        String path = "/api/v1/orgs/enforcement-cases/" + open(org, "REFUSED_SUPERVISION").get("id").asString();
        for (var who : List.of(Map.entry(registrar, 200), Map.entry(token("aud", "AUDITOR", "42"), 200), Map.entry(agent, 200),
                Map.entry(token("stranger", "ORG_AGENT", AUTHORITY), 404), Map.entry(token("far-r", "REGISTRAR", "330100"), 404))) {
            client().get().uri(path).header("Authorization", "Bearer " + who.getKey()).exchange().expectStatus().isEqualTo(who.getValue());
        }
        client().get().uri(path).exchange().expectStatus().isUnauthorized();
        String rel = path.substring("/api/v1/orgs".length());
        post(token("aud", "AUDITOR", "42"), rel + "/evidence", 1L, Map.of("kind", "k", "description", "d")).expectStatus().isForbidden();
        post(agent, rel + "/evidence", 1L, Map.of("kind", "k", "description", "d")).expectStatus().isForbidden();
        post(inspector, rel + "/evidence", null, Map.of("kind", "k", "description", "d")).expectStatus().isEqualTo(428);
        post(inspector, rel + "/evidence", 7L, Map.of("kind", "k", "description", "d")).expectStatus().isEqualTo(412);
        post(inspector, rel + "/proposal", 1L, Map.of("severity", "MINOR", "penalties", List.of(Map.of("kind", "WARNING", "amount", "abc")),
                "reasons", "r")).expectStatus().isBadRequest();
        JsonNode list = client().get().uri("/api/v1/orgs/enforcement-cases?organizationId=" + org).header("Authorization", "Bearer " + agent)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(list.get("items").size()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("version").asLong()).isEqualTo(1);

        JsonNode benchmarks = client().get().uri("/api/v1/orgs/public/discretion-benchmarks").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(benchmarks.get("BEYOND_SCOPE").get("GENERAL").get("maxFine").asString()).isEqualTo("49999.00");
    }
}
