package cn.minzheng.console;

import static cn.minzheng.console.ConsolePagesTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import cn.minzheng.console.StubApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The organization agent's and the registrar's pages against a stub of the gateway: the founding form per type,
 * its body, Idempotency-Key and problems next to their fields; applications and organizations in words; the
 * annual report and the 拟列入告知's statement; the registrar's steps offered by status, sent with If-Match, a
 * stale version said as such; each role's pages closed to the others; org-service down is named.
 */
class OrgPagesTest extends ConsolePageTestSupport {

    static final String ORGS = "/api/v1/orgs";
    static final String APP = "APP-6f1c2d3e-0000-4000-8000-000000000001";
    static final String ORG = "ORG-6f1c2d3e-0000-4000-8000-000000000002";
    static final String NOTICE = "LN-ABN-LATE-" + ORG + "-2025";

    static String application(String status, long version) {
        return "{\"id\":\"" + APP + "\",\"matter\":\"FOUNDING\",\"authorityCode\":\"421303\",\"organizationId\":\"" + ORG + "\","
                + "\"status\":\"" + status + "\",\"name\":\"随州市曾都区科普甲乙协会\",\"type\":\"SOCIAL_GROUP\",\"missingItems\":[\"理事会成员名单\"],"
                + "\"appliedOn\":\"2026-12-07\",\"acceptedOn\":null,\"promisedDue\":null,\"statutoryDue\":null,\"decidedOn\":null,"
                + "\"decisionReasons\":[],\"lateFiling\":null,\"version\":" + version + "}";
    }

    static String organization() {
        return "{\"id\":\"" + ORG + "\",\"creditCode\":\"51421303MJY0000011\",\"name\":\"随州市曾都区科普甲乙协会\",\"type\":\"SOCIAL_GROUP\","
                + "\"status\":\"REGISTERED\",\"authorityCode\":\"421303\",\"residence\":\"烈山大道1号\",\"businessScope\":\"科普交流\","
                + "\"legalRepresentative\":\"王小明\",\"funds\":\"30000.00\",\"registeredOn\":\"2026-12-07\",\"abnormalListed\":false,"
                + "\"seriousListed\":false,\"version\":1}";
    }

    static String notice(String status, long version) {
        return "{\"id\":\"" + NOTICE + "\",\"organizationId\":\"" + ORG + "\",\"authorityCode\":\"421303\",\"ground\":\"LATE_ANNUAL_REPORT\","
                + "\"facts\":\"2025年度工作报告未在截止日期前报送\",\"issuedOn\":\"2026-06-01\",\"respondBy\":\"2026-06-15\",\"status\":\"" + status + "\","
                + (status.equals("NOTIFIED") ? "\"response\":null," : "\"response\":{\"statement\":\"已于6月3日补报\",\"reasons\":\"因疫情延误\",\"filedOn\":\"2026-06-03\"},")
                + "\"decision\":null,\"version\":" + version + "}";
    }

    static MultiValueMap<String, String> foundingForm(String type, String key) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("idempotencyKey", key);
        form.add("type", type);
        form.add("authorityCode", "421303");
        form.add("name.region", "随州市曾都区");
        form.add("name.field", "科普甲乙");
        form.add("name.form", "协会");
        form.add("residence", "随州市曾都区烈山大道1号");
        form.add("purpose", "服务会员，普及科学知识");
        form.add("businessScope", "科普交流");
        form.add("activityArea", "曾都区");
        form.add("legalRepresentative.name", "王小明");
        form.add("legalRepresentative.idNumber", "421303198001010018");
        form.add("funds", "30000.00");
        form.add("fundsInCash", "true");
        form.add("sponsorUnit", "曾都区科协");
        form.add("members.individuals", "60");
        form.add("members.units", "0");
        form.add("documents", "APPLICATION");
        form.add("documents", "DRAFT_CHARTER");
        form.add("step", "submit");
        return form;
    }

    @Test
    void theFoundingFormShowsEachTypesOwnFields() {
        WebTestClient agent = web.mutateWith(as("ORG_AGENT", "agent"));
        String group = body(agent.get().uri("/console/agent/apply").exchange().expectStatus().isOk());
        assertThat(group).contains("id=\"f-members-individuals\"", "id=\"f-sponsorUnit\"", "name=\"idempotencyKey\"", "验资报告")
                .doesNotContain("id=\"f-foundationKind\"", "id=\"f-sector\"");
        String foundation = body(agent.get().uri("/console/agent/apply?type=FOUNDATION").exchange().expectStatus().isOk());
        assertThat(foundation).contains("id=\"f-foundationKind\"", "理事名单及身份证明", "业务主管单位同意文件")
                .doesNotContain("id=\"f-members-individuals\"", "id=\"f-sponsorUnit\"");
        String pne = body(agent.get().uri("/console/agent/apply?type=PRIVATE_NON_ENTERPRISE").exchange().expectStatus().isOk());
        assertThat(pne).contains("id=\"f-sector\"", "id=\"f-sponsorUnit\"").doesNotContain("id=\"f-members-individuals\"");
        assertThat(STUB.requests).isEmpty();
    }

    @Test
    void aFoundingApplicationIsSentWithOneIdempotencyKeyAndTheTypesFields() {
        STUB.on("POST " + ORGS + "/applications", Response.json(201, application("APPLIED", 1), "1"));
        WebTestClient agent = web.mutateWith(as("ORG_AGENT", "agent")).mutateWith(csrf());
        for (int i = 0; i < 2; i++) {
            agent.post().uri("/console/agent/apply").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData(foundingForm("SOCIAL_GROUP", "console-org-double-1"))).exchange()
                    .expectStatus().is3xxRedirection()
                    .expectHeader().valueEquals("Location", "/console/agent/applications/" + APP + "?done=applied");
        }
        assertThat(STUB.calls("POST", ORGS + "/applications")).hasSize(2)
                .allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isEqualTo("console-org-double-1"));
        String sent = STUB.calls("POST", ORGS + "/applications").get(0).body();
        assertThat(sent).contains("\"type\":\"SOCIAL_GROUP\"", "\"field\":\"科普甲乙\"", "\"individuals\":60",
                "\"idNumber\":\"421303198001010018\"", "\"funds\":\"30000.00\"", "\"documents\":[\"APPLICATION\",\"DRAFT_CHARTER\"]",
                "\"sponsorUnit\":\"曾都区科协\"").doesNotContain("foundationKind", "tradeName", "idempotencyKey");
        // a foundation carries its kind and no members or sponsor unit
        MultiValueMap<String, String> foundation = foundingForm("FOUNDATION", "console-org-foundation-1");
        foundation.add("foundationKind", "NON_PUBLIC");
        agent.post().uri("/console/agent/apply").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(foundation)).exchange().expectStatus().is3xxRedirection();
        assertThat(STUB.calls("POST", ORGS + "/applications").get(2).body()).contains("\"foundationKind\":\"NON_PUBLIC\"")
                .doesNotContain("members", "sponsorUnit");
    }

    @Test
    void theApisProblemsAreShownNextToTheirFields() {
        STUB.on("POST " + ORGS + "/applications", new Response(422, "application/problem+json",
                "{\"title\":\"请求内容不合法\",\"status\":422,\"code\":\"validation-failed\",\"errors\":["
                        + "{\"pointer\":\"/legalRepresentative/idNumber\",\"code\":\"INVALID_ID_NUMBER\",\"message\":\"身份证号码校验码不正确，请对照身份证核对后重新填写。\"},"
                        + "{\"pointer\":\"/name\",\"code\":\"SIMILAR\",\"message\":\"与已登记的随州市曾都区科普协会名称近似\"},"
                        + "{\"pointer\":\"/members\",\"code\":\"MEMBERS_TOO_FEW\",\"message\":\"会员数不足\"}]}", java.util.Map.of()));
        String page = body(web.mutateWith(as("ORG_AGENT", "agent")).mutateWith(csrf()).post().uri("/console/agent/apply")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(foundingForm("SOCIAL_GROUP", "console-org-bad-1")))
                .exchange().expectStatus().isOk());
        assertThat(page).containsPattern("id=\"f-legalRepresentative-idNumber-error\"[^>]*>身份证号码校验码不正确")
                .containsPattern("id=\"f-name-error\"[^>]*>与已登记的随州市曾都区科普协会名称近似")
                .containsPattern("id=\"f-members-error\"[^>]*>会员数不足")
                .contains("href=\"#f-legalRepresentative-idNumber\"", "value=\"科普甲乙\"",
                        "for=\"f-residence\">住所</label>", "value=\"随州市曾都区烈山大道1号\"", "id=\"f-documents-DRAFT_CHARTER\" checked")
                .doesNotContain("Exception", "console-org-bad-1");
        // refused, nothing made: the corrected form gets a new key (the platform keeps the refusal under the old one)
        assertThat(page).containsPattern("name=\"idempotencyKey\" value=\"console-org-[0-9a-f-]{36}\"");
    }

    @Test
    void afterNoAnswerTheFormKeepsItsKeySoARetryCannotMakeASecondApplication() {
        STUB.on("POST " + ORGS + "/applications", Response.problem(504, "GATEWAY_TIMEOUT", "超时", null, null));
        String page = body(web.mutateWith(as("ORG_AGENT", "agent")).mutateWith(csrf()).post().uri("/console/agent/apply")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(foundingForm("SOCIAL_GROUP", "console-org-timeout-1")))
                .exchange().expectStatus().isOk());
        assertThat(page).contains("「社会组织服务」暂时没有应答", "value=\"console-org-timeout-1\"");
    }

    @Test
    void theAgentSeesApplicationsInWordsAndTheirOrganizations() {
        STUB.on("GET " + ORGS + "/applications", Response.json(200, "{\"items\":[" + application("SUPPLEMENT_REQUESTED", 2) + ","
                + application("APPROVED", 5).replace(APP, "APP-2") + "]}"));
        STUB.on("GET " + ORGS + "/organizations/" + ORG, Response.json(200, organization(), "1"));
        String page = body(web.mutateWith(as("ORG_AGENT", "agent")).get().uri("/console/agent").exchange().expectStatus().isOk());
        assertThat(page).contains("需补正材料（一次性告知）", "请补齐下列全部材料", "准予登记", "51421303MJY0000011", "成立登记");
        assertThat(STUB.calls("GET", ORGS + "/organizations/" + ORG)).hasSize(1);
    }

    @Test
    void theOneTimeNoticeIsAnsweredWithTheDocumentsAndIfMatch() {
        STUB.on("GET " + ORGS + "/applications/" + APP, Response.json(200, application("SUPPLEMENT_REQUESTED", 2), "2"));
        STUB.on("POST " + ORGS + "/applications/" + APP + "/resubmission", Response.json(200, application("RESUBMITTED", 3), "3"));
        WebTestClient agent = web.mutateWith(as("ORG_AGENT", "agent")).mutateWith(csrf());
        String page = body(agent.get().uri("/console/agent/applications/" + APP).exchange().expectStatus().isOk());
        assertThat(page).contains("理事会成员名单", "id=\"resubmission\"", "name=\"version\" value=\"2\"",
                "name=\"supplied\" value=\"理事会成员名单\"");
        agent.post().uri("/console/agent/applications/" + APP + "/resubmission").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("version", "2").with("documents", "APPLICATION").with("documents", "bogus")
                        .with("supplied", " 理事会成员名单 "))
                .exchange().expectStatus().is3xxRedirection();
        StubApi.Request sent = STUB.calls("POST", ORGS + "/applications/" + APP + "/resubmission").get(0);
        assertThat(sent.header("If-Match")).isEqualTo("\"2\"");
        assertThat(sent.body()).contains("\"documents\":[\"APPLICATION\"]", "\"supplied\":[\"理事会成员名单\"]");
    }

    @Test
    void anAnnualReportForAYearNotEndedShowsTheMessageAtTheYear() {
        STUB.on("GET " + ORGS + "/organizations/" + ORG, Response.json(200, organization(), "1"));
        STUB.on("GET " + ORGS + "/organizations/" + ORG + "/listing-notices", Response.json(200, "[]"));
        STUB.on("GET " + ORGS + "/enforcement-cases", Response.json(200, "{\"items\":[]}"));
        STUB.on("POST " + ORGS + "/organizations/" + ORG + "/annual-reports", Response.problem(422, "validation-failed", "请求内容不合法",
                "/year", "只能报送已结束年度的年度报告"));
        WebTestClient agent = web.mutateWith(as("ORG_AGENT", "agent")).mutateWith(csrf());
        String page = body(agent.post().uri("/console/agent/organizations/" + ORG + "/annual-reports")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("year", "2026").with("idempotencyKey", "console-report-k1").with("governance", "按期换届")
                        .with("activities", "讲座").with("finances.income", "100.00").with("finances.expenditure", "90.00")
                        .with("finances.netAssets", "-1.50"))
                .exchange().expectStatus().isOk());
        assertThat(page).containsPattern("id=\"f-year-error\"[^>]*>只能报送已结束年度的年度报告")
                .contains("id=\"no-notices\"", "id=\"no-cases\"", "按期换届").doesNotContain("value=\"console-report-k1\"");
        StubApi.Request sent = STUB.calls("POST", ORGS + "/organizations/" + ORG + "/annual-reports").get(0);
        assertThat(sent.header("Idempotency-Key")).isEqualTo("console-report-k1");
        assertThat(sent.body()).contains("\"year\":2026", "\"netAssets\":\"-1.50\"", "\"boardElectedOnTime\":false");
    }

    @Test
    void theAgentAnswersAListingNoticeWithIfMatchAndOnlyWhileNotified() {
        STUB.on("GET " + ORGS + "/organizations/" + ORG, Response.json(200, organization(), "1"));
        STUB.on("GET " + ORGS + "/organizations/" + ORG + "/listing-notices", Response.json(200,
                "[" + notice("NOTIFIED", 1) + "," + notice("RESPONDED", 2).replace(NOTICE, "LN-2") + "]"));
        STUB.on("POST " + ORGS + "/listing-notices/" + NOTICE + "/response", Response.json(200, notice("RESPONDED", 2), "2"));
        WebTestClient agent = web.mutateWith(as("ORG_AGENT", "agent")).mutateWith(csrf());
        String page = body(agent.get().uri("/console/agent/organizations/" + ORG).exchange().expectStatus().isOk());
        assertThat(page).contains("未按照规定时限报送年度工作报告", "2026-06-15（含当日）", "id=\"respond-" + NOTICE + "\"",
                "已陈述、申辩，待登记管理机关决定").doesNotContain("id=\"respond-LN-2\"");
        agent.post().uri("/console/agent/organizations/" + ORG + "/listing-notices/" + NOTICE + "/response")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("version", "1").with("statement", " 已补报 ").with("reasons", "延误有正当理由"))
                .exchange().expectStatus().is3xxRedirection()
                .expectHeader().valueEquals("Location", "/console/agent/organizations/" + ORG + "?done=response");
        StubApi.Request sent = STUB.calls("POST", ORGS + "/listing-notices/" + NOTICE + "/response").get(0);
        assertThat(sent.header("If-Match")).isEqualTo("\"1\"");
        assertThat(sent.body()).isEqualTo("{\"statement\":\"已补报\",\"reasons\":\"延误有正当理由\"}");
    }

    @Test
    void theRegistrarIsOfferedOnlyTheStepsTheStatusAllows() {
        WebTestClient registrar = web.mutateWith(as("REGISTRAR", "registrar"));
        STUB.on("GET " + ORGS + "/applications/" + APP, Response.json(200, application("APPLIED", 1), "1"));
        String applied = body(registrar.get().uri("/console/registrar/applications/" + APP).exchange().expectStatus().isOk());
        assertThat(applied).contains("id=\"action-acceptance\"", "id=\"action-supplement-request\"")
                .doesNotContain("id=\"action-approval\"", "id=\"action-refusal\"");
        STUB.on("GET " + ORGS + "/applications/" + APP, Response.json(200, application("ACCEPTED", 2), "2"));
        String accepted = body(registrar.get().uri("/console/registrar/applications/" + APP).exchange().expectStatus().isOk());
        assertThat(accepted).contains("id=\"action-approval\"", "id=\"action-refusal\"").doesNotContain("id=\"action-acceptance\"");
        STUB.on("GET " + ORGS + "/applications/" + APP, Response.json(200, application("APPROVED", 3), "3"));
        STUB.on("GET " + ORGS + "/organizations/" + ORG, Response.json(200, organization(), "1"));
        String approved = body(registrar.get().uri("/console/registrar/applications/" + APP).exchange().expectStatus().isOk());
        assertThat(approved).contains("id=\"no-actions\"", "51421303MJY0000011");
    }

    @Test
    void aRefusalSendsItsReasonsWithIfMatchAndAStaleVersionSaysSo() {
        STUB.on("GET " + ORGS + "/applications/" + APP, Response.json(200, application("ACCEPTED", 2), "2"));
        STUB.on("POST " + ORGS + "/applications/" + APP + "/refusal", Response.json(200, application("REFUSED", 3), "3"));
        WebTestClient registrar = web.mutateWith(as("REGISTRAR", "registrar")).mutateWith(csrf());
        registrar.post().uri("/console/registrar/applications/" + APP + "/refusal").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("version", "2").with("reasons", "业务范围与已登记组织重复\n 名称不规范 "))
                .exchange().expectStatus().is3xxRedirection()
                .expectHeader().valueEquals("Location", "/console/registrar/applications/" + APP + "?done=refusal");
        StubApi.Request sent = STUB.calls("POST", ORGS + "/applications/" + APP + "/refusal").get(0);
        assertThat(sent.header("If-Match")).isEqualTo("\"2\"");
        assertThat(sent.body()).isEqualTo("{\"reasons\":[\"业务范围与已登记组织重复\",\"名称不规范\"]}");
        STUB.on("POST " + ORGS + "/applications/" + APP + "/approval", Response.problem(412, "stale-version", "版本已变化", null, null));
        String page = body(registrar.post().uri("/console/registrar/applications/" + APP + "/approval")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("version", "1"))
                .exchange().expectStatus().isOk());
        assertThat(page).contains("此申请已被他人修改，请刷新后再操作", "id=\"reload\"");
        // an unknown step is refused without calling the API
        String unknown = body(registrar.post().uri("/console/registrar/applications/" + APP + "/revocation")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("version", "2"))
                .exchange().expectStatus().isOk());
        assertThat(unknown).contains("当前状态下不能办理该事项");
        assertThat(STUB.calls("POST", ORGS + "/applications/" + APP + "/revocation")).isEmpty();
    }

    @Test
    void theRegistrarDecidesOnAStatementWithReasonsAndIfMatch() {
        STUB.on("GET " + ORGS + "/organizations/" + ORG, Response.json(200, organization(), "1"));
        STUB.on("GET " + ORGS + "/organizations/" + ORG + "/listing-notices", Response.json(200, "[" + notice("RESPONDED", 2) + "]"));
        STUB.on("POST " + ORGS + "/listing-notices/" + NOTICE + "/rejection", Response.problem(422, "validation-failed", "请求内容不合法",
                "/reasons", "请写明不采纳的理由"));
        WebTestClient registrar = web.mutateWith(as("REGISTRAR", "registrar")).mutateWith(csrf());
        String page = body(registrar.get().uri("/console/registrar/organizations/" + ORG).exchange().expectStatus().isOk());
        assertThat(page).contains("已于6月3日补报", "因疫情延误", "id=\"acceptance-" + NOTICE + "\"", "id=\"rejection-" + NOTICE + "\"");
        String refused = body(registrar.post().uri("/console/registrar/organizations/" + ORG + "/listing-notices/" + NOTICE + "/rejection")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("version", "2").with("decision", "rejection").with("reasons", ""))
                .exchange().expectStatus().isOk());
        assertThat(refused).containsPattern("id=\"f-rejection-" + NOTICE + "-error\"[^>]*>请写明不采纳的理由");
        assertThat(STUB.calls("POST", ORGS + "/listing-notices/" + NOTICE + "/rejection").get(0).header("If-Match")).isEqualTo("\"2\"");
    }

    @Test
    void eachRolesPagesAreClosedToTheOthers() {
        web.mutateWith(as("CITIZEN", "c")).get().uri("/console/agent").exchange().expectStatus().isForbidden();
        web.mutateWith(as("ORG_AGENT", "a")).get().uri("/console/registrar/queue").exchange().expectStatus().isForbidden();
        web.mutateWith(as("REGISTRAR", "r")).get().uri("/console/agent/apply").exchange().expectStatus().isForbidden();
        web.mutateWith(as("CLERK", "k")).get().uri("/console/registrar/applications/" + APP).exchange().expectStatus().isForbidden();
        assertThat(STUB.requests).isEmpty();
    }

    @Test
    void orgServiceDownIsNamedAndTheRestOfThePageWorks() {
        STUB.on("GET " + ORGS + "/applications", Response.problem(503, "GATEWAY_SERVICE_UNAVAILABLE", "服务暂不可用", null, null));
        String page = body(web.mutateWith(as("REGISTRAR", "registrar")).get().uri("/console/registrar/queue").exchange()
                .expectStatus().isOk());
        assertThat(page).contains("「社会组织服务」暂时没有应答", "按状态筛选", "社会组织查询");
    }

    static final String CASE = "EC-421303-1A2B3C4D";

    static String enforcementCase(String status, long version, boolean overdue) {
        return "{\"id\":\"" + CASE + "\",\"organizationId\":\"" + ORG + "\",\"organizationName\":\"随州市曾都区科普甲乙协会\","
                + "\"authorityCode\":\"421303\",\"violation\":\"BEYOND_SCOPE\",\"facts\":\"超出章程业务范围举办收费培训\",\"status\":\"" + status + "\","
                + "\"openedOn\":\"2026-12-01\",\"dueOn\":\"2027-03-01\",\"overdue\":" + overdue + ",\"evidence\":[{\"kind\":\"DOCUMENT\","
                + "\"description\":\"培训收费票据 12 张\",\"recordedOn\":\"2026-12-02\"}],\"severity\":\"GENERAL\",\"proposal\":[{\"kind\":\"FINE\","
                + "\"amount\":\"20000.00\",\"months\":null}],\"proposalReasons\":\"一般情节\",\"noticeServedOn\":null,\"statements\":[],"
                + "\"review\":null,\"decision\":null,\"version\":" + version + "}";
    }

    @Test
    void theInspectorListsCasesOverdueFirstAndOpensOneWithAServerMadeKey() {
        STUB.on("GET " + ORGS + "/enforcement-cases", r -> r.query() != null && r.query().contains("overdue=true")
                ? Response.json(200, "{\"items\":[" + enforcementCase("OPEN", 1, true).replace(CASE, "EC-LATE") + "]}")
                : Response.json(200, "{\"items\":[" + enforcementCase("OPEN", 1, false) + "," + enforcementCase("OPEN", 1, true).replace(CASE, "EC-LATE") + "]}"));
        STUB.on("POST " + ORGS + "/enforcement-cases", Response.json(201, enforcementCase("OPEN", 1, false), "1"));
        WebTestClient inspector = web.mutateWith(as("INSPECTOR", "inspector")).mutateWith(csrf());
        String list = body(inspector.get().uri("/console/enforcement").exchange().expectStatus().isOk());
        assertThat(list.indexOf("EC-LATE")).isLessThan(list.indexOf(CASE));
        assertThat(list).contains("已逾期", "超出章程规定的宗旨和业务范围进行活动", "id=\"open-case\"");
        inspector.post().uri("/console/enforcement/cases").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("idempotencyKey", "console-case-k1").with("organizationId", ORG)
                        .with("violation", "BEYOND_SCOPE").with("facts", " 超出章程业务范围举办收费培训 "))
                .exchange().expectStatus().is3xxRedirection()
                .expectHeader().valueEquals("Location", "/console/enforcement/cases/" + CASE + "?done=opened");
        StubApi.Request sent = STUB.calls("POST", ORGS + "/enforcement-cases").get(0);
        assertThat(sent.header("Idempotency-Key")).isEqualTo("console-case-k1");
        assertThat(sent.body()).isEqualTo("{\"organizationId\":\"" + ORG + "\",\"violation\":\"BEYOND_SCOPE\",\"facts\":\"超出章程业务范围举办收费培训\"}");
        // the legal reviewer reads the list but opens no case
        String reviewer = body(web.mutateWith(as("LEGAL_REVIEWER", "reviewer")).get().uri("/console/enforcement").exchange().expectStatus().isOk());
        assertThat(reviewer).contains(CASE).doesNotContain("id=\"open-case\"");
    }

    @Test
    void eachRoleIsOfferedOnlyTheEnforcementStepsTheStatusAndRoleAllow() {
        STUB.on("GET " + ORGS + "/enforcement-cases/" + CASE, Response.json(200, enforcementCase("OPEN", 2, false), "2"));
        String open = body(web.mutateWith(as("INSPECTOR", "i")).get().uri("/console/enforcement/cases/" + CASE).exchange().expectStatus().isOk());
        assertThat(open).contains("id=\"action-evidence\"", "id=\"action-proposal\"", "培训收费票据 12 张", "罚款 20000.00 元")
                .doesNotContain("id=\"action-notice\"", "id=\"action-legal-review\"", "id=\"action-decision\"", "id=\"action-closing\"");
        STUB.on("GET " + ORGS + "/enforcement-cases/" + CASE, Response.json(200, enforcementCase("NOTIFIED", 4, false), "4"));
        String review = body(web.mutateWith(as("LEGAL_REVIEWER", "r")).get().uri("/console/enforcement/cases/" + CASE).exchange().expectStatus().isOk());
        assertThat(review).contains("id=\"action-legal-review\"").doesNotContain("id=\"action-decision\"", "id=\"action-evidence\"");
        String registrar = body(web.mutateWith(as("REGISTRAR", "g")).get().uri("/console/enforcement/cases/" + CASE).exchange().expectStatus().isOk());
        assertThat(registrar).contains("id=\"action-decision\"", "id=\"action-closing\"").doesNotContain("id=\"action-legal-review\"");
        String inspector = body(web.mutateWith(as("INSPECTOR", "i")).get().uri("/console/enforcement/cases/" + CASE).exchange().expectStatus().isOk());
        assertThat(inspector).contains("id=\"no-actions\"");
    }

    @Test
    void theProposalAndTheReviewAreSentAsTheApiTakesThemWithIfMatch() {
        STUB.on("GET " + ORGS + "/enforcement-cases/" + CASE, Response.json(200, enforcementCase("OPEN", 2, false), "2"));
        STUB.on("POST " + ORGS + "/enforcement-cases/" + CASE + "/proposal", Response.json(200, enforcementCase("PROPOSED", 3, false), "3"));
        STUB.on("POST " + ORGS + "/enforcement-cases/" + CASE + "/legal-review", Response.json(200, enforcementCase("REVIEWED", 5, false), "5"));
        web.mutateWith(as("INSPECTOR", "i")).mutateWith(csrf()).post().uri("/console/enforcement/cases/" + CASE + "/proposal")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("version", "2").with("severity", "GENERAL").with("penalties[0].kind", "FINE")
                        .with("penalties[0].amount", "20000.00").with("penalties[0].months", "").with("reasons", "一般情节"))
                .exchange().expectStatus().is3xxRedirection();
        StubApi.Request proposal = STUB.calls("POST", ORGS + "/enforcement-cases/" + CASE + "/proposal").get(0);
        assertThat(proposal.header("If-Match")).isEqualTo("\"2\"");
        assertThat(proposal.body()).isEqualTo("{\"severity\":\"GENERAL\",\"reasons\":\"一般情节\",\"penalties\":[{\"kind\":\"FINE\",\"amount\":\"20000.00\"}]}");
        web.mutateWith(as("LEGAL_REVIEWER", "r")).mutateWith(csrf()).post().uri("/console/enforcement/cases/" + CASE + "/legal-review")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("version", "4").with("approved", "true").with("opinion", "事实清楚，证据确凿"))
                .exchange().expectStatus().is3xxRedirection()
                .expectHeader().valueEquals("Location", "/console/enforcement/cases/" + CASE + "?done=legal-review");
        StubApi.Request review = STUB.calls("POST", ORGS + "/enforcement-cases/" + CASE + "/legal-review").get(0);
        assertThat(review.header("If-Match")).isEqualTo("\"4\"");
        assertThat(review.body()).isEqualTo("{\"approved\":true,\"opinion\":\"事实清楚，证据确凿\"}");
    }

    @Test
    void aClosedGateIsShownAndAStepOfAnotherRoleIsRefusedWithoutCallingTheApi() {
        STUB.on("GET " + ORGS + "/enforcement-cases/" + CASE, Response.json(200, enforcementCase("NOTIFIED", 4, false), "4"));
        STUB.on("POST " + ORGS + "/enforcement-cases/" + CASE + "/decision", Response.problem(409, "legal-review-required",
                "重大执法决定须经法制审核方可作出；请先提交法制审核", null, null));
        String gate = body(web.mutateWith(as("REGISTRAR", "g")).mutateWith(csrf()).post().uri("/console/enforcement/cases/" + CASE + "/decision")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("version", "4").with("reference", "曾民罚〔2026〕1号").with("penalties[0].kind", "REVOCATION")
                        .with("reasons", "骗取登记"))
                .exchange().expectStatus().isOk());
        assertThat(gate).contains("重大执法决定须经法制审核方可作出", "value=\"曾民罚〔2026〕1号\"");
        String refused = body(web.mutateWith(as("LEGAL_REVIEWER", "r")).mutateWith(csrf()).post()
                .uri("/console/enforcement/cases/" + CASE + "/evidence").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("version", "4").with("kind", "DOCUMENT").with("description", "x"))
                .exchange().expectStatus().isOk());
        assertThat(refused).contains("您的角色不能办理该事项");
        assertThat(STUB.calls("POST", ORGS + "/enforcement-cases/" + CASE + "/evidence")).isEmpty();
        web.mutateWith(as("CITIZEN", "c")).get().uri("/console/enforcement").exchange().expectStatus().isForbidden();
        web.mutateWith(as("ORG_AGENT", "a")).get().uri("/console/enforcement/cases/" + CASE).exchange().expectStatus().isForbidden();
    }

    @Test
    void thePartyStatesItsCaseOrRequestsAHearingWithIfMatch() {
        STUB.on("GET " + ORGS + "/organizations/" + ORG, Response.json(200, organization(), "1"));
        STUB.on("GET " + ORGS + "/organizations/" + ORG + "/listing-notices", Response.json(200, "[]"));
        STUB.on("GET " + ORGS + "/enforcement-cases", Response.json(200, "{\"items\":[" + enforcementCase("NOTIFIED", 4, false)
                .replace("\"noticeServedOn\":null", "\"noticeServedOn\":\"2026-12-08\",\"hearingRequestDeadline\":\"2026-12-15\",\"hearingWaived\":false")
                .replace("\"statements\":[]", "\"statements\":[{\"text\":\"收费已暂停\",\"defence\":false,\"waivesHearing\":false,\"on\":\"2026-12-09\"}]") + "]}"));
        STUB.on("POST " + ORGS + "/enforcement-cases/" + CASE + "/statements", Response.json(200, enforcementCase("NOTIFIED", 5, false), "5"));
        WebTestClient agent = web.mutateWith(as("ORG_AGENT", "agent")).mutateWith(csrf());
        String page = body(agent.get().uri("/console/agent/organizations/" + ORG).exchange().expectStatus().isOk());
        assertThat(page).contains("id=\"statement-" + CASE + "\"", "id=\"hearing-request-" + CASE + "\"", "至 2026-12-15（含当日）",
                "罚款 20000.00 元", "陈述：收费已暂停（2026-12-09）");
        assertThat(STUB.calls("GET", ORGS + "/enforcement-cases").get(0).query()).contains("organizationId=" + ORG);
        agent.post().uri("/console/agent/organizations/" + ORG + "/enforcement-cases/" + CASE + "/statements")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("version", "4").with("text", "已停止收费培训并退还费用").with("defence", "true")
                        .with("waivesHearing", "true"))
                .exchange().expectStatus().is3xxRedirection()
                .expectHeader().valueEquals("Location", "/console/agent/organizations/" + ORG + "?done=statements");
        StubApi.Request sent = STUB.calls("POST", ORGS + "/enforcement-cases/" + CASE + "/statements").get(0);
        assertThat(sent.header("If-Match")).isEqualTo("\"4\"");
        assertThat(sent.body()).isEqualTo("{\"text\":\"已停止收费培训并退还费用\",\"defence\":true,\"waivesHearing\":true}");
        // no other act of the case is reachable from the agent's page
        String other = body(agent.post().uri("/console/agent/organizations/" + ORG + "/enforcement-cases/" + CASE + "/decision")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("version", "4"))
                .exchange().expectStatus().isOk());
        assertThat(other).contains("当前状态下不能办理该事项");
        assertThat(STUB.calls("POST", ORGS + "/enforcement-cases/" + CASE + "/decision")).isEmpty();
    }
}
