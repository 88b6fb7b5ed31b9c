package cn.minzheng.systemtests.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import cn.minzheng.systemtests.fixtures.Cases;
import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.fixtures.Trail;
import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 4: people outside a case are refused. A clerk of another township, a citizen who is not
 * the applicant and an auditor of another region each get a 403 problem; none of them sees the
 * case; the case is unchanged. Refusals the gateway answers are security events in the trail.
 */
@Tag("scenario")
@Order(2)
class AccessTest {

    static Gateway gateway;
    static Tokens tokens;
    static Cases cases;
    static Trail trail;
    static String owner;
    static String number;
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void aCaseOfOneCitizen() {
        Platform platform = Platform.get();
        gateway = Gateway.of(platform);
        tokens = new Tokens(platform);
        cases = new Cases(gateway);
        trail = new Trail(gateway, tokens.of("access-admin", "ADMIN", null));
        owner = tokens.of("access-owner-" + RUN, "CITIZEN", Households.TOWNSHIP);
        number = cases.submit(owner, Households.dibao("900.00"));
    }

    @Test
    @Order(1)
    void aClerkOfAnotherTownshipIsRefusedTheQueueAndDoesNotSeeTheCase() {
        String clerk = tokens.of("access-clerk-far-" + RUN, "CLERK", "421303002");
        Answer queue = gateway.get(Cases.APPLICATIONS + "?region=" + Households.TOWNSHIP).token(clerk).send();
        assertForbiddenProblem(queue);
        Answer read = cases.read(number, clerk);
        assertThat(read.status()).as("the case is not disclosed: " + read).isIn(403, 404);
        assertThat(read.isProblem()).as(read.toString()).isTrue();
        Answer accept = gateway.post(Cases.APPLICATIONS + "/" + number + "/acceptance").token(clerk).ifMatch(1)
                .json("{}").send();
        assertThat(accept.status()).as(accept.toString()).isIn(403, 404);
        assertThat(statusSeenByOwner()).isEqualTo("SUBMITTED");
    }

    @Test
    @Order(2)
    void aCitizenWhoIsNotTheApplicantIsRefused() {
        String other = tokens.of("access-citizen-other-" + RUN, "CITIZEN", Households.TOWNSHIP);
        Answer read = cases.read(number, other);
        assertThat(read.status()).as("the case is not disclosed: " + read).isIn(403, 404);
        assertThat(read.isProblem()).as(read.toString()).isTrue();
        Answer withdraw = gateway.post(Cases.APPLICATIONS + "/" + number + "/withdrawal").token(other).ifMatch(1)
                .json("{\"reason\":\"不是我的\"}").send();
        assertThat(withdraw.status()).as(withdraw.toString()).isIn(403, 404);
        // the case's trail is for auditors only: the gateway refuses and records it
        Answer timeline = gateway.get("/api/v1/audit/timeline/" + number).token(other).send();
        assertForbiddenProblem(timeline);
        assertThat(timeline.text("code")).isEqualTo("GATEWAY_FORBIDDEN");
        assertThat(statusSeenByOwner()).isEqualTo("SUBMITTED");
        assertSecurityEventRecorded("access-citizen-other-" + RUN);
    }

    @Test
    @Order(3)
    void anAuditorOfAnotherRegionIsRefused() {
        String auditor = tokens.of("access-auditor-far-" + RUN, "AUDITOR", "110105");
        Answer search = gateway.get("/api/v1/audit/records?region=" + Households.COUNTY).token(auditor).send();
        assertForbiddenProblem(search);
        Answer read = cases.read(number, auditor);
        assertThat(read.status()).as("the case is not disclosed: " + read).isIn(403, 404);
        Answer timeline = gateway.get("/api/v1/audit/timeline/" + number).token(auditor).send();
        assertThat(timeline.status()).as("the case's trail is not disclosed: " + timeline).isIn(403, 404);
        assertThat(timeline.body()).doesNotContain(number + "\",\"actorId");
    }

    @Test
    @Order(4)
    void aClerkCallingTheAuditApiIsRefusedAtTheGatewayAndTheRefusalIsInTheTrail() {
        String sub = "access-clerk-snoop-" + RUN;
        Answer answer = gateway.get("/api/v1/audit/records?subject=" + number)
                .token(tokens.of(sub, "CLERK", Households.TOWNSHIP)).send();
        assertForbiddenProblem(answer);
        assertThat(answer.text("code")).isEqualTo("GATEWAY_FORBIDDEN");
        assertSecurityEventRecorded(sub);
    }

    private static void assertSecurityEventRecorded(String sub) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<JsonNode> events = trail.records("type=minzheng.gateway.security.forbidden.v1&actor=" + Trail.encode(sub));
            assertThat(events).as("forbidden events of " + sub + " in the trail").isNotEmpty();
            assertThat(events.get(0).path("subject").asString()).isEqualTo("sub:" + sub);
        });
    }

    private static String statusSeenByOwner() {
        Answer mine = cases.read(number, owner);
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        return mine.text("status");
    }

    static void assertForbiddenProblem(Answer answer) {
        assertThat(answer).isNotNull();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(answer.json().path("status").asInt()).isEqualTo(403);
    }
}
