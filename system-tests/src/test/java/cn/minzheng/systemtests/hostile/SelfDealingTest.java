package cn.minzheng.systemtests.hostile;

import java.time.Duration;
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
import cn.minzheng.systemtests.report.RunSummary;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14 item 7, 回避 and where refusals are recorded: a person holding CITIZEN and APPROVER cannot
 * decide their own case, one holding CITIZEN and CLERK cannot accept their own, nor the case of another
 * household that lists them as a member (403 {@code own-household-case}); the cases are unchanged. A
 * clerk of another township probing this township's work queue is refused and recorded under the
 * probed region, so the township's auditors see the probe; so are the 回避 refusals (under the case's).
 */
@Tag("hostile")
@Order(27)
class SelfDealingTest {

    static final String REFUSED = "minzheng.assistance.security.forbidden.v1";

    @Test
    void nobodyDecidesTheirOwnCaseAndRefusalsAreRecordedUnderTheCasesRegion() {
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        Tokens tokens = new Tokens(platform);
        Cases cases = new Cases(gateway);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String approverSub = "selfdealing-approver-" + run;
        String clerkSub = "selfdealing-clerk-" + run;
        String farClerkSub = "selfdealing-far-clerk-" + run;
        String approver = tokens.of(approverSub, List.of("CITIZEN", "APPROVER"), Households.TOWNSHIP);
        String clerk = tokens.of(clerkSub, List.of("CITIZEN", "CLERK"), Households.TOWNSHIP);
        String farClerk = tokens.of(farClerkSub, "CLERK", "421303002");
        String neighbour = tokens.of("selfdealing-neighbour-" + run, "CITIZEN", Households.TOWNSHIP);
        // the township's auditor: sees what is recorded under 421303001…, not what is recorded under 421303002
        Trail trail = new Trail(gateway, tokens.of("selfdealing-auditor-" + run, "AUDITOR", Households.TOWNSHIP));

        String approversCase = cases.submit(approver, Households.dibao("650.00"));
        String clerkSelf = Households.idNumber(1970);
        String clerksCase = cases.submit(clerk, Households.dibao(clerkSelf, Households.idNumber(1971), Households.idNumber(2001), "640.00"));
        // another household that lists the clerk as a member
        String neighboursCase = cases.submit(neighbour, Households.dibao(Households.idNumber(1969), clerkSelf,
                Households.idNumber(2002), "630.00"));

        List<Answer> selfDealing = List.of(
                cases.tryCommand(approversCase, "decision", approver, Map.of("approve", true, "unstableIncome", false)),
                cases.tryCommand(clerksCase, "acceptance", clerk, Map.of()),
                cases.tryCommand(neighboursCase, "acceptance", clerk, Map.of()),
                cases.tryCommand(neighboursCase, "non-acceptance", clerk, Map.of("reason", "不符合条件")));
        for (Answer a : selfDealing) {
            RunSummary.hostileInputTried();
            assertThat(a.status()).as(a.toString()).isEqualTo(403);
            assertThat(a.isProblem()).as(a.toString()).isTrue();
            assertThat(a.text("code")).as(a.toString()).isEqualTo("own-household-case");
        }
        // a clerk of another township probes this township's queue (refused, recorded under the probed region) and the case
        Answer probe = gateway.get(Cases.APPLICATIONS + "?region=" + Households.TOWNSHIP).token(farClerk).send();
        Answer far = gateway.post(Cases.APPLICATIONS + "/" + neighboursCase + "/acceptance").token(farClerk).ifMatch(1).json("{}").send();
        RunSummary.hostileInputTried();
        RunSummary.hostileInputTried();
        assertThat(probe.status()).as("the queue of another township: " + probe).isEqualTo(403);
        assertThat(far.status()).as("a case of another township: " + far).isIn(403, 404);

        int unchanged = 0;
        for (String[] c : List.of(new String[] {approversCase, approver}, new String[] {clerksCase, clerk},
                new String[] {neighboursCase, neighbour})) {
            Answer view = cases.read(c[0], c[1]);
            assertThat(view.text("status")).as(view.toString()).isEqualTo("SUBMITTED");
            unchanged += "SUBMITTED".equals(view.text("status")) ? 1 : 0;
        }
        RunSummary.records(3, 3 - unchanged, 0);

        await("the refusals in the trail of the township").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    for (String sub : List.of(approverSub, clerkSub, farClerkSub)) {
                        List<JsonNode> refusals = trail.records("type=" + REFUSED + "&actor=" + Trail.encode(sub));
                        assertThat(refusals).as("refusals of " + sub + " seen by the township's auditor").isNotEmpty();
                        refusals.forEach(r -> assertThat(r.path("regionCode").asString()).startsWith(Households.TOWNSHIP));
                    }
                });
    }
}
