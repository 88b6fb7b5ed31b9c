package cn.minzheng.org.enforcement;

import cn.minzheng.org.OrgServiceTestBase;
import cn.minzheng.org.creditcode.CreditCodeIssuance;
import cn.minzheng.org.naming.OrganizationName;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.registration.Members;
import cn.minzheng.org.registration.Organization;
import cn.minzheng.org.registration.Particulars;
import cn.minzheng.org.registration.Person;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** 取缔 of unregistered organizations through the API (issue 18 item 8d): the journey, its events, the roles, hostile input. */
class BanCaseApiTest extends OrgServiceTestBase {
    private static final String AUTHORITY = "421123";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    RegistrationStore registrations;

    private final String inspector = token("bc-inspector", "INSPECTOR", AUTHORITY);
    private final String registrar = token("bc-registrar", "REGISTRAR", AUTHORITY);
    private final String reviewer = token("bc-legal", "LEGAL_REVIEWER", "4211");

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

    private JsonNode problem(WebTestClient.ResponseSpec r, int status, String code) {
        JsonNode b = r.expectStatus().isEqualTo(status).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(b.get("code").asString()).isEqualTo(code);
        return b;
    }

    private Map<String, Object> openBody(String name) {
        Map<String, Object> m = new HashMap<>();
        m.put("authorityCode", AUTHORITY);
        m.put("name", name);
        m.put("ground", "UNREGISTERED_ACTIVITY");
        m.put("facts", "以协会名义举办收费培训并发展会员");
        m.put("whereabouts", "罗田县凤山镇某写字楼");
        return m;
    }

    private long count() {
        return mongo.count(new org.springframework.data.mongodb.core.query.Query(), BanCaseStore.CASES).block();
    }

    @Test
    void aBanRunsFromOpeningToClosingWithLegalReviewAndEveryStepPublishesAnEnforcementCaseEvent() {
        String name = "罗田县国学推广协会" + RUN;
        JsonNode c = client().post().uri("/api/v1/orgs/ban-cases").header("Authorization", "Bearer " + inspector)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON).bodyValue(openBody(name))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = c.get("id").asString();
        String path = "/ban-cases/" + id;
        assertThat(id).startsWith("BC-" + AUTHORITY + "-");
        assertThat(c.get("status").asString()).isEqualTo("OPEN");
        assertThat(c.get("groundText").asString()).isEqualTo("未经登记，擅自以社会组织名义进行活动");
        assertThat(c.get("dueOn").asString()).isEqualTo(LocalDate.parse(c.get("openedOn").asString()).plusDays(90).toString());

        problem(post(inspector, path + "/proposal", 1L, Map.of("reasons", "理由")), 409, "evidence-required");
        c = ok(post(inspector, path + "/evidence", 1L, Map.of("kind", "现场检查笔录", "description", "收费收据12张、会员名册1本")));
        c = ok(post(inspector, path + "/proposal", 2L, Map.of("reasons", "未经登记擅自以社会团体名义进行活动，依法应予取缔")));
        problem(post(registrar, path + "/decision", 3L, Map.of("reference", "罗民取〔2026〕1号", "reasons", "r")), 409, "illegal-transition");
        c = ok(post(inspector, path + "/notice", 3L, null));
        assertThat(c.get("statementDeadline").asString()).isNotBlank();
        problem(post(reviewer, path + "/legal-review", 4L, Map.of("approved", true)), 409, "statement-period-running");
        problem(post(registrar, path + "/decision", 4L, Map.of("reference", "罗民取〔2026〕1号", "reasons", "r")), 409, "legal-review-required");
        c = ok(post(inspector, path + "/statements", 4L, Map.of("text", "负责人称已停止招生，无其他意见", "concluding", true)));
        problem(post(inspector, path + "/legal-review", 5L, Map.of("approved", true)), 403, "forbidden");
        c = ok(post(reviewer, path + "/legal-review", 5L, Map.of("approved", true, "opinion", "事实清楚，证据确凿")));
        assertThat(c.get("status").asString()).isEqualTo("REVIEWED");
        problem(post(inspector, path + "/decision", 6L, Map.of("reference", "罗民取〔2026〕1号", "reasons", "r")), 403, "forbidden");
        c = ok(post(registrar, path + "/decision", 6L, Map.of("reference", "罗民取〔2026〕1号", "reasons", "未经登记擅自以社会团体名义进行活动")));
        assertThat(c.get("decision").get("announceBy").asString()).isNotBlank();
        c = ok(post(registrar, path + "/delivery", 7L, Map.of("byAnnouncement", false)));
        problem(post(registrar, path + "/execution", 8L, Map.of("seized", List.of())), 400, "execution-invalid");
        c = ok(post(registrar, path + "/execution", 8L, Map.of("seized", List.of("印章1枚", "牌匾1块", "会员名册1本"))));
        c = ok(post(registrar, path + "/closing", 9L, Map.of()));
        assertThat(c.get("status").asString()).isEqualTo("CLOSED");
        assertThat(c.get("version").asLong()).isEqualTo(10);

        for (String type : List.of(EventTypes.ENFORCEMENT_CASE_OPENED, EventTypes.ENFORCEMENT_CASE_EVIDENCE_RECORDED,
                EventTypes.ENFORCEMENT_CASE_PENALTY_PROPOSED, EventTypes.ENFORCEMENT_CASE_NOTICE_SERVED,
                EventTypes.ENFORCEMENT_CASE_STATEMENT_RECORDED, EventTypes.ENFORCEMENT_CASE_LEGAL_REVIEW_COMPLETED,
                EventTypes.ENFORCEMENT_CASE_DECISION_ISSUED, EventTypes.ENFORCEMENT_CASE_DECISION_DELIVERED,
                EventTypes.ENFORCEMENT_CASE_DECISION_EXECUTED, EventTypes.ENFORCEMENT_CASE_CLOSED)) {
            EventEnvelope e = awaitEvent(x -> x.type().equals(type) && x.subject().equals(id));
            assertThat(e.data().get("caseKind").asString()).isEqualTo("BAN");
            assertThat(e.data().get("subjectName").asString()).isEqualTo(name);
            assertThat(e.data().get("aggregateType").asString()).isEqualTo("enforcement-case");
            assertThat(e.regionCode()).isEqualTo(AUTHORITY);
        }
        EventEnvelope decided = awaitEvent(x -> x.type().equals(EventTypes.ENFORCEMENT_CASE_DECISION_ISSUED) && x.subject().equals(id));
        assertThat(decided.data().get("penalties").get(0).get("kind").asString()).isEqualTo("BAN");
        assertThat(decided.actorRole()).isEqualTo("REGISTRAR");

        JsonNode list = client().get().uri("/api/v1/orgs/ban-cases?size=100").header("Authorization", "Bearer " + token("aud", "AUDITOR", "42"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(list.get("items").findValuesAsString("id")).contains(id);
    }

    @Test
    void hostileInputIsRefusedNamingTheFieldAndNothingIsStored() {
        long before = count();
        Map<String, Object> empty = new HashMap<>();
        empty.put("authorityCode", AUTHORITY);
        empty.put("name", " ");
        empty.put("facts", null);
        JsonNode b = problem(post(inspector, "/ban-cases", null, empty), 400, "ban-case-invalid");
        assertThat(b.get("errors").findValuesAsString("pointer")).containsExactlyInAnyOrder("/name", "/ground", "/facts");
        assertThat(b.get("errors").get(0).get("message").asString()).matches(".*\\p{IsHan}.*");

        Map<String, Object> badEnum = openBody("某某会" + RUN);
        badEnum.put("ground", "NOT_A_GROUND");
        JsonNode enumProblem = post(inspector, "/ban-cases", null, badEnum).expectStatus().isBadRequest().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(enumProblem.get("errors").findValuesAsString("pointer")).as(enumProblem.toString()).containsExactly("/ground");
        assertThat(enumProblem.get("errors").get(0).get("message").asString()).contains("UNREGISTERED_ACTIVITY");
        for (Object authority : new Object[]{"42", "4211X3", "421123'; drop", null}) {
            Map<String, Object> m = openBody("某某会" + RUN);
            m.put("authorityCode", authority);
            assertThat(problem(post(inspector, "/ban-cases", null, m), 400, "validation-failed").get("errors")
                    .findValuesAsString("pointer")).containsExactly("/authorityCode");
        }
        Map<String, Object> unknownField = openBody("某某会" + RUN);
        unknownField.put("organizationId", "ORG-1");
        post(inspector, "/ban-cases", null, unknownField).expectStatus().isBadRequest();
        Map<String, Object> longName = openBody("某".repeat(51));
        assertThat(problem(post(inspector, "/ban-cases", null, longName), 400, "ban-case-invalid").get("errors")
                .findValuesAsString("code")).containsExactly("invalid-name");
        Map<String, Object> longFacts = openBody("某某会" + RUN);
        longFacts.put("facts", "事".repeat(2001));
        assertThat(problem(post(inspector, "/ban-cases", null, longFacts), 400, "ban-case-invalid").get("errors")
                .findValuesAsString("pointer")).containsExactly("/facts");
        client().post().uri("/api/v1/orgs/ban-cases").header("Authorization", "Bearer " + inspector).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":").exchange().expectStatus().isBadRequest();

        // a registered organization's name is a penalty case's matter, not a ban
        long serial = 880_000 + Math.abs(RUN.hashCode() % 10_000);
        Particulars p = new Particulars(OrganizationType.SOCIAL_GROUP, new OrganizationName("罗田县", "", "登记" + RUN, "协会"), "罗田1号",
                "宗旨", "范围", "罗田县", new Person("周三", "421123198001" + String.format("%06d", serial % 1_000_000)), 3_000_000L, true, null,
                null, "罗田县科协", new Members(60, 0), List.of(), Set.of());
        Organization o = Organization.register("ORG-BC-" + RUN, new CreditCodeIssuance("MJ").issue(OrganizationType.SOCIAL_GROUP, AUTHORITY,
                serial).value(), AUTHORITY, p, LocalDate.of(2020, 1, 1)).next();
        registrations.insert(o, "bc-agent", List.of(), List.of()).block();
        JsonNode registered = problem(post(inspector, "/ban-cases", null, openBody(o.name().fullName())), 422, "name-is-registered");
        assertThat(registered.get("errors").findValuesAsString("pointer")).containsExactly("/name");
        assertThat(registered.get("detail").asString()).contains(o.creditCode()).contains("行政处罚案件");

        // roles and regions: an agent and an auditor may not open; another region's staff may not open here
        post(token("bc-agent", "ORG_AGENT", AUTHORITY), "/ban-cases", null, openBody("某某会" + RUN)).expectStatus().isForbidden();
        post(token("bc-aud", "AUDITOR", AUTHORITY), "/ban-cases", null, openBody("某某会" + RUN)).expectStatus().isForbidden();
        post(token("bc-far", "INSPECTOR", "330100"), "/ban-cases", null, openBody("某某会" + RUN)).expectStatus().isForbidden();
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anotherRegionsCaseAnswersAsAMissingOneAndStepsNeedTheirVersion() {
        JsonNode c = post(inspector, "/ban-cases", null, openBody("罗田县某某联谊会" + RUN)).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String path = "/ban-cases/" + c.get("id").asString();
        String far = token("bc-far-r", "REGISTRAR", "330100");
        JsonNode missing = problem(client().get().uri("/api/v1/orgs/ban-cases/BC-" + AUTHORITY + "-NOSUCH").header("Authorization", "Bearer " + far)
                .exchange(), 404, "not-found");
        JsonNode elsewhere = problem(client().get().uri("/api/v1/orgs" + path).header("Authorization", "Bearer " + far).exchange(), 404, "not-found");
        assertThat(elsewhere.get("title").asString()).isEqualTo(missing.get("title").asString());
        problem(post(far, path + "/evidence", 1L, Map.of("kind", "k", "description", "d")), 404, "not-found");
        problem(post(token("bc-agent2", "ORG_AGENT", AUTHORITY), path + "/evidence", 1L, Map.of("kind", "k", "description", "d")), 404, "not-found");
        post(inspector, path + "/evidence", null, Map.of("kind", "k", "description", "d")).expectStatus().isEqualTo(428);
        post(inspector, path + "/evidence", 7L, Map.of("kind", "k", "description", "d")).expectStatus().isEqualTo(412);
        assertThat(problem(post(inspector, path + "/evidence", 1L, Map.of("kind", "k", "description", " ")), 400, "evidence-invalid")
                .get("errors").findValuesAsString("pointer")).containsExactly("/description");
        problem(post(registrar, path + "/closing", 1L, Map.of()), 400, "closing-invalid");
        JsonNode refused = problem(post(registrar, path + "/delivery", 1L, Map.of()), 409, "illegal-transition");
        assertThat(refused.get("detail").asString()).contains("已立案，调查取证中").contains("记录证据");
        JsonNode view = ok(client().get().uri("/api/v1/orgs" + path).header("Authorization", "Bearer " + registrar).exchange());
        assertThat(view.get("version").asLong()).isEqualTo(1);
        client().get().uri("/api/v1/orgs" + path).exchange().expectStatus().isUnauthorized();
    }
}
