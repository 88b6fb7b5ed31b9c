package cn.minzheng.platform.kit.testapp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Starts the test service on a random loopback port against the shared embedded broker, Mongo-wire
 * server and token issuer; one Spring context for all subclasses.
 */
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.address=127.0.0.1",
                "spring.application.name=kit-test",
                "minzheng.metrics.application-tag=true",
                "minzheng.security.public-paths=/test/**,/api/family/public/**",
                "minzheng.security.route-roles[0].path=/api/family/**",
                "minzheng.security.route-roles[0].roles=AUDITOR,INSPECTOR",
                "spring.http.codecs.max-in-memory-size=4KB",
                "spring.kafka.consumer.group-id=kit-test",
                "minzheng.outbox.collections.cases=" + CaseController.TOPIC,
                "minzheng.outbox.sweep-interval=300ms",
                "minzheng.idempotency.in-flight-lease=30s",
                "minzheng.kafka.consumer.retries=2",
                "minzheng.kafka.consumer.retry-interval=50ms",
                "minzheng.security.refusal-events.enabled=true",
                "minzheng.security.refusal-events.service=assistance",
                "minzheng.clock.adjustable=true",
                "management.opentelemetry.tracing.export.schedule-delay=100ms",
                "minzheng.clock.path=" + WebAppTestBase.CLOCK_PATH
        })
public abstract class WebAppTestBase {

    /** Where the test service's adjustable business clock lives. */
    public static final String CLOCK_PATH = "/api/v1/test/admin/clock";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void issuerProperties(DynamicPropertyRegistry registry) {
        registry.add("minzheng.security.jwk-set-uri", () -> TestInfra.issuer().jwkSetUri());
        registry.add("minzheng.security.issuer", () -> TestInfra.issuer().issuer());
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfra.infra().bootstrapServers());
        registry.add("spring.mongodb.uri", () -> TestInfra.infra().mongoUri("kit_web"));
    }

    protected WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }
}
