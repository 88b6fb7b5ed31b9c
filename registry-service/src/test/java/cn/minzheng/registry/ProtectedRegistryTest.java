package cn.minzheng.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The registry as it runs outside the local stack: a password on dashboard and API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.security.user.name=ops", "spring.security.user.password=s3cret",
                // read straight from the registry, not the 30 s response cache, so a cancel shows at once
                "eureka.server.use-read-only-response-cache=false"})
class ProtectedRegistryTest {

    @LocalServerPort
    int port;

    @Test
    void dashboardAsksForAPasswordAndOpensWithIt() {
        var anonymous = new EurekaRestClient(port, null, null).get("/");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

        assertThat(new EurekaRestClient(port, "ops", "wrong").get("/").statusCode()).isEqualTo(401);

        var operator = new EurekaRestClient(port, "ops", "s3cret").get("/");
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).contains("Eureka");
    }

    @Test
    void clientsWithoutCredentialsCannotRegister() {
        var anonymous = new EurekaRestClient(port, null, null);
        assertThat(anonymous.register("INTRUDER", "intruder:1", 9999).statusCode()).isEqualTo(401);
        assertThat(anonymous.application("INTRUDER").statusCode()).isEqualTo(401);
    }

    @Test
    void clientsWithCredentialsRegisterTwoCopiesSideBySide() {
        var client = new EurekaRestClient(port, "ops", "s3cret");
        assertThat(client.register("ASSISTANCE-SERVICE", "assistance-service:a1", 18081).statusCode()).isEqualTo(204);
        assertThat(client.register("ASSISTANCE-SERVICE", "assistance-service:b2", 18091).statusCode()).isEqualTo(204);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var app = client.application("ASSISTANCE-SERVICE");
            assertThat(app.statusCode()).isEqualTo(200);
            assertThat(app.body()).contains("assistance-service:a1", "assistance-service:b2");
        });

        assertThat(client.cancel("ASSISTANCE-SERVICE", "assistance-service:a1").statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(client.application("ASSISTANCE-SERVICE").body())
                        .doesNotContain("assistance-service:a1").contains("assistance-service:b2"));
    }

    @Test
    void healthIsOpenForProbes() {
        var health = new EurekaRestClient(port, null, null).get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }

    @Test
    void prometheusScrapesWithoutThePassword() {
        var metrics = new EurekaRestClient(port, null, null).get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }
}
