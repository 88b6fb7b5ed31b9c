package cn.minzheng.gateway;

import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.embedded.FreePorts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One gateway for all integration test classes (same configuration, so Spring reuses the context),
 * in front of three stand-in services and a stand-in console on loopback ports, with the embedded token issuer and Kafka
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
        // every test client is on loopback: 127.0.0.1 acts as the trusted proxy, so a test can speak for
        // a client address of its own through X-Forwarded-For; other loopback addresses are not trusted
        "minzheng.gateway.client-address.trusted-proxies=127.0.0.1/32",
        // the other test classes send ~35 bad tokens from 127.0.0.1 in all: they stay under this
        "minzheng.gateway.invalid-token-limit.capacity=60",
        "minzheng.gateway.invalid-token-limit.refill-tokens=60",
        "minzheng.gateway.invalid-token-limit.refill-period=1m",
        "minzheng.gateway.key-set.refetch-cooldown=10s",
        "logging.level.kafka=WARN",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.state.change.logger=WARN",
})
@Import(GatewayTestSupport.Clocks.class)
public abstract class GatewayTestSupport {

    static final TestClock CLOCK = TestClock.INSTANCE;
    static final KeySetServer KEY_SET = new KeySetServer();

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final StandInService ASSISTANCE = new StandInService("assistance-service", FreePorts.find()).start();
    static final StandInService ORG = new StandInService("org-service", FreePorts.find()).start();
    static final StandInService AUDIT = new StandInService("audit-service", FreePorts.find()).start();
    static final ConsoleStandIn CONSOLE = new ConsoleStandIn(FreePorts.find()).start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        EmbeddedInfra infra = EmbeddedInfra.shared();
        registry.add("GATEWAY_ASSISTANCE_URI", ASSISTANCE::uri);
        registry.add("GATEWAY_ORG_URI", ORG::uri);
        registry.add("GATEWAY_AUDIT_URI", AUDIT::uri);
        registry.add("GATEWAY_CONSOLE_URI", CONSOLE::uri);
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
        registry.add("minzheng.security.jwk-set-uri", KEY_SET::uri);
        registry.add("minzheng.security.issuer", infra::issuer);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
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
