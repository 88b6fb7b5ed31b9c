package cn.minzheng.assistance.web;

import cn.minzheng.assistance.fixtures.Households;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventSchemaValidator;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 特困: the six-item self-care assessment is recorded on the home visit and shown in the decision. */
class SelfCareApiTest extends ServiceTestBase {
    static final String CITIZEN = token("selfcare-citizen", "CITIZEN", "421303001");
    static final String CLERK = token("selfcare-clerk", "CLERK", "421303001");
    static final String APPROVER = token("selfcare-approver", "APPROVER", "421303");

    static Map<String, Object> tekun(String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "王老");
        m.put("idNumber", id);
        m.put("relation", "SELF");
        m.put("labourCapacity", "NONE");
        m.put("incomes", List.of());
        m.put("assets", List.of());
        m.put("authorizationSigned", true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("program", "TEKUN");
        body.put("applicantIdNumber", id);
        body.put("regionCode", "421303001001");
        body.put("area", "URBAN");
        body.put("members", List.of(m));
        body.put("truthfulnessCommitment", true);
        return body;
    }

    static Map<String, Object> visit(Map<String, Object> selfCare) {
        return Map.of("staffIds", List.of("a", "b"), "findings", "独居, 如厕、行走、洗澡需人帮助", "selfCare", selfCare);
    }

    static Map<String, Object> answers(boolean eating, boolean dressing, boolean bed, boolean toilet, boolean walking,
                                       boolean bathing) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("EATING", eating);
        a.put("DRESSING", dressing);
        a.put("BED_TRANSFER", bed);
        a.put("TOILETING", toilet);
        a.put("INDOOR_WALKING", walking);
        a.put("BATHING", bathing);
        return a;
    }

    WebTestClient.ResponseSpec command(String number, String sub, String token, Object body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> current = http.get().uri("/api/v1/assistance/applications/" + number)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return http.post().uri("/api/v1/assistance/applications/" + number + "/" + sub)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.IF_MATCH, "\"" + current.get("version") + "\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void aTekunCaseCarriesItsSelfCareLevelFromTheHomeVisitIntoTheDecision() {
        @SuppressWarnings("unchecked")
        Map<String, Object> created = http.post().uri("/api/v1/assistance/applications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(tekun(Households.id("19480315", 801))).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String number = (String) created.get("number");
        command(number, "acceptance", CLERK, Map.of()).expectStatus().isOk();

        // every item is answered, with a JSON boolean
        Map<String, Object> partial = answers(true, true, true, false, false, false);
        partial.remove("BATHING");
        command(number, "home-visits", CLERK, visit(partial)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/selfCare/BATHING");
        Map<String, Object> typed = answers(true, true, true, false, false, false);
        typed.put("BATHING", "no");
        command(number, "home-visits", CLERK, visit(typed)).expectStatus().isBadRequest();
        Map<String, Object> unknown = answers(true, true, true, false, false, false);
        unknown.put("SWIMMING", true);
        command(number, "home-visits", CLERK, visit(unknown)).expectStatus().isBadRequest();

        command(number, "home-visits", CLERK, visit(answers(true, true, true, false, false, false))).expectStatus().isOk();
        command(number, "economic-checks", CLERK, Map.of("summary", "无收入无财产", "incomeConfirmed", true,
                "supporterAble", false)).expectStatus().isOk();
        command(number, "opinion", CLERK, Map.of("recommendApproval", true, "reason", "符合特困供养条件")).expectStatus().isOk();
        command(number, "publicity", CLERK, Map.of()).expectStatus().isOk();
        CLOCK.advance(Duration.ofDays(7));
        command(number, "publicity/completion", CLERK, Map.of()).expectStatus().isOk();
        command(number, "decision", APPROVER, Map.of("approve", true)).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.decision.selfCareLevel").isEqualTo("PARTIAL_LOSS");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            EventEnvelope visited = eventsOf(number).stream()
                    .filter(e -> e.type().equals("minzheng.assistance.application.home-visit-recorded.v1"))
                    .findFirst().orElseThrow();
            assertThat(visited.data().get("changes").get("selfCareLevel").asString()).isEqualTo("PARTIAL_LOSS");
            assertThat(EventSchemaValidator.shared().validate(visited)).isEmpty();
        });
    }

    @Test
    void aDibaoHomeVisitTakesNoSelfCareAssessment() {
        @SuppressWarnings("unchecked")
        Map<String, Object> created = http.post().uri("/api/v1/assistance/applications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Requests.dibao(802, "600.00")).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String number = (String) created.get("number");
        command(number, "acceptance", CLERK, Map.of()).expectStatus().isOk();
        command(number, "home-visits", CLERK, visit(answers(true, true, true, true, true, true)))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
