package cn.minzheng.systemtests.observability;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
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
 * One trace from the gateway to the audit trail (issue 9): a client sends a W3C {@code traceparent}
 * to the gateway; the service continues that trace, the event it publishes carries it in its record
 * headers, and audit-service stores it with the record, so an auditor can go from a trail entry to
 * the trace. A request without a traceparent gets one from the gateway, and its events share it.
 */
@Tag("observability")
@Order(6)
class TraceThroughTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void theTraceIdAClientSendsIsStoredWithTheAuditRecordOfTheEventItCaused() {
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        Tokens tokens = new Tokens(platform);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String citizen = tokens.of("trace-citizen-" + run, "CITIZEN", Households.TOWNSHIP);
        String auditor = tokens.of("trace-auditor-" + run, "AUDITOR", Households.COUNTY);

        String traceId = hex(16);
        String traceparent = "00-" + traceId + "-" + hex(8) + "-01";
        Answer submitted = gateway.post(Cases.APPLICATIONS).token(citizen)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("traceparent", traceparent)
                .json(Households.dibao("900.00")).send();
        assertThat(submitted.status()).as(submitted.toString()).isIn(200, 201);
        String number = submitted.text("number");

        Trail trail = new Trail(gateway, auditor);
        JsonNode record = awaitRecord(trail, number, "minzheng.assistance.application.submitted.v1");
        assertThat(record.path("traceId").asString())
                .as("the audit record of the submission carries the client's trace id: " + record)
                .isEqualTo(traceId);
    }

    @Test
    void withoutATraceparentTheGatewayStartsOneAndTheCaseKeepsItAcrossItsEvents() {
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        Tokens tokens = new Tokens(platform);
        Cases cases = new Cases(gateway);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String citizen = tokens.of("trace2-citizen-" + run, "CITIZEN", Households.TOWNSHIP);
        String clerk = tokens.of("trace2-clerk-" + run, "CLERK", Households.TOWNSHIP);
        String auditor = tokens.of("trace2-auditor-" + run, "AUDITOR", Households.COUNTY);

        String number = cases.submit(citizen, Households.dibao("900.00"));
        cases.command(number, "supplement-request", clerk, Map.of("missingItems", List.of("户口簿")));

        Trail trail = new Trail(gateway, auditor);
        JsonNode submittedRecord = awaitRecord(trail, number, "minzheng.assistance.application.submitted.v1");
        JsonNode askedRecord = awaitRecord(trail, number, "minzheng.assistance.application.supplement-requested.v1");
        String first = submittedRecord.path("traceId").asString();
        String second = askedRecord.path("traceId").asString();
        assertThat(first).as("a trace id the gateway started: " + submittedRecord).matches("[0-9a-f]{32}");
        assertThat(second).as("a trace id the gateway started: " + askedRecord).matches("[0-9a-f]{32}");
        assertThat(second).as("two requests are two traces").isNotEqualTo(first);
    }

    private static JsonNode awaitRecord(Trail trail, String subject, String type) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<JsonNode> records = trail.records("subject=" + Trail.encode(subject) + "&type=" + Trail.encode(type));
            assertThat(records).as(type + " of " + subject + " in the trail").hasSize(1);
            found[0] = records.get(0);
        });
        return found[0];
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        b[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(b);
    }
}
