package cn.minzheng.systemtests.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.fixtures.OrgNames;
import cn.minzheng.systemtests.platform.Platform;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 19's journeys in a real browser (headless Chromium through the devstack's gateway): a citizen logs in
 * on the identity server's login page, applies for 低保 and sees the case; bad input shows the field's message;
 * a clerk finds the case in the queue and accepts it; an approver is offered none of the clerk's steps; an
 * auditor reads the case's timeline and verifies the chain; an organization's agent applies for 成立登记 (a wrong
 * 身份证 shown at its field first), a registrar accepts and approves, the agent reads the 统一社会信用代码 and files
 * the annual report (a year not yet ended refused at the year); an inspector opens an enforcement case against
 * it, the legal review waits for the rights period until the agent waives the hearing. Each role's main page is photographed into
 * docs/console/. One case per run with a fresh ID number (fixtures.Households).
 */
@Tag("browser")
@Order(9)
class ConsoleJourneysTest {

    static final String VILLAGE = Households.VILLAGE;
    static Platform platform;
    static String caseNumber;
    /** The organization the agent registers in the browser (order 8), for the enforcement journey. */
    static String organizationId;
    static final String APPLICANT_ID = Households.idNumber(1979);

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        System.out.println("[console] applicant ID number of this run: " + APPLICANT_ID);
    }

    @Test
    @Order(1)
    void aCitizenLogsInAppliesAndSeesTheCase() {
        try (Browser b = Browser.open(platform)) {
            b.login("citizen");
            b.awaitText(By.tagName("h1"), "我的申请");
            b.go("/console/citizen/apply");
            new Select(b.await(By.id("f-program"))).selectByValue("DIBAO_URBAN");
            b.type("f-regionCode", VILLAGE);
            b.type("f-members-0-name", "浏览器");
            b.type("f-members-0-idNumber", APPLICANT_ID);
            b.type("f-members-0-incomes-0-monthlyAmount", "300.00");
            b.driver.findElement(By.id("f-members-0-authorizationSigned")).click();
            b.driver.findElement(By.id("f-truthfulnessCommitment")).click();
            b.screenshot("citizen-apply");
            b.driver.findElement(By.cssSelector("button[name=step][value=review]")).click();
            b.awaitText(By.tagName("h1"), "核对申请内容");
            assertThat(b.driver.getPageSource()).contains(APPLICANT_ID, "300.00");
            b.driver.findElement(By.id("submit-application")).click();
            b.await(By.id("case-status"));
            assertThat(b.driver.findElement(By.id("case-status")).getText()).isEqualTo("已提交，待受理");
            String heading = b.driver.findElement(By.tagName("h1")).getText();
            caseNumber = heading.replace("申请", "").trim();
            assertThat(caseNumber).startsWith(VILLAGE + "-");
            System.out.println("[console] the citizen's case: " + caseNumber);
            // the citizen's cases list shows it with its status in words; no staff action anywhere
            b.go("/console/citizen/cases");
            b.awaitText(By.id("my-cases"), caseNumber);
            assertThat(b.present(By.cssSelector("form[id^=action-]"))).isFalse();
            b.screenshot("citizen-cases");
            b.phone();
            b.go("/console/citizen/cases/" + caseNumber);
            b.await(By.id("case-status"));
            b.screenshot("citizen-case-375px");
        }
    }

    @Test
    @Order(2)
    void badInputShowsTheFieldsMessage() {
        try (Browser b = Browser.open(platform)) {
            b.login("citizen");
            b.go("/console/citizen/apply");
            // as typed: the 身份证 check digit (platform-codes, the API's own rule), next to the field
            String wrongCheck = APPLICANT_ID.substring(0, 17) + (APPLICANT_ID.charAt(17) == '1' ? "2" : "1");
            b.type("f-members-0-idNumber", wrongCheck);
            b.wait.until(d -> !d.findElement(By.id("f-members-0-idNumber-error")).getText().isBlank());
            assertThat(b.driver.findElement(By.id("f-members-0-idNumber-error")).getText()).contains("校验");
            // on submit: the API's problem, its pointer /members/0/idNumber shown at that field
            b.type("f-regionCode", VILLAGE);
            b.type("f-members-0-name", "错号");
            b.type("f-members-0-incomes-0-monthlyAmount", "300.00");
            b.driver.findElement(By.id("f-members-0-authorizationSigned")).click();
            b.driver.findElement(By.id("f-truthfulnessCommitment")).click();
            b.driver.findElement(By.cssSelector("button[name=step][value=review]")).click();
            b.await(By.id("submit-application")).click();
            b.await(By.id("problem"));
            b.wait.until(d -> !d.findElement(By.id("f-members-0-idNumber-error")).getText().isBlank());
            assertThat(b.driver.findElement(By.id("f-members-0-idNumber-error")).getText()).isNotBlank();
            assertThat(b.driver.getPageSource()).doesNotContain("Exception", "at cn.minzheng");
            b.screenshot("citizen-bad-input");
        }
    }

    @Test
    @Order(3)
    void aClerkSeesTheCaseInTheQueueAndAcceptsIt() {
        assertThat(caseNumber).as("the citizen's case (first journey)").isNotNull();
        try (Browser b = Browser.open(platform)) {
            b.login("clerk");
            b.awaitText(By.tagName("h1"), "待办案件");
            b.awaitText(By.id("queue"), caseNumber);
            b.screenshot("clerk-queue");
            b.driver.findElement(By.linkText(caseNumber)).click();
            b.await(By.id("action-acceptance"));
            // only the clerk's steps of a submitted case
            assertThat(b.present(By.id("action-supplement-request"))).isTrue();
            assertThat(b.present(By.id("action-approve"))).isFalse();
            assertThat(b.present(By.id("action-deny"))).isFalse();
            assertThat(b.present(By.id("action-home-visit"))).isFalse();
            b.screenshot("clerk-case");
            b.driver.findElement(By.cssSelector("#action-acceptance button[type=submit]")).click();
            b.awaitText(By.id("case-status"), "已受理，待入户调查");
            // now the investigation's steps, not acceptance again
            assertThat(b.present(By.id("action-home-visit"))).isTrue();
            assertThat(b.present(By.id("action-acceptance"))).isFalse();
            // a page of another role is closed to the clerk
            b.go("/console/audit");
            b.awaitText(By.tagName("h1"), "没有权限");
        }
    }

    @Test
    @Order(4)
    void anApproverIsOfferedNoneOfTheClerksSteps() {
        assertThat(caseNumber).as("the citizen's case (first journey)").isNotNull();
        try (Browser b = Browser.open(platform)) {
            b.login("approver");
            b.go("/console/staff/cases/" + caseNumber);
            b.awaitText(By.id("case-status"), "已受理，待入户调查");
            assertThat(b.present(By.id("no-actions"))).isTrue();
            List<WebElement> forms = b.driver.findElements(By.cssSelector("form[id^=action-]"));
            assertThat(forms).isEmpty();
            b.screenshot("approver-case");
        }
    }

    @Test
    @Order(5)
    void anAuditorSeesTheTimelineAndVerifiesTheChain() {
        assertThat(caseNumber).as("the citizen's case (first journey)").isNotNull();
        try (Browser b = Browser.open(platform)) {
            b.login("auditor");
            b.awaitText(By.tagName("h1"), "全过程记录");
            // the trail follows by events: read the timeline again until both steps are in it
            b.wait.until(d -> {
                d.get(b.gateway + "/console/audit?subject=" + caseNumber);
                return d.findElements(By.cssSelector("#timeline tbody tr")).size() >= 2;
            });
            WebElement first = b.driver.findElement(By.cssSelector("#timeline tbody tr"));
            String chain = first.getAttribute("data-chain");
            String sequence = first.getAttribute("data-sequence");
            assertThat(b.driver.findElement(By.id("timeline-integrity")).getText()).contains("已验证");
            b.screenshot("auditor-timeline");
            new Select(b.driver.findElement(By.id("f-chain"))).selectByValue(chain);
            b.type("f-fromSequence", sequence);
            b.type("f-toSequence", sequence);
            b.driver.findElement(By.cssSelector("#verify-form button[type=submit]")).click();
            b.awaitText(By.id("verification-result"), "验证通过");
            b.screenshot("auditor-verification");
        }
    }

    @Test
    @Order(6)
    void aCitizenAnswersTheOneTimeNoticeAndResubmits() {
        String id = Households.idNumber(1983);
        System.out.println("[console] applicant ID number of the resubmission journey: " + id);
        try (Browser citizen = Browser.open(platform); Browser clerk = Browser.open(platform)) {
            citizen.login("citizen");
            String number = apply(citizen, id, "补正者", "400.00");
            clerk.login("clerk");
            clerk.go("/console/staff/cases/" + number);
            clerk.type("f-supplement-request-missingItems", "户口簿\n收入证明");
            clerk.driver.findElement(By.cssSelector("#action-supplement-request button[type=submit]")).click();
            clerk.awaitText(By.id("case-status"), "需补正材料（一次性告知）");
            citizen.go("/console/citizen/cases/" + number);
            citizen.awaitText(By.id("missing-items"), "收入证明");
            assertThat(citizen.driver.findElement(By.id("missing-items")).getText()).contains("户口簿");
            citizen.screenshot("citizen-one-time-notice");
            citizen.driver.findElement(By.linkText("补正后重新提交")).click();
            citizen.type("f-members-0-incomes-0-monthlyAmount", "350.00");
            // the truthfulness commitment is given again for the corrected submission
            citizen.driver.findElement(By.id("f-truthfulnessCommitment")).click();
            citizen.driver.findElement(By.cssSelector("button[name=step][value=submit]")).click();
            citizen.awaitText(By.id("case-status"), "已补正，待受理");
        }
    }

    /** The citizen's application through the form and its summary; the new case's number. */
    static String apply(Browser b, String id, String name, String wages) {
        b.go("/console/citizen/apply");
        new Select(b.await(By.id("f-program"))).selectByValue("DIBAO_URBAN");
        b.type("f-regionCode", VILLAGE);
        b.type("f-members-0-name", name);
        b.type("f-members-0-idNumber", id);
        b.type("f-members-0-incomes-0-monthlyAmount", wages);
        b.driver.findElement(By.id("f-members-0-authorizationSigned")).click();
        b.driver.findElement(By.id("f-truthfulnessCommitment")).click();
        b.driver.findElement(By.cssSelector("button[name=step][value=review]")).click();
        b.await(By.id("submit-application")).click();
        b.awaitText(By.id("case-status"), "已提交，待受理");
        return b.driver.findElement(By.tagName("h1")).getText().replace("申请", "").trim();
    }

    @Test
    @Order(7)
    void anyoneLooksUpOrganizationsWithoutLogin() {
        try (Browser b = Browser.open(platform)) {
            b.go("/console/public/organizations");
            b.type("f-creditCode", "53100000MJ0065049F");
            b.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            b.wait.until(d -> !d.findElement(By.id("f-creditCode-error")).getText().isBlank());
            b.screenshot("public-organizations");
        }
    }

    @Test
    @Order(8)
    void anAgentRegistersAnOrganizationAndARegistrarApprovesIt() {
        String field = "科普" + OrgNames.distinctive();
        String representative = Households.idNumber(1968);
        System.out.println("[console] organization field of this run: " + field + ", representative " + representative);
        try (Browser agent = Browser.open(platform); Browser registrar = Browser.open(platform)) {
            agent.login("orgAgent");
            agent.awaitText(By.tagName("h1"), "我的社会组织");
            agent.go("/console/agent/apply");
            new Select(agent.await(By.id("f-type"))).selectByValue("SOCIAL_GROUP");
            agent.type("f-authorityCode", "421303");
            agent.type("f-name-region", "随州市曾都区");
            agent.type("f-name-field", field);
            agent.type("f-name-form", "协会");
            agent.type("f-residence", "随州市曾都区烈山大道1号");
            agent.type("f-purpose", "服务会员，普及科学知识");
            agent.type("f-businessScope", "科普交流");
            agent.type("f-activityArea", "曾都区");
            agent.type("f-sponsorUnit", "曾都区科协");
            agent.type("f-legalRepresentative-name", "王小明");
            String wrongCheck = representative.substring(0, 17) + (representative.charAt(17) == '1' ? "2" : "1");
            agent.type("f-legalRepresentative-idNumber", wrongCheck);
            agent.type("f-funds", "30000.00");
            agent.driver.findElement(By.id("f-fundsInCash")).click();
            agent.type("f-members-individuals", "60");
            agent.type("f-members-units", "0");
            for (WebElement document : agent.driver.findElements(By.cssSelector("input[name=documents]"))) {
                document.click();
            }
            agent.screenshot("agent-apply");
            agent.driver.findElement(By.id("submit-founding")).click();
            // the API's problem at /legalRepresentative/idNumber, next to that field; everything typed stays
            agent.await(By.id("problem"));
            agent.wait.until(d -> !d.findElement(By.id("f-legalRepresentative-idNumber-error")).getText().isBlank());
            assertThat(agent.driver.findElement(By.id("f-name-field")).getAttribute("value")).isEqualTo(field);
            agent.screenshot("agent-bad-input");
            agent.type("f-legalRepresentative-idNumber", representative);
            agent.driver.findElement(By.id("submit-founding")).click();
            agent.awaitText(By.id("application-status"), "已申请，待受理");
            String applicationUrl = agent.driver.getCurrentUrl();
            String application = applicationUrl.substring(applicationUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
            System.out.println("[console] the agent's application: " + application);

            registrar.login("registrar");
            registrar.awaitText(By.tagName("h1"), "登记申请");
            registrar.awaitText(By.id("queue"), field);
            registrar.screenshot("registrar-queue");
            registrar.go("/console/registrar/applications/" + application);
            registrar.await(By.id("action-acceptance"));
            // only the steps of an application not yet accepted
            assertThat(registrar.present(By.id("action-supplement-request"))).isTrue();
            assertThat(registrar.present(By.id("action-approval"))).isFalse();
            assertThat(registrar.present(By.id("action-refusal"))).isFalse();
            registrar.driver.findElement(By.cssSelector("#action-acceptance button[type=submit]")).click();
            registrar.awaitText(By.id("application-status"), "已受理，待审查决定");
            assertThat(registrar.present(By.id("action-acceptance"))).isFalse();
            // a refusal needs its written reasons: the API's message at the field
            registrar.driver.findElement(By.cssSelector("#action-refusal button[type=submit]")).click();
            registrar.wait.until(d -> !d.findElement(By.id("f-refusal-reasons-error")).getText().isBlank());
            registrar.screenshot("registrar-application");
            registrar.driver.findElement(By.cssSelector("#action-approval button[type=submit]")).click();
            registrar.awaitText(By.id("application-status"), "准予登记");
            String creditCode = registrar.driver.findElement(By.id("credit-code")).getText();
            assertThat(creditCode).hasSize(18);
            // the registrar's view of the organization: no notice before listing for a new one
            registrar.driver.findElement(By.id("open-organization")).click();
            registrar.await(By.id("no-notices"));
            // an agent's page is closed to the registrar
            registrar.go("/console/agent");
            registrar.awaitText(By.tagName("h1"), "没有权限");

            agent.go("/console/agent");
            agent.awaitText(By.id("my-organizations"), creditCode);
            agent.screenshot("agent-home");
            agent.driver.findElement(By.linkText("随州市曾都区" + field + "协会")).click();
            agent.awaitText(By.id("credit-code"), creditCode);
            assertThat(agent.present(By.id("no-notices"))).isTrue();
            organizationId = agent.driver.getCurrentUrl().replaceAll(".*/organizations/([A-Za-z0-9-]+).*", "$1");
            // the annual report: the year of registration has not ended — refused at the year, everything typed kept
            // (a report for an ended year the organization existed needs the business clock moved on: not in this journey)
            String registeredYear = agent.driver.findElement(By.cssSelector("dl.summary")).getText()
                    .replaceAll("(?s).*登记日期\\s*(\\d{4})-.*", "$1");
            agent.type("f-year", registeredYear);
            agent.driver.findElement(By.id("f-boardElectedOnTime")).click();
            agent.type("f-governance", "按期换届，理事会每季度召开");
            agent.type("f-activities", "举办科普讲座十二场");
            agent.type("f-finances-income", "120000.00");
            agent.type("f-finances-expenditure", "98000.00");
            agent.type("f-finances-netAssets", "-1200.50");
            agent.driver.findElement(By.cssSelector("#annual-report button[type=submit]")).click();
            agent.wait.until(d -> !d.findElement(By.id("f-year-error")).getText().isBlank());
            assertThat(agent.driver.findElement(By.id("f-governance")).getAttribute("value")).isEqualTo("按期换届，理事会每季度召开");
            agent.screenshot("agent-organization");
        }
    }

    @Test
    @Order(9)
    void anInspectorOpensACaseTheLegalReviewWaitsForTheRightsPeriodUntilThePartyWaivesTheHearing() {
        assertThat(organizationId).as("the organization registered in the browser (order 8)").isNotNull();
        try (Browser inspector = Browser.open(platform); Browser reviewer = Browser.open(platform)) {
            inspector.login("inspector");
            inspector.awaitText(By.tagName("h1"), "执法案件");
            inspector.type("f-organizationId", organizationId);
            new Select(inspector.driver.findElement(By.id("f-violation"))).selectByValue("BEYOND_SCOPE");
            inspector.type("f-facts", "超出章程业务范围举办收费培训");
            inspector.driver.findElement(By.cssSelector("#open-case button[type=submit]")).click();
            inspector.awaitText(By.id("case-status"), "已立案，调查取证中");
            String enforcementCase = inspector.driver.findElement(By.tagName("h1")).getText().replace("执法案件", "").trim();
            System.out.println("[console] the enforcement case: " + enforcementCase);
            // an inspector investigates and proposes; no decision and no legal review are offered to the inspector
            assertThat(inspector.present(By.id("action-decision"))).isFalse();
            assertThat(inspector.present(By.id("action-legal-review"))).isFalse();
            new Select(inspector.driver.findElement(By.id("f-evidence-kind"))).selectByValue("DOCUMENT");
            inspector.type("f-evidence-description", "培训收费票据 12 张");
            inspector.driver.findElement(By.cssSelector("#action-evidence button[type=submit]")).click();
            inspector.awaitText(By.id("evidence"), "培训收费票据 12 张");
            new Select(inspector.driver.findElement(By.id("f-proposal-severity"))).selectByValue("GENERAL");
            new Select(inspector.driver.findElement(By.id("f-proposal-penalties-0-kind"))).selectByValue("FINE");
            inspector.type("f-proposal-penalties-0-amount", "20000.00");
            inspector.type("f-proposal-reasons", "一般情节");
            inspector.driver.findElement(By.cssSelector("#action-proposal button[type=submit]")).click();
            inspector.awaitText(By.id("case-status"), "已提出拟处罚意见，待告知");
            inspector.driver.findElement(By.cssSelector("#action-notice button[type=submit]")).click();
            inspector.awaitText(By.id("case-status"), "已告知");
            inspector.screenshot("inspector-case");

            reviewer.login("legalReviewer");
            reviewer.awaitText(By.tagName("h1"), "执法案件");
            reviewer.awaitText(By.id("cases"), enforcementCase);
            assertThat(reviewer.present(By.id("open-case"))).isFalse();
            reviewer.go("/console/enforcement/cases/" + enforcementCase);
            reviewer.await(By.id("action-legal-review"));
            assertThat(reviewer.present(By.id("action-decision"))).isFalse();
            assertThat(reviewer.present(By.id("action-evidence"))).isFalse();
            // the gate: the party's period for statements and a hearing has not run, so no review yet — said on the page
            new Select(reviewer.driver.findElement(By.id("f-legal-review-approved"))).selectByValue("true");
            reviewer.type("f-legal-review-opinion", "事实清楚，证据确凿，适用依据正确");
            reviewer.driver.findElement(By.cssSelector("#action-legal-review button[type=submit]")).click();
            reviewer.awaitText(By.id("problem"), "尚未届满");
            assertThat(reviewer.driver.findElement(By.id("case-status")).getText()).startsWith("已告知");
            reviewer.screenshot("legal-reviewer-case");

            // the party states its case and waives the hearing in writing: the rights period no longer holds the review
            try (Browser agent = Browser.open(platform)) {
                agent.login("orgAgent");
                agent.go("/console/agent/organizations/" + organizationId);
                agent.await(By.id("statement-" + enforcementCase));
                agent.type("f-case-" + enforcementCase + "-text", "已停止收费培训并退还全部费用");
                agent.driver.findElement(By.id("f-case-" + enforcementCase + "-defence")).click();
                agent.driver.findElement(By.id("f-case-" + enforcementCase + "-waivesHearing")).click();
                agent.driver.findElement(By.cssSelector("#statement-" + enforcementCase + " button[type=submit]")).click();
                agent.awaitText(By.id("done"), "陈述、申辩已提交");
                assertThat(agent.driver.findElement(By.id("case-" + enforcementCase)).getText()).contains("已书面放弃听证");
                agent.screenshot("agent-enforcement");
            }
            reviewer.go("/console/enforcement/cases/" + enforcementCase);
            new Select(reviewer.await(By.id("f-legal-review-approved"))).selectByValue("true");
            reviewer.type("f-legal-review-opinion", "事实清楚，证据确凿，适用依据正确");
            reviewer.driver.findElement(By.cssSelector("#action-legal-review button[type=submit]")).click();
            reviewer.awaitText(By.id("case-status"), "法制审核通过，待决定");
            assertThat(reviewer.present(By.id("no-actions"))).isTrue();
        }
    }
}
