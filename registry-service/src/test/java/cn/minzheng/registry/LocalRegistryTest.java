package cn.minzheng.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The registry in the local stack: open, self-preservation off. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class LocalRegistryTest {

    @LocalServerPort
    int port;

    @Value("${eureka.server.enable-self-preservation}")
    boolean selfPreservation;

    @Test
    void dashboardAndApiAreOpenLocally() {
        var anonymous = new EurekaRestClient(port, null, null);
        assertThat(anonymous.get("/").statusCode()).isEqualTo(200);
        assertThat(anonymous.register("ORG-SERVICE", "org-service:x", 18082).statusCode()).isEqualTo(204);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(anonymous.application("ORG-SERVICE").body()).contains("org-service:x"));
    }

    @Test
    void selfPreservationIsOffLocally() {
        assertThat(selfPreservation).isFalse();
    }
}
