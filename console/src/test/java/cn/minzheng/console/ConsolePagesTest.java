package cn.minzheng.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import cn.minzheng.console.StubApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The console's pages against a stub of the gateway (a real HTTP server on a loopback port): pages render,
 * a role never sees an action it may not take, a problem is shown next to its field, a stale version says so,
 * CSRF is enforced, a service that does not answer is named while the page stays usable.
 */
class ConsolePagesTest extends ConsolePageTestSupport {

    static final String NO = "421303001001-20261207-0001";
    static final String CASES = "/api/v1/assistance/applications";

    static String caseJson(String status, String program, long version) {
        return "{\"number\":\"" + NO + "\",\"program\":\"" + program + "\",\"regionCode\":\"421303001001\",\"status\":\""
                + status + "\",\"version\":" + version + ",\"submission\":{\"program\":\"" + program + "\",\"regionCode\":\"421303001001\","
                + "\"applicantIdNumber\":\"421303198001010018\",\"requestedAmount\":\"0.00\",\"members\":[{\"name\":\"张三\","
                + "\"idNumber\":\"421303198001010018\",\"relation\":\"SELF\",\"incomes\":[{\"category\":\"WAGES\",\"monthlyAmount\":\"500.00\"}]}]},"
                + "\"supplementRequests\":[{\"missingItems\":[\"户口簿\",\"收入证明\"],\"replyBy\":\"2026-12-21\","
                + "\"instruction\":\"请在 2026-12-21（含当日）前补齐以下全部材料：户口簿、收入证明\"}],"
                + "\"deadlines\":[{\"step\":\"START_INVESTIGATION\",\"promisedDue\":\"2026-12-10\",\"metOn\":null}],"
                + "\"history\":[{\"command\":\"SUBMIT\",\"from\":null,\"to\":\"SUBMITTED\",\"actorId\":\"citizen-1\","
                + "\"actorName\":\"张三\",\"actorRole\":\"CITIZEN\",\"at\":\"2026-12-07T02:00:00Z\",\"reason\":null}]}";
    }

    @Test
    void anonymousUsersAreSentToLoginButThePublicLookupWorks() {
        web.get().uri("/console/citizen/cases").exchange().expectStatus().is3xxRedirection()
                .expectHeader().valueEquals("Location", "/console/oauth2/authorization/minzheng");
        STUB.on("GET /api/v1/orgs/public/organizations", Response.json(200,
                "[{\"name\":\"随州市曾都区科普协会\",\"creditCode\":\"51421303MJ0000001X\",\"type\":\"SOCIAL_GROUP\","
                        + "\"status\":\"REGISTERED\",\"legalRepresentative\":\"王*明\",\"abnormalListed\":false,\"seriousListed\":false}]"));
        String page = body(web.get().uri("/console/public/organizations?name=科普").exchange().expectStatus().isOk());
        assertThat(page).contains("随州市曾都区科普协会", "王*明", "社会团体");
        assertThat(STUB.requests.get(0).header("Authorization")).isNull();
        assertThat(STUB.requests.get(0).query()).isEqualTo("name=%E7%A7%91%E6%99%AE");
    }

    @Test
    void aBadCreditCodeIsShownNextToItsField() {
        STUB.on("GET /api/v1/orgs/public/organizations", Response.problem(400, "invalid-credit-code", "统一社会信用代码不正确",
                "/creditCode", "第 18 位校验码应为 E，请核对后重新输入。"));
        String page = body(web.get().uri("/console/public/organizations?creditCode=53100000MJ0065049F").exchange()
                .expectStatus().isOk());
        assertThat(page).containsPattern("id=\"f-creditCode-error\"[^>]*>第 18 位校验码应为 E");
    }

    @Test
    void aCitizenSeesTheirCasesWithStatusInWordsAndTheItemsToSupply() {
        STUB.on("GET " + CASES + "/mine", Response.json(200, "{\"items\":[" + caseJson("SUPPLEMENT_REQUESTED", "DIBAO_URBAN", 2) + "]}"));
        STUB.on("GET " + CASES + "/" + NO, Response.json(200, caseJson("SUPPLEMENT_REQUESTED", "DIBAO_URBAN", 2), "2"));
        String list = body(web.mutateWith(as("CITIZEN", "citizen-token")).get().uri("/console/citizen/cases").exchange()
                .expectStatus().isOk());
        assertThat(list).contains(NO, "需补正材料（一次性告知）", "城市最低生活保障");
        assertThat(STUB.requests.get(0).header("Authorization")).isEqualTo("Bearer access-token");
        String page = body(web.mutateWith(as("CITIZEN", "citizen-token")).get().uri("/console/citizen/cases/" + NO).exchange()
                .expectStatus().isOk());
        assertThat(page).contains("户口簿", "收入证明", "2026-12-21", "补正后重新提交", "撤回申请", "2026-12-07 10:00 提交申请");
        assertThat(page).doesNotContain("申请已提交。");
    }

    @Test
    void theApplicationFormShowsTheApisProblemNextToTheField() {
        STUB.on("POST " + CASES, Response.problem(400, "validation-failed", "请求内容不合法", "/members/0/idNumber",
                "身份证号码最后一位校验码不正确，请核对身份证。"));
        WebTestClient citizen = web.mutateWith(as("CITIZEN", "citizen-token")).mutateWith(csrf());
        String page = body(citizen.post().uri("/console/citizen/apply").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(applicationForm("key-problem-1")).with("step", "submit"))
                .exchange().expectStatus().isOk());
        assertThat(page).containsPattern("id=\"f-members-0-idNumber-error\"[^>]*>身份证号码最后一位校验码不正确");
        assertThat(page).contains("href=\"#f-members-0-idNumber\"");
        assertThat(page).doesNotContain("Exception", "at cn.minzheng");
        // refused, no case made: the corrected form gets a new key (the platform keeps the refusal under the old one)
        assertThat(page).doesNotContain("key-problem-1").containsPattern("name=\"idempotencyKey\" value=\"console-[0-9a-f-]{36}\"");
    }

    @Test
    void aDoubleSubmitSendsOneIdempotencyKeyAndLandsOnTheSameCase() {
        STUB.on("POST " + CASES, Response.json(201, "{\"number\":\"" + NO + "\",\"status\":\"SUBMITTED\"}", "1"));
        WebTestClient citizen = web.mutateWith(as("CITIZEN", "citizen-token")).mutateWith(csrf());
        for (int i = 0; i < 2; i++) {
            citizen.post().uri("/console/citizen/apply").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData(applicationForm("console-double-1")).with("step", "submit"))
                    .exchange().expectStatus().is3xxRedirection()
                    .expectHeader().valueEquals("Location", "/console/citizen/cases/" + NO + "?done=submitted");
        }
        assertThat(STUB.calls("POST", CASES)).hasSize(2)
                .allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isEqualTo("console-double-1"));
        assertThat(STUB.calls("POST", CASES).get(0).body()).contains("\"truthfulnessCommitment\":true",
                "\"applicantIdNumber\":\"421303198001010018\"", "\"monthlyAmount\":\"500.00\"");
    }

    @Test
    void theResubmissionStartsFromTheSubmissionAndSendsItWithIfMatch() {
        STUB.on("GET " + CASES + "/" + NO, Response.json(200, caseJson("SUPPLEMENT_REQUESTED", "DIBAO_URBAN", 2), "2"));
        STUB.on("POST " + CASES + "/" + NO + "/resubmission", Response.json(200, caseJson("RESUBMITTED", "DIBAO_URBAN", 3), "3"));
        WebTestClient citizen = web.mutateWith(as("CITIZEN", "citizen-token")).mutateWith(csrf());
        String page = body(citizen.get().uri("/console/citizen/cases/" + NO + "/resubmission").exchange().expectStatus().isOk());
        assertThat(page).contains("value=\"421303198001010018\"", "value=\"500.00\"", "name=\"version\" value=\"2\"");
        org.springframework.util.MultiValueMap<String, String> form = applicationForm("unused");
        form.set("members[0].incomes[0].monthlyAmount", "450.00");
        form.add("version", "2");
        form.add("step", "submit");
        citizen.post().uri("/console/citizen/cases/" + NO + "/resubmission").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange().expectStatus().is3xxRedirection()
                .expectHeader().valueEquals("Location", "/console/citizen/cases/" + NO + "?done=resubmitted");
        StubApi.Request sent = STUB.calls("POST", CASES + "/" + NO + "/resubmission").get(0);
        assertThat(sent.header("If-Match")).isEqualTo("\"2\"");
        assertThat(sent.body()).contains("\"monthlyAmount\":\"450.00\"").doesNotContain("idempotencyKey");
    }

    @Test
    void theIdNumberIsCheckedAsTyped() {
        WebTestClient citizen = web.mutateWith(as("CITIZEN", "citizen-token")).mutateWith(csrf());
        String bad = body(citizen.post().uri("/console/citizen/id-check").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("members[0].idNumber", "42130319800101001X")).exchange().expectStatus().isOk());
        assertThat(bad).contains("校验");
        String good = body(citizen.post().uri("/console/citizen/id-check").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("members[0].idNumber", "421303198001010018")).exchange().expectStatus().isOk());
        assertThat(good).isEmpty();
    }

    @Test
    void aClerkSeesOnlyTheClerksActionsForTheState() {
        STUB.on("GET " + CASES + "/" + NO, Response.json(200, caseJson("SUBMITTED", "DIBAO_URBAN", 1), "1"));
        STUB.on("GET " + CASES + "/" + NO + "/calculation", Response.problem(409, "illegal-transition", "尚不能测算", null, null));
        String page = body(web.mutateWith(as("CLERK", "clerk-token")).get().uri("/console/staff/cases/" + NO).exchange()
                .expectStatus().isOk());
        assertThat(page).contains("id=\"action-acceptance\"", "id=\"action-supplement-request\"", "id=\"action-non-acceptance\"");
        assertThat(page).doesNotContain("已办理。");
        assertThat(page).doesNotContain("action-approve", "action-deny", "action-home-visit", "action-emergency-payment");
    }

    @Test
    void anApproverSeesTheDecisionButNotTheClerksSteps() {
        STUB.on("GET " + CASES + "/" + NO, Response.json(200, caseJson("AWAITING_DECISION", "DIBAO_URBAN", 9), "9"));
        STUB.on("GET " + CASES + "/" + NO + "/calculation", Response.json(200,
                "{\"standard\":\"680.00\",\"countedMembers\":1,\"countedIncome\":\"500.00\",\"perCapitaIncome\":\"500.00\",\"monthlyAmount\":\"180.00\"}"));
        String page = body(web.mutateWith(as("APPROVER", "approver-token")).get().uri("/console/staff/cases/" + NO).exchange()
                .expectStatus().isOk());
        assertThat(page).contains("id=\"action-approve\"", "id=\"action-deny\"", "180.00");
        assertThat(page).doesNotContain("action-acceptance", "action-publicity", "action-opinion");
        // the clerk on the same case: nothing to do
        String clerk = body(web.mutateWith(as("CLERK", "clerk-token")).get().uri("/console/staff/cases/" + NO).exchange()
                .expectStatus().isOk());
        assertThat(clerk).contains("id=\"no-actions\"").doesNotContain("action-approve");
    }

    @Test
    void anActionTheRoleMayNotTakeIsRefusedWithoutCallingTheApi() {
        STUB.on("GET " + CASES + "/" + NO, Response.json(200, caseJson("AWAITING_DECISION", "DIBAO_URBAN", 9), "9"));
        String page = body(web.mutateWith(as("CLERK", "clerk-token")).mutateWith(csrf()).post()
                .uri("/console/staff/cases/" + NO + "/approve").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("version", "9")).exchange().expectStatus().isOk());
        assertThat(page).contains("您的角色不能办理该事项");
        assertThat(STUB.calls("POST", CASES + "/" + NO + "/decision")).isEmpty();
    }

    @Test
    void aStaleVersionSaysSomeoneChangedTheCaseWithAReloadLink() {
        STUB.on("GET " + CASES + "/" + NO, Response.json(200, caseJson("SUBMITTED", "DIBAO_URBAN", 2), "2"));
        STUB.on("POST " + CASES + "/" + NO + "/acceptance", Response.problem(412, "stale-version", "版本已变化", null, null));
        String page = body(web.mutateWith(as("CLERK", "clerk-token")).mutateWith(csrf()).post()
                .uri("/console/staff/cases/" + NO + "/acceptance").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("version", "1")).exchange().expectStatus().isOk());
        assertThat(page).contains("此案件已被他人修改，请刷新后再操作", "id=\"reload\"");
        assertThat(STUB.calls("POST", CASES + "/" + NO + "/acceptance").get(0).header("If-Match")).isEqualTo("\"1\"");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndNothingIsSent() {
        web.mutateWith(as("CLERK", "clerk-token")).post().uri("/console/staff/cases/" + NO + "/acceptance")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("version", "1"))
                .exchange().expectStatus().isForbidden();
        assertThat(STUB.requests).isEmpty();
    }

    @Test
    void aRoleCannotOpenAnotherRolesPages() {
        web.mutateWith(as("CITIZEN", "citizen-token")).get().uri("/console/staff/queue").exchange().expectStatus().isForbidden();
        web.mutateWith(as("CLERK", "clerk-token")).get().uri("/console/audit").exchange().expectStatus().isForbidden();
        web.mutateWith(as("AUDITOR", "auditor-token")).get().uri("/console/citizen/apply").exchange().expectStatus().isForbidden();
        assertThat(STUB.requests).isEmpty();
    }

    @Test
    void theQueuePutsOverdueCasesFirstAndMarksThem() {
        String onTime = caseJson("SUBMITTED", "DIBAO_URBAN", 1).replace(NO, "421303001001-20261207-0002");
        STUB.on("GET " + CASES, r -> r.query() != null && r.query().contains("overdue=true")
                ? Response.json(200, "{\"items\":[" + caseJson("ACCEPTED", "DIBAO_URBAN", 3) + "]}")
                : Response.json(200, "{\"items\":[" + onTime + "," + caseJson("ACCEPTED", "DIBAO_URBAN", 3) + "]}"));
        String page = body(web.mutateWith(as("CLERK", "clerk-token")).get().uri("/console/staff/queue").exchange()
                .expectStatus().isOk());
        assertThat(page.indexOf(NO)).isLessThan(page.indexOf("421303001001-20261207-0002"));
        assertThat(page).contains("已逾期");
    }

    @Test
    void aServiceThatDoesNotAnswerIsNamedAndThePageStaysUsable() {
        STUB.on("GET " + CASES, Response.problem(503, "GATEWAY_SERVICE_UNAVAILABLE", "服务暂不可用", null, null));
        String page = body(web.mutateWith(as("CLERK", "clerk-token")).get().uri("/console/staff/queue").exchange()
                .expectStatus().isOk());
        assertThat(page).contains("「低保救助服务」暂时没有应答", "社会组织查询");
    }

    @Test
    void anAuditorSeesTheTimelineAndTheChainsVerdict() {
        STUB.on("GET /api/v1/audit/chains", Response.json(200,
                "[{\"chain\":\"assistance.events-0\",\"sequence\":12,\"hash\":\"ab\"}]"));
        STUB.on("GET /api/v1/audit/timeline/" + NO, Response.json(200, "{\"subject\":\"" + NO + "\",\"entries\":[{\"time\":\"2026-12-07T02:00:00Z\","
                + "\"timeChina\":\"2026-12-07T10:00:00+08:00\",\"type\":\"submitted\",\"typeName\":\"提交申请\",\"actorId\":\"citizen-1\","
                + "\"actorRole\":\"CITIZEN\",\"fromStatus\":null,\"toStatus\":\"SUBMITTED\",\"chain\":\"assistance.events-0\",\"sequence\":3,"
                + "\"integrity\":\"verified\"}],\"integrity\":{\"verified\":true,\"entriesVerified\":1}}"));
        STUB.on("POST /api/v1/audit/verifications", Response.json(200, "{\"chain\":\"assistance.events-0\",\"ok\":true,"
                + "\"verdict\":\"AUTHENTICATED\",\"count\":12,\"fromSequence\":1,\"toSequence\":12}"));
        WebTestClient auditor = web.mutateWith(as("AUDITOR", "auditor-token"));
        String timeline = body(auditor.get().uri("/console/audit?subject=" + NO).exchange().expectStatus().isOk());
        assertThat(timeline).contains("提交申请", "2026-12-07 10:00", "记录完整性：已验证");
        String verdict = body(auditor.mutateWith(csrf()).post().uri("/console/audit/verification")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("chain", "assistance.events-0").with("fromSequence", "1").with("toSequence", ""))
                .exchange().expectStatus().isOk());
        assertThat(verdict).contains("验证通过", "完整可信");
        assertThat(STUB.calls("POST", "/api/v1/audit/verifications").get(0).body())
                .isEqualTo("{\"chain\":\"assistance.events-0\",\"fromSequence\":1}");
    }

    static org.springframework.util.MultiValueMap<String, String> applicationForm(String key) {
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("idempotencyKey", key);
        form.add("program", "DIBAO_URBAN");
        form.add("regionCode", "421303001001");
        form.add("members[0].name", "张三");
        form.add("members[0].idNumber", "421303198001010018");
        form.add("members[0].relation", "SELF");
        form.add("members[0].incomes[0].category", "WAGES");
        form.add("members[0].incomes[0].monthlyAmount", "500.00");
        form.add("members[0].authorizationSigned", "true");
        form.add("truthfulnessCommitment", "true");
        return form;
    }

    static String body(WebTestClient.ResponseSpec spec) {
        byte[] bytes = spec.expectBody().returnResult().getResponseBody();
        return bytes == null ? "" : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
