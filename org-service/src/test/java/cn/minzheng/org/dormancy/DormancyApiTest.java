package cn.minzheng.org.dormancy;

import cn.minzheng.org.OrgServiceTestBase;
import cn.minzheng.org.annualinspection.InspectionStore;
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
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Zombie detection through the API: the sweep opens an inspection task for an organization without a report
 * two years running and for one that reported nothing in the year after registration, none for the others;
 * run again it opens nothing more; an inspector closes a task with findings.
 */
class DormancyApiTest extends OrgServiceTestBase {
    private static final String AUTHORITY = "421126";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    RegistrationStore registrations;
    @Autowired
    ReactiveMongoTemplate mongo;

    private final String inspector = token("dt-inspector", "INSPECTOR", AUTHORITY);
    private final String registrar = token("dt-registrar", "REGISTRAR", AUTHORITY);
    private final String agent = token("dt-agent", "ORG_AGENT", AUTHORITY);

    private void register(String id, int n, LocalDate on) {
        Particulars p = new Particulars(OrganizationType.SOCIAL_GROUP, new OrganizationName("蕲春县", "", "沉睡" + n, "协会"), "蕲春1号",
                "宗旨", "范围", "蕲春县", new Person("孙七", "42112619800101" + (6000 + n)), 3_000_000L, true, null, null, "蕲春县科协",
                new Members(60, 0), List.of(), Set.of());
        String code = new CreditCodeIssuance("MJ").issue(OrganizationType.SOCIAL_GROUP, AUTHORITY, 630_000 + n).value();
        registrations.insert(Organization.register(id, code, AUTHORITY, p, on).next(), "dt-agent", List.of(), List.of()).block();
    }

    private void outcome(String org, int year, String outcome) {
        mongo.insert(new Document("_id", org + "-" + year).append("organizationId", org).append("year", year).append("outcome", outcome),
                InspectionStore.OUTCOMES).block();
    }

    private JsonNode sweep() {
        JsonNode started = client().post().uri("/api/v1/orgs/dormancy-sweeps").header("Authorization", "Bearer " + registrar)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("authorityCode", AUTHORITY)).exchange()
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            run[0] = client().get().uri("/api/v1/orgs/dormancy-sweeps/" + started.get("id").asString())
                    .header("Authorization", "Bearer " + inspector).exchange().expectStatus().isOk().expectBody(JsonNode.class)
                    .returnResult().getResponseBody();
            return run[0].get("finished").asBoolean();
        });
        return run[0];
    }

    @Test
    void theSweepOpensATaskPerDormantOrganizationOnceAndAnInspectorClosesIt() {
        int year = TODAY.getYear();
        register("ORG-DT-1", 1, TODAY.minusYears(4));          // no report two years running
        outcome("ORG-DT-1", year - 1, "NOT_FILED");
        outcome("ORG-DT-1", year - 2, "NOT_FILED");
        register("ORG-DT-2", 2, TODAY.minusMonths(14));        // nothing reported in the year after registration
        register("ORG-DT-3", 3, TODAY.minusMonths(14));        // reported its first year
        client().post().uri("/api/v1/orgs/organizations/ORG-DT-3/annual-reports").header("Authorization", "Bearer " + agent)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("year", TODAY.minusMonths(14).getYear(), "boardElectedOnTime", true,
                        "governance", "按期换届", "activities", "开展活动", "finances", Map.of("income", "100.00", "expenditure", "50.00",
                                "netAssets", "50.00"))).exchange().expectStatus().isCreated();
        register("ORG-DT-4", 4, TODAY.minusYears(4));          // filed last year
        outcome("ORG-DT-4", year - 1, "FILED");
        outcome("ORG-DT-4", year - 2, "NOT_FILED");
        register("ORG-DT-5", 5, TODAY.minusMonths(2));         // too young

        JsonNode first = sweep();
        assertThat(first.get("examined").asLong()).isEqualTo(5);
        assertThat(first.get("tasksOpened").asLong()).isEqualTo(2);
        assertThat(first.get("consecutiveNonFiling").asLong()).isEqualTo(1);
        assertThat(first.get("noActivity").asLong()).isEqualTo(1);
        JsonNode open = client().get().uri("/api/v1/orgs/inspection-tasks?authority=" + AUTHORITY + "&status=OPEN")
                .header("Authorization", "Bearer " + inspector).exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(open.get("items").findValuesAsString("organizationId")).containsExactlyInAnyOrder("ORG-DT-1", "ORG-DT-2");
        assertThat(open.get("items").get(0).get("dueOn").asString()).isEqualTo(TODAY.plusDays(30).toString());
        for (String org : List.of("ORG-DT-1", "ORG-DT-2")) {
            EventEnvelope opened = awaitEvent(e -> e.type().equals(EventTypes.INSPECTION_TASK_OPENED)
                    && e.subject().equals("DT-" + org + "-" + year));
            assertThat(opened.data().get("dueOn").asString()).isEqualTo(TODAY.plusDays(30).toString());
        }

        JsonNode again = sweep();
        assertThat(again.get("examined").asLong()).isEqualTo(5);
        assertThat(again.get("tasksOpened").asLong()).as("a re-run opens nothing twice").isZero();
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(org.springframework.data.mongodb.core.query.Criteria
                .where("authorityCode").is(AUTHORITY)), DormancyStore.TASKS).block()).isEqualTo(2);

        String task = "/api/v1/orgs/inspection-tasks/DT-ORG-DT-1-" + year;
        client().post().uri(task + "/closing").header("Authorization", "Bearer " + inspector).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("findings", "住所无人办公")).exchange()
                .expectStatus().isBadRequest().expectBody(JsonNode.class)
                .value(b -> assertThat(b.get("errors").findValuesAsString("pointer")).containsExactly("/dormant"));
        client().post().uri(task + "/closing").header("Authorization", "Bearer " + inspector).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("findings", " ", "dormant", true)).exchange()
                .expectStatus().isBadRequest().expectBody(JsonNode.class)
                .value(b -> assertThat(b.get("errors").findValuesAsString("pointer")).containsExactly("/findings"));
        client().post().uri(task + "/closing").header("Authorization", "Bearer " + registrar).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("findings", "x", "dormant", true)).exchange()
                .expectStatus().isForbidden();
        client().post().uri(task + "/closing").header("Authorization", "Bearer " + inspector).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("findings", "住所无人办公，负责人电话无法接通", "dormant", true))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .value(b -> assertThat(b.get("status").asString()).isEqualTo("CLOSED"));
        client().post().uri(task + "/closing").header("Authorization", "Bearer " + inspector).header("If-Match", "\"2\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("findings", "再次", "dormant", true)).exchange()
                .expectStatus().isEqualTo(409).expectBody(JsonNode.class)
                .value(b -> assertThat(b.get("detail").asString()).contains("已核查办结"));
        awaitEvent(e -> e.type().equals(EventTypes.INSPECTION_TASK_CLOSED) && e.subject().equals("DT-ORG-DT-1-" + year));

        client().post().uri("/api/v1/orgs/dormancy-sweeps").header("Authorization", "Bearer " + registrar)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("authorityCode", "42112")).exchange().expectStatus().isBadRequest();
        client().post().uri("/api/v1/orgs/dormancy-sweeps").header("Authorization", "Bearer " + token("far", "REGISTRAR", "330100"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("authorityCode", AUTHORITY)).exchange().expectStatus().isForbidden();
    }

    /** A page size outside 1…100 is refused naming /size (org's lists used to clamp it silently). */
    @org.junit.jupiter.params.ParameterizedTest(name = "size={0} → {1}")
    @org.junit.jupiter.params.provider.CsvSource({"-1, 400", "0, 400", "101, 400", "100000, 400", "1, 200", "100, 200"})
    void aPageSizeOutsideOneToAHundredIsRefusedNamingTheField(int size, int status) {
        var answer = client().get().uri("/api/v1/orgs/inspection-tasks?authority=" + AUTHORITY + "&size=" + size)
                .header("Authorization", "Bearer " + inspector).exchange()
                .expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult();
        if (status == 400) {
            assertThat(answer.getResponseHeaders().getContentType()).hasToString("application/problem+json");
            JsonNode error = answer.getResponseBody().get("errors").get(0);
            assertThat(error.get("pointer").asString()).isEqualTo("/size");
            assertThat(error.get("code").asString()).isEqualTo("invalid-page-size");
            assertThat(error.get("message").asString()).contains("1 至 100", "翻页标记");
        }
    }
}
