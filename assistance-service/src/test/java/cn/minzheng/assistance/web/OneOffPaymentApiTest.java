package cn.minzheng.assistance.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 临时救助 through the API: approval closes the case as a one-off award (ONE_OFF_AWARDED, 一次性, no
 * re-check); the county's next batch pays it once as a ONE_OFF line, the batch after does not, and a
 * case paid first (先行救助) is never on the roll. The clock moves two months on first, so the batches
 * drawn here are of months no other test drew, and past them at the end, so no later test draws them.
 */
class OneOffPaymentApiTest extends ServiceTestBase {
    static final String BASE = "/api/v1/assistance/payment-batches";
    static final String CLERK = token("clerk-oneoff", "CLERK", "421303");
    static final String APPROVER = token("approver-oneoff", "APPROVER", "421303");
    static final String DRAWER = token("approver-oneoff-roll", "APPROVER", "421303");
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Map<String, Object> temporary(int seq, String citizen) {
        Map<String, Object> body = Requests.with(Requests.dibao(seq, null), "program", "TEMPORARY");
        body = Requests.with(body, "emergencyKind", "URGENT");
        body = Requests.with(body, "requestedAmount", "1500.00");
        return submitted(token(citizen, "CITIZEN", "421303001"), body);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String path, String token) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> linesOf(YearMonth month, String... caseNumbers) {
        Map<String, Object> batch = http.post().uri(BASE).header(HttpHeaders.AUTHORIZATION, "Bearer " + DRAWER)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("regionCode", "421303", "month", month.toString()))
                .exchange().expectStatus().isEqualTo(HttpStatus.CREATED).expectBody(Map.class).returnResult()
                .getResponseBody();
        return ((List<Map<String, Object>>) batch.get("lines")).stream()
                .filter(l -> List.of(caseNumbers).contains(l.get("caseNumber"))).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anApprovedTemporaryCaseIsClosedAndPaidOnceByTheNextBatchAndACasePaidFirstNever() {
        CLOCK.advance(Duration.ofDays(62));
        Map<String, Object> paidFirst = temporary(881, "citizen-oneoff-1");
        assertThat(post("/api/v1/assistance/applications/" + paidFirst.get("number") + "/emergency-payment", CLERK,
                Map.of("amount", "1000.00", "reason", "火灾, 先行救助"), paidFirst.get("version")).get("status"))
                .isEqualTo("PAID_FIRST");

        Map<String, Object> c = awaitingDecision(temporary(882, "citizen-oneoff-2"), CLERK, true);
        String number = (String) c.get("number");
        c = post("/api/v1/assistance/applications/" + number + "/decision", APPROVER, Map.of("approve", true),
                c.get("version"));
        YearMonth approvedIn = YearMonth.from(LocalDate.ofInstant(now(), CHINA));
        assertThat(c.get("status")).isEqualTo("ONE_OFF_AWARDED");
        Map<String, Object> benefit = (Map<String, Object>) c.get("benefit");
        assertThat(benefit).containsEntry("kind", "ONE_OFF").containsEntry("kindName", "一次性")
                .containsEntry("oneOffAmount", "1500.00").containsEntry("payableFrom", approvedIn.toString())
                .doesNotContainKey("monthlyAmount");
        assertThat(benefit.get("nextRecheckDue")).isNull();

        Map<String, Object> notice = get("/api/v1/assistance/applications/" + number + "/decision", CLERK);
        assertThat(notice).containsEntry("outcome", "APPROVED").containsEntry("oneOffAmount", "1500.00");
        assertThat(notice.get("monthlyAmount")).isNull();
        assertThat(notice.get("startMonth")).isNull();
        assertThat(notice.get("nextRecheckDue")).isNull();
        assertThat((List<String>) notice.get("explanation")).anySatisfy(s -> assertThat(s).contains("一次性发放")
                .contains("不是每月发放"));
        assertThat((List<String>) notice.get("explanation")).noneSatisfy(s -> assertThat(s).contains("每月 1500.00"));

        // the approval month's batch pays it once, not the case paid first; the next month's pays neither
        assertThat(linesOf(approvedIn, number, (String) paidFirst.get("number"))).singleElement().satisfies(l -> {
            assertThat(l.get("kind")).isEqualTo("ONE_OFF");
            assertThat(l.get("kindName")).isEqualTo("一次性发放");
            assertThat(l.get("amount")).isEqualTo("1500.00");
            assertThat(l.get("program")).isEqualTo("TEMPORARY");
        });
        assertThat(linesOf(approvedIn.plusMonths(1), number, (String) paidFirst.get("number"))).isEmpty();
        // past the months drawn here, so a later test drawing "next month" draws a month of its own
        CLOCK.advance(Duration.between(now(), approvedIn.plusMonths(2).atDay(2).atTime(9, 0).atZone(CHINA).toInstant()));
    }
}
