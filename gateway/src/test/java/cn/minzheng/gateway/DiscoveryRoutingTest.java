package cn.minzheng.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.embedded.FreePorts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Without the URI overrides the routes use {@code lb://<service>}: the load balancer resolves the name
 * through service discovery (here the simple discovery client standing in for Eureka) and spreads
 * calls over the instances.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "logging.level.org.apache.kafka=WARN",
})
class DiscoveryRoutingTest {

    static final StandInService FIRST = new StandInService("org-service", FreePorts.find()).start();
    static final StandInService SECOND = new StandInService("org-service", FreePorts.find()).start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        EmbeddedInfra infra = EmbeddedInfra.shared();
        registry.add("spring.cloud.discovery.client.simple.instances.org-service[0].uri", FIRST::uri);
        registry.add("spring.cloud.discovery.client.simple.instances.org-service[1].uri", SECOND::uri);
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
        registry.add("minzheng.security.jwk-set-uri", infra::jwkSetUri);
        registry.add("minzheng.security.issuer", infra::issuer);
    }

    @AfterAll
    static void stop() {
        FIRST.stop();
        SECOND.stop();
    }

    @Test
    void lbRoutesReachEveryDiscoveredInstance() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
        String token = EmbeddedInfra.shared().mint("registrar-lb", "王五", List.of("REGISTRAR"), "421303");
        for (int i = 0; i < 6; i++) {
            client.get().uri("/api/v1/orgs/organizations").headers(h -> h.setBearerAuth(token))
                    .exchange().expectStatus().isOk();
        }
        assertThat(FIRST.requests()).isPositive();
        assertThat(SECOND.requests()).isPositive();
        assertThat(FIRST.requests() + SECOND.requests()).isEqualTo(6);
    }
}
