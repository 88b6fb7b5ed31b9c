package cn.minzheng.assistance.web;

import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 一次性告知 through the app: the request says by when to reply (10 working days, application.yml, on the
 * platform's calendar) and the waiting case shows in the clerk's /due list with that date until the
 * applicant resubmits. Household 361, in 乡镇 421303007 so no other test's case shares the clerk's list.
 */
class OneTimeNoticeApiTest extends ServiceTestBase {
    static final String CLERK = token("clerk-supplement", "CLERK", "421303007");

    static Map<String, Object> household(int seq) {
        return Requests.with(Requests.dibao(seq, "600.00"), "regionCode", "421303007001");
    }

    WebTestClient.BodyContentSpec due() {
        return http.get().uri("/api/v1/assistance/applications/due?withinDays=60&limit=100")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void theRequestSaysByWhenToReplyAndTheWaitingCaseIsDueUntilTheResubmission() {
        String citizen = token("citizen-supplement-1", "CITIZEN", "421303007");
        Map<String, Object> c = submitted(citizen, household(361));
        String number = (String) c.get("number");
        LocalDate today = LocalDate.ofInstant(now(), ZoneId.of("Asia/Shanghai"));
        String replyBy = WorkingDayCalendar.builtIn().addWorkingDays(today, 10).date().toString();

        Map<String, Object> requested = post("/api/v1/assistance/applications/" + number + "/supplement-request", CLERK,
                Map.of("missingItems", List.of("户口簿", "收入证明")), c.get("version"));
        assertThat(requested.get("status")).isEqualTo("SUPPLEMENT_REQUESTED");
        @SuppressWarnings("unchecked")
        Map<String, Object> request = ((List<Map<String, Object>>) requested.get("supplementRequests")).get(0);
        assertThat(request.get("replyBy")).isEqualTo(replyBy);
        assertThat((String) request.get("instruction")).startsWith("请在 " + replyBy + "（含当日）前补齐以下全部材料：户口簿、收入证明。")
                .contains("重新提交");
        // the citizen reads the same date on their own case
        http.get().uri("/api/v1/assistance/applications/" + number).header(HttpHeaders.AUTHORIZATION, "Bearer " + citizen)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.supplementRequests[0].replyBy").isEqualTo(replyBy)
                .jsonPath("$.deadlines[0].step").isEqualTo("SUPPLEMENT_REPLY");

        due().jsonPath("$.items[?(@.number == '" + number + "')].openDue").isEqualTo(List.of(replyBy))
                .jsonPath("$.items[?(@.number == '" + number + "')].status").isEqualTo(List.of("SUPPLEMENT_REQUESTED"));

        post("/api/v1/assistance/applications/" + number + "/resubmission", citizen,
                Requests.with(Requests.dibao(361, "650.00"), "regionCode", "421303007001"),
                requested.get("version"));
        due().jsonPath("$.items[?(@.number == '" + number + "')]").doesNotExist();
    }
}
