package cn.minzheng.systemtests.faults;

import java.time.Duration;
import java.time.Instant;

import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Components;
import cn.minzheng.systemtests.platform.Platform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service stopped (its JVM killed): the gateway answers a 503 problem naming it within the
 * gateway's time limit, never a hang; after the service is started again, requests succeed again.
 */
@Tag("fault")
@Order(11)
class ServiceOutageTest {

    /** The gateway's per-service time limit (gateway README: {@code GATEWAY_TIME_LIMIT}, 5 s) plus the network. */
    static final Duration LIMIT = Duration.ofSeconds(7);
    static final String PATH = "/api/v1/orgs/applications";
    /** Consecutive successful requests that count as "serving again". */
    static final int RECOVERED_AFTER = 10;

    @Test
    void theGatewayAnswers503WhileOrgServiceIsDownAndServesAgainAfterTheRestart() {
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        String registrar = new Tokens(platform).of("outage-registrar", "REGISTRAR", "421303");
        assertThat(gateway.get(PATH).token(registrar).send().status()).isEqualTo(200);

        Components.Stopped org = platform.components().stop(Components.Component.ORG, true);
        try {
            for (int i = 0; i < 3; i++) {
                Instant sent = Instant.now();
                Answer answer = gateway.get(PATH).token(registrar).once();
                Duration took = Duration.between(sent, Instant.now());
                assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
                assertThat(answer.isProblem()).as(answer.toString()).isTrue();
                assertThat(answer.text("code")).isEqualTo("GATEWAY_SERVICE_UNAVAILABLE");
                assertThat(answer.text("detail")).contains("org-service");
                assertThat(took).as("answered within the time limit").isLessThan(LIMIT);
            }
            // the other services are not affected
            Answer other = gateway.get("/api/v1/assistance/standards")
                    .token(new Tokens(platform).of("outage-clerk", "CLERK", "421303001")).send();
            assertThat(other.status()).as(other.toString()).isEqualTo(200);
        } finally {
            platform.components().start(org);
        }
        // back means back for good: the gateway's breaker may need a few probes to close again
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (int i = 0; i < RECOVERED_AFTER; i++) {
                Answer answer = gateway.get(PATH).token(registrar).once();
                assertThat(answer.status()).as("request %d after the restart: %s", i + 1, answer).isEqualTo(200);
            }
        });
    }
}
