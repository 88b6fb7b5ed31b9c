package cn.minzheng.gateway;

import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.embedded.FreePorts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One gateway for all integration test classes (same configuration, so Spring reuses the context),
 * in front of three stand-in services on loopback ports, with the embedded token issuer and Kafka
 * broker. Requests go over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "spring.cloud.discovery.enabled=false",
        "resilience4j.timelimiter.configs.default.timeout-duration=1500ms",
        "minzheng.gateway.rate-limit.capacity=30",
        "minzheng.gateway.rate-limit.refill-tokens=30",
        "minzheng.gateway.rate-limit.refill-period=1s",
        "minzheng.gateway.max-body-size=1KB",
        "minzheng.gateway.security-events.buffer-capacity=50",
        "logging.level.kafka=WARN",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.state.change.logger=WARN",
})
public abstract class GatewayTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final StandInService ASSISTANCE = new StandInService("assistance-service", FreePorts.find()).start();
    static final StandInService ORG = new StandInService("org-service", FreePorts.find()).start();
    static final StandInService AUDIT = new StandInService("audit-service", FreePorts.find()).start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        EmbeddedInfra infra = EmbeddedInfra.shared();
        registry.add("GATEWAY_ASSISTANCE_URI", ASSISTANCE::uri);
        registry.add("GATEWAY_ORG_URI", ORG::uri);
        registry.add("GATEWAY_AUDIT_URI", AUDIT::uri);
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
        registry.add("minzheng.security.jwk-set-uri", infra::jwkSetUri);
        registry.add("minzheng.security.issuer", infra::issuer);
    }

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
    }

    static String token(String subject, String... roles) {
        return EmbeddedInfra.shared().mint(subject, "测试用户", List.of(roles), "421303");
    }

    static JsonNode json(byte[] body) {
        return JSON.readTree(body);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> headersSeenBy(byte[] echo) {
        return JSON.convertValue(json(echo).get("headers"), Map.class);
    }
}
