package cn.minzheng.assistance.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 临时救助 once per cause per household within the configured 12 months: a second 先行救助 for the
 * same household and the same cause is a 422 problem that says when help is possible again; the
 * case is unchanged and can still go another way.
 */
class TemporaryAwardApiTest extends ServiceTestBase {
    static final String CLERK = token("clerk-temporary", "CLERK", "421303001");

    private Map<String, Object> urgent(int seq, String citizen) {
        Map<String, Object> body = Requests.with(Requests.dibao(seq, null), "program", "TEMPORARY");
        body = Requests.with(body, "emergencyKind", "URGENT");
        body = Requests.with(body, "requestedAmount", "3000.00");
        return submitted(token(citizen, "CITIZEN", "421303001"), body);
    }

    @Test
    void theSameHouseholdIsNotPaidTwiceForTheSameCauseWithinTheYear() {
        Map<String, Object> first = urgent(873, "citizen-temp-1");
        Map<String, Object> paid = post("/api/v1/assistance/applications/" + first.get("number") + "/emergency-payment",
                CLERK, Map.of("amount", "2000.00", "reason", "火灾, 先行救助"), first.get("version"));
        assertThat(paid.get("status")).isEqualTo("PAID_FIRST");

        // the same household (another member applies), the same cause
        Map<String, Object> second = urgent(873, "citizen-temp-2");
        Map<?, ?> refused = http.post().uri("/api/v1/assistance/applications/" + second.get("number") + "/emergency-payment")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK)
                .header(HttpHeaders.IF_MATCH, "\"" + second.get("version") + "\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("amount", "1000.00", "reason", "火灾"))
                .exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(refused.get("code")).isEqualTo("rule-violated");
        assertThat((String) refused.get("detail")).contains("同一事由", (String) first.get("number"), "个月内只救助一次");
        Map<String, Object> unchanged = http.get().uri("/api/v1/assistance/applications/" + second.get("number"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(unchanged.get("status")).isEqualTo("SUBMITTED");
        assertThat(unchanged.get("version")).isEqualTo(second.get("version"));

        // another household is helped
        Map<String, Object> other = urgent(874, "citizen-temp-3");
        assertThat(post("/api/v1/assistance/applications/" + other.get("number") + "/emergency-payment", CLERK,
                Map.of("amount", "1000.00", "reason", "火灾"), other.get("version")).get("status")).isEqualTo("PAID_FIRST");
    }
}
