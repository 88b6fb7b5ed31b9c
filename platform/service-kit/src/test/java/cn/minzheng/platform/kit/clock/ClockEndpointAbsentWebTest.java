package cn.minzheng.platform.kit.clock;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.kit.testapp.KitTestApplication;
import cn.minzheng.platform.kit.testapp.TestInfra;
import cn.minzheng.platform.kit.testapp.WebAppTestBase;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A service that is not adjustable (production, compose): the clock path does not exist, even for ADMIN. */
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.address=127.0.0.1",
                "spring.application.name=kit-test-fixed-clock",
                "spring.kafka.consumer.group-id=kit-test-fixed-clock",
                "minzheng.outbox.sweep-enabled=false",
                "minzheng.clock.offset=P3D",
                "minzheng.clock.path=" + WebAppTestBase.CLOCK_PATH
        })
class ClockEndpointAbsentWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("minzheng.security.jwk-set-uri", () -> TestInfra.issuer().jwkSetUri());
        registry.add("minzheng.security.issuer", () -> TestInfra.issuer().issuer());
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfra.infra().bootstrapServers());
        registry.add("spring.mongodb.uri", () -> TestInfra.infra().mongoUri("kit_fixed_clock"));
    }

    @Test
    void theClockPathIsAnUnknownPathEvenForAnAdmin() {
        String admin = TestInfra.issuer().mint("admin-prod", "管理员", List.of("ADMIN"), null);
        var client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();

        client.get().uri(WebAppTestBase.CLOCK_PATH).headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("no-route");
        client.post().uri(WebAppTestBase.CLOCK_PATH).headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"advanceBy\":\"P8D\"}").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("no-route");

        assertThat(((BusinessClock) clock).offset()).hasDays(3);
    }

    @Test
    void theFixedOffsetStillShowsOnTheGauge() {
        var client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        String scrape = client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).contains("minzheng_clock_offset_seconds 259200.0");
    }
}
