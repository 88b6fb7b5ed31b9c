package cn.minzheng.systemtests.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.minzheng.systemtests.fixtures.Cases;
import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.fixtures.Trail;
import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 1, 低保: the citizen submits; the clerk asks once for the missing items (a second request
 * is refused); the citizen resubmits; the clerk accepts, records a home visit by two staff and the
 * check results, gives the opinion and starts 公示; the public list shows the case masked; the
 * publicity cannot end before its 7 days. The 7 days pass on the business clock (the devstack's
 * ADMIN-only clock endpoint, see docs/contracts.md "Business clock"; from here on this stack's
 * assistance-service runs 8 days ahead of the wall clock); the publicity ends; the approver
 * approves with the computed amount; the citizen reads the decision. The auditor's timeline shows
 * every step in order with its actor, and every chain verifies.
 */
@Tag("scenario")
@Order(3)
class DibaoScenarioTest {

    static final List<String> STEPS = List.of(
            "minzheng.assistance.application.submitted.v1",
            "minzheng.assistance.application.supplement-requested.v1",
            "minzheng.assistance.application.resubmitted.v1",
            "minzheng.assistance.application.accepted.v1",
            "minzheng.assistance.application.home-visit-recorded.v1",
            "minzheng.assistance.application.economic-check-recorded.v1",
            "minzheng.assistance.application.opinion-issued.v1",
            "minzheng.assistance.application.publicity-started.v1",
            "minzheng.assistance.application.publicity-completed.v1",
            "minzheng.assistance.application.approved.v1");

    static final String CLOCK = "/api/v1/assistance/admin/clock";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Test
    void fromSubmissionToTheDecisionTheCitizenReadsWithTheWholeTrail() {
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        Tokens tokens = new Tokens(platform);
        Cases cases = new Cases(gateway);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String citizenSub = "dibao-citizen-" + run;
        String citizen = tokens.of(citizenSub, "CITIZEN", Households.TOWNSHIP);
        String clerk = tokens.of("dibao-clerk-" + run, "CLERK", Households.TOWNSHIP);
        String auditor = tokens.of("dibao-auditor-" + run, "AUDITOR", Households.COUNTY);
        String approver = tokens.of("dibao-approver-" + run, "APPROVER", Households.COUNTY);
        String admin = tokens.of("dibao-admin-" + run, "ADMIN", Households.COUNTY);

        Map<String, Object> household = Households.dibao("1100.00");
        String number = cases.submit(citizen, household);
        assertThat(number).startsWith(Households.VILLAGE);

        cases.command(number, "supplement-request", clerk, Map.of("missingItems", List.of("户口簿", "收入证明")));
        Answer second = cases.tryCommand(number, "supplement-request", clerk, Map.of("missingItems", List.of("身份证")));
        assertThat(second.status()).as("一次性告知: asked once only: " + second).isEqualTo(409);
        assertThat(second.isProblem()).isTrue();
        Answer seen = cases.read(number, citizen);
        assertThat(seen.text("status")).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(seen.json().path("supplementRequests").toString()).contains("户口簿", "收入证明");

        cases.command(number, "resubmission", citizen, Households.withWages(household, "1000.00"));
        cases.command(number, "acceptance", clerk, Map.of());
        // the visit happens on the business clock's today (other tests of this stack may have moved it
        // ahead of the wall clock; a visit dated before the submission is refused)
        Answer clockNow = gateway.get(CLOCK).token(admin).send();
        assertThat(clockNow.status()).as(clockNow.toString()).isEqualTo(200);
        String visitDay = LocalDate.ofInstant(Instant.parse(clockNow.text("now")), CHINA).toString();
        Answer alone = cases.tryCommand(number, "home-visits", clerk, Map.of("staffIds", List.of("dibao-clerk-" + run),
                "findings", "一人入户", "visitedOn", visitDay));
        assertThat(alone.status()).as("a home visit needs two staff: " + alone).isEqualTo(422);
        cases.command(number, "home-visits", clerk, Map.of("staffIds", List.of("dibao-clerk-" + run, "dibao-clerk-b-" + run),
                "findings", "住房简陋, 无大件家电", "visitedOn", visitDay));
        cases.command(number, "economic-checks", clerk, Map.of("summary", "无车辆、无房产登记", "incomeConfirmed", true,
                "supporterAble", false));
        cases.command(number, "opinion", clerk, Map.of("recommendApproval", true, "reason", "符合低保条件"));
        Answer publicity = cases.command(number, "publicity", clerk, Map.of());
        assertThat(publicity.text("status")).isEqualTo("IN_PUBLICITY");

        // 公示: public, no token, masked
        Answer list = gateway.get("/api/v1/assistance/public/publicity").send();
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        JsonNode entry = null;
        for (JsonNode e : list.json()) {
            if (number.equals(e.path("number").asString())) {
                entry = e;
            }
        }
        assertThat(entry).as("the case on the public list: " + list).isNotNull();
        assertThat(entry.path("applicant").asString()).isEqualTo("张*丰").doesNotContain("三");
        assertThat(list.body()).doesNotContain((String) household.get("applicantIdNumber"));

        Answer early = cases.tryCommand(number, "publicity/completion", clerk, Map.of());
        assertThat(early.status()).as("公示 lasts 7 days: " + early).isEqualTo(422);
        assertThat(cases.read(number, citizen).text("status")).isEqualTo("IN_PUBLICITY");

        // seven days pass (the business clock; only forward, ADMIN only)
        Answer notAdmin = gateway.post(CLOCK).token(clerk).json(Map.of("advanceBy", "P8D")).send();
        assertThat(notAdmin.status()).as("only ADMIN moves the clock: " + notAdmin).isEqualTo(403);
        Answer moved = gateway.post(CLOCK).token(admin).json(Map.of("advanceBy", "P8D")).send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(java.time.Duration.parse(moved.text("offset"))).isGreaterThanOrEqualTo(java.time.Duration.ofDays(8));

        Answer completed = cases.command(number, "publicity/completion", clerk, Map.of());
        assertThat(completed.text("status")).as(completed.toString()).isNotEqualTo("IN_PUBLICITY");
        Answer decided = cases.command(number, "decision", approver, Map.of("approve", true));
        assertThat(decided.text("status")).as(decided.toString()).isEqualTo("ACTIVE");

        // the citizen reads the decision: status, the monthly amount and how it was computed
        Answer decision = cases.read(number, citizen);
        assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
        assertThat(decision.text("status")).isEqualTo("ACTIVE");
        assertThat(decision.json().path("decision").path("approved").asBoolean()).as(decision.toString()).isTrue();
        assertThat(decision.json().path("decision").path("calculation").isEmpty()).as("the calculation trace").isFalse();
        assertThat(decision.json().path("benefit").path("monthlyAmount").asString())
                .as("the monthly amount: " + decision).matches("[0-9]+(\\.[0-9]{1,2})?");
        Answer notice = gateway.get(Cases.APPLICATIONS + "/" + number + "/decision").token(citizen).send();
        assertThat(notice.status()).as(notice.toString()).isEqualTo(200);
        assertThat(notice.body()).as("the decision notice the citizen reads: amount, how it was computed, remedies")
                .contains(decision.json().path("benefit").path("monthlyAmount").asString())
                .contains("行政复议");
        Answer stranger = gateway.get(Cases.APPLICATIONS + "/" + number + "/decision")
                .token(tokens.of("dibao-stranger-" + run, "CITIZEN", Households.TOWNSHIP)).send();
        assertThat(stranger.status()).as("another citizen may not read it: " + stranger).isEqualTo(403);

        Trail trail = new Trail(gateway, auditor);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Answer timeline = trail.timeline(number);
            assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
            // reading the timeline is itself recorded under the same subject: keep the case's own steps
            List<JsonNode> entries = new java.util.ArrayList<>();
            timeline.json().path("entries").forEach(e -> {
                if (e.path("type").asString().startsWith("minzheng.assistance.")) {
                    entries.add(e);
                }
            });
            assertThat(entries).extracting(e -> e.path("type").asString()).containsExactlyElementsOf(STEPS);
            assertThat(entries.get(0).path("actorId").asString()).isEqualTo(citizenSub);
            assertThat(entries.get(0).path("actorRole").asString()).isEqualTo("CITIZEN");
            assertThat(entries.get(3).path("actorId").asString()).isEqualTo("dibao-clerk-" + run);
            assertThat(entries.get(3).path("actorRole").asString()).isEqualTo("CLERK");
            assertThat(entries.get(7).path("toStatus").asString()).isEqualTo("IN_PUBLICITY");
            assertThat(entries.get(9).path("actorId").asString()).isEqualTo("dibao-approver-" + run);
            assertThat(entries.get(9).path("actorRole").asString()).isEqualTo("APPROVER");
        });
        trail.assertEveryChainVerifies();
    }
}
