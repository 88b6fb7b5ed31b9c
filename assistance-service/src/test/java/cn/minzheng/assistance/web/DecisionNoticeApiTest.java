package cn.minzheng.assistance.web;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.KafkaCloudEvents;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * submit → … → decision → the applicant GETs the decision; nobody else's citizen does. Households 351–355
 * (StrictBodiesTest counts up from 400, HostileInputTest from 600: a shared household would be a 409).
 */
class DecisionNoticeApiTest extends ServiceTestBase {
    static final String CLERK = token("clerk-notice", "CLERK", "421303001");
    static final String APPROVER = token("approver-notice", "APPROVER", "421303");

    WebTestClient.ResponseSpec read(String number, String token, String language) {
        WebTestClient.RequestHeadersSpec<?> spec = http.get().uri("/api/v1/assistance/applications/" + number + "/decision")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (language != null) {
            spec = spec.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return spec.exchange();
    }

    @Test
    void theApplicantReadsTheApprovalWithAmountStartMonthCalculationAndRemedies() {
        String citizen = token("citizen-notice-1", "CITIZEN", "421303001");
        String number = activeCase(351, "citizen-notice-1", CLERK, APPROVER);
        LocalDate decidedOn = LocalDate.ofInstant(now(), ZoneId.of("Asia/Shanghai"));

        read(number, citizen, null).expectStatus().isOk().expectBody()
                .jsonPath("$.number").isEqualTo(number)
                .jsonPath("$.outcome").isEqualTo("APPROVED")
                .jsonPath("$.decidedOn").isEqualTo(decidedOn.toString())
                // 680.00 × 3 − 600.00 = 1440.00 元, from the month after the decision
                .jsonPath("$.monthlyAmount").isEqualTo("1440.00")
                .jsonPath("$.startMonth").isEqualTo(YearMonth.from(decidedOn).plusMonths(1).toString())
                .jsonPath("$.householdSize").isEqualTo(3)
                .jsonPath("$.reasons").doesNotExist()
                .jsonPath("$.calculation.perCapitaIncome").isEqualTo("200.00")
                .jsonPath("$.calculation.standard").isEqualTo("680.00")
                .jsonPath("$.explanation[-1:]").isEqualTo("人均收入低于标准，按差额补足：680.00 × 3 − 600.00 = 每月 1440.00 元。")
                .jsonPath("$.remedies.routes").isEqualTo(List.of("行政复议", "行政诉讼"))
                .jsonPath("$.remedies.basis").isEqualTo("[57]§38")
                .jsonPath("$.authority").isEqualTo("随州市曾都区民政局")
                .jsonPath("$.decidedByRole").isEqualTo("审批人")
                .jsonPath("$.remedies.options[0].route").isEqualTo("行政复议")
                .jsonPath("$.remedies.options[0].timeLimit").isEqualTo("自收到本通知书之日起 60 日内")
                .jsonPath("$.remedies.options[0].where").isEqualTo("随州市曾都区人民政府")
                .jsonPath("$.remedies.options[0].source").isEqualTo("《中华人民共和国行政复议法》第二十条")
                .jsonPath("$.remedies.options[1].route").isEqualTo("行政诉讼")
                .jsonPath("$.remedies.options[1].timeLimit").isEqualTo("自知道或者应当知道作出本决定之日起 6 个月内")
                .jsonPath("$.remedies.options[1].where").isEqualTo("有管辖权的人民法院")
                .jsonPath("$.remedies.options[1].source").isEqualTo("《中华人民共和国行政诉讼法》第四十六条")
                .jsonPath("$.remedies.text").value(t -> assertThat((String) t).contains("60 日内向随州市曾都区人民政府申请行政复议")
                        .contains("6 个月内直接向有管辖权的人民法院提起行政诉讼").doesNotContain("《"));
        // staff in scope read the same notice
        read(number, CLERK, null).expectStatus().isOk().expectBody().jsonPath("$.monthlyAmount").isEqualTo("1440.00");
    }

    @Test
    void anotherCitizenIsRefusedWith403WhetherTheNumberExistsOrNotAndTheRefusalIsAudited() {
        String number = activeCase(352, "citizen-notice-2", CLERK, APPROVER);
        String snoop = token("citizen-notice-snoop", "CITIZEN", "421303001");
        for (String asked : List.of(number, "421303001001-20260101-9999")) {
            read(asked, snoop, null).expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("decision-own-cases-only")
                    .jsonPath("$.detail").value(d -> assertThat((String) d).contains(asked).contains("/applications/mine"))
                    .jsonPath("$.monthlyAmount").doesNotExist();
        }
        read(number, snoop, "en").expectStatus().isForbidden().expectBody()
                .jsonPath("$.title").isEqualTo("Only your own decisions");
        // staff outside the region: not disclosed, as for the case itself
        read(number, token("clerk-notice-far", "CLERK", "421303002"), null).expectStatus().isNotFound();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<EventEnvelope> refusals = allEvents().stream().map(KafkaCloudEvents::fromRecord)
                    .filter(e -> e.type().equals("minzheng.assistance.security.forbidden.v1"))
                    .filter(e -> "citizen-notice-snoop".equals(e.actorId())).toList();
            assertThat(refusals).isNotEmpty();
        });
    }

    @Test
    void beforeTheDecisionTheApplicantIsToldThereIsNoneYetAndWhereToFollowTheCase() {
        String citizen = token("citizen-notice-3", "CITIZEN", "421303001");
        String number = (String) submitted(citizen, Requests.dibao(353, "600.00")).get("number");
        read(number, citizen, null).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("decision-not-made")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("已提交，待受理")
                        .contains("/api/v1/assistance/applications/" + number));
    }

    @Test
    void theApplicantReadsTheWrittenReasonsOfADenial() {
        String citizen = token("citizen-notice-4", "CITIZEN", "421303001");
        Map<String, Object> c = awaitingDecision(submitted(citizen, Requests.dibao(354, "2400.00")), CLERK, false);
        post("/api/v1/assistance/applications/" + c.get("number") + "/decision", APPROVER,
                Map.of("approve", false, "reason", "家庭人均收入 800.00 元高于低保标准 680.00 元"), c.get("version"));

        read((String) c.get("number"), citizen, null).expectStatus().isOk().expectBody()
                .jsonPath("$.outcome").isEqualTo("DENIED")
                .jsonPath("$.reasons").isEqualTo("家庭人均收入 800.00 元高于低保标准 680.00 元")
                .jsonPath("$.monthlyAmount").doesNotExist()
                .jsonPath("$.explanation[-1:]").isEqualTo("人均月收入 800.00 元不低于 680.00 元，不符合条件。")
                .jsonPath("$.remedies.routes[0]").isEqualTo("行政复议");
    }

    @Test
    void anUrgentTemporaryCasePaidFirstGivesTheNoticeOfThatOneOffPayment() {
        String citizen = token("citizen-notice-5", "CITIZEN", "421303001");
        Map<String, Object> body = Requests.with(Requests.dibao(355, null), "program", "TEMPORARY");
        body = Requests.with(body, "emergencyKind", "URGENT");
        body = Requests.with(body, "requestedAmount", "3000.00");
        Map<String, Object> c = submitted(citizen, body);
        String number = (String) c.get("number");
        read(number, citizen, null).expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("decision-not-made");
        Map<String, Object> paid = post("/api/v1/assistance/applications/" + number + "/emergency-payment", CLERK,
                Map.of("amount", "2000.00", "reason", "住房失火，生活无着"), c.get("version"));
        LocalDate paidOn = LocalDate.ofInstant(now(), ZoneId.of("Asia/Shanghai"));

        read(number, citizen, null).expectStatus().isOk().expectBody()
                .jsonPath("$.outcome").isEqualTo("PAID_FIRST")
                .jsonPath("$.oneOffAmount").isEqualTo("2000.00")
                .jsonPath("$.monthlyAmount").doesNotExist()
                .jsonPath("$.startMonth").doesNotExist()
                .jsonPath("$.decidedOn").isEqualTo(paidOn.toString())
                .jsonPath("$.reasons").isEqualTo("住房失火，生活无着")
                .jsonPath("$.authority").isEqualTo("随州市曾都区民政局")
                .jsonPath("$.decidedByRole").isEqualTo("经办人")
                .jsonPath("$.explanation[0]").isEqualTo("急难型临时救助，已先行发放一次性救助金 2000.00 元（一次性发放，不是每月发放）。")
                .jsonPath("$.followUp").value(f -> assertThat((String) f).contains("事后补齐").contains("无需重新申请"))
                .jsonPath("$.remedies.options[0].timeLimit").isEqualTo("自收到本通知书之日起 60 日内")
                .jsonPath("$.remedies.options[1].where").isEqualTo("有管辖权的人民法院");

        post("/api/v1/assistance/applications/" + number + "/record-completion", CLERK,
                Map.of("reason", "经办 clerk-notice; 原因 火灾; 2000.00 元; 已签字"), paid.get("version"));
        read(number, citizen, null).expectStatus().isOk().expectBody()
                .jsonPath("$.oneOffAmount").isEqualTo("2000.00")
                .jsonPath("$.followUp").value(f -> assertThat((String) f).startsWith("先行救助的记录已于 " + paidOn + " 补齐"));
    }
}
