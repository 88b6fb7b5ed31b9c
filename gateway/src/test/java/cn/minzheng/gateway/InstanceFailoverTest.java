package cn.minzheng.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.embedded.FreePorts;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An instance that died is still listed by discovery for a while (Eureka lease, load-balancer cache);
 * requests the load balancer sends there find its port closed. Here discovery lists two
 * assistance-service instances, one of them a port nobody listens on: every call, whatever its
 * method, still succeeds and reaches the live instance exactly once. Retrying stays safe: a write the
 * service received is never sent twice, whether it answered 5xx or dropped the connection; reads keep
 * their retries; a service whose every instance is dead is still a fast 503 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "minzheng.gateway.rate-limit.enabled=false",
        "resilience4j.timelimiter.configs.default.timeout-duration=1500ms",
        "logging.level.org.apache.kafka=WARN",
})
class InstanceFailoverTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final StandInService LIVE = new StandInService("assistance-service", FreePorts.find()).start();
    /** A port with nothing behind it: connection refused, like a killed instance. */
    static final int DEAD = FreePorts.find();
    static final StandInService ORG_A = new StandInService("org-service", FreePorts.find()).start();
    static final StandInService ORG_B = new StandInService("org-service", FreePorts.find()).start();
    static final int AUDIT_DEAD_1 = FreePorts.find();
    static final int AUDIT_DEAD_2 = FreePorts.find();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        EmbeddedInfra infra = EmbeddedInfra.shared();
        String instances = "spring.cloud.discovery.client.simple.instances.";
        // the dead one first: round robin sends the first call of every pair there
        registry.add(instances + "assistance-service[0].uri", () -> "http://127.0.0.1:" + DEAD);
        registry.add(instances + "assistance-service[1].uri", LIVE::uri);
        registry.add(instances + "org-service[0].uri", ORG_A::uri);
        registry.add(instances + "org-service[1].uri", ORG_B::uri);
        registry.add(instances + "audit-service[0].uri", () -> "http://127.0.0.1:" + AUDIT_DEAD_1);
        registry.add(instances + "audit-service[1].uri", () -> "http://127.0.0.1:" + AUDIT_DEAD_2);
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
        registry.add("minzheng.security.jwk-set-uri", infra::jwkSetUri);
        registry.add("minzheng.security.issuer", infra::issuer);
    }

    @AfterAll
    static void stop() {
        LIVE.stop();
        ORG_A.stop();
        ORG_B.stop();
    }

    @Test
    void everyCallOfEveryMethodSucceedsAndReachesTheLiveInstanceOnce() {
        String clerk = token("clerk-failover", "CLERK");
        double retriesBefore = retries("assistance", "not-connected");
        List<HttpMethod> methods = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE,
                HttpMethod.GET);
        List<Call> calls = new ArrayList<>();
        for (HttpMethod method : methods) {
            for (int i = 0; i < 12; i++) {
                String body = method == HttpMethod.GET ? "" : "{\"applicant\":\"" + "x".repeat(200 + i) + "\"}";
                calls.add(new Call(method, UUID.randomUUID().toString(), body));
            }
        }
        List<Answer> answers = Flux.fromIterable(calls)
                .flatMap(call -> send(call, "/api/v1/assistance/applications", clerk), 6)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(answers).hasSize(calls.size()).allSatisfy(answer -> {
            assertThat(answer.status).as("%s %s", answer.call.method, answer.body).isEqualTo(200);
            JsonNode echo = JSON.readTree(answer.body);
            assertThat(echo.get("method").asString()).isEqualTo(answer.call.method.name());
            // a retried write carries its whole body again
            assertThat(echo.get("bodySize").asInt()).isEqualTo(answer.call.body.length());
        });
        assertThat(LIVE.callIds()).containsExactlyInAnyOrderElementsOf(calls.stream().map(Call::id).toList());
        // the dead instance was really in the rotation: about half the calls went there first
        assertThat(retries("assistance", "not-connected") - retriesBefore).isGreaterThanOrEqualTo(calls.size() / 4.0);
    }

    @Test
    void aWriteTheServiceAnsweredWith5xxIsNotSentAgain() {
        String registrar = token("registrar-5xx", "REGISTRAR");
        Call call = new Call(HttpMethod.POST, UUID.randomUUID().toString(), "{\"name\":\"x\"}");
        Answer answer = send(call, "/api/v1/orgs/organizations/unavailable", registrar).block(Duration.ofSeconds(15));
        assertThat(answer.status).isEqualTo(503);
        assertThat(arrivals(call.id)).isEqualTo(1);
    }

    @Test
    void aWriteWhoseConnectionDroppedAfterSendingIsNotSentAgain() {
        String registrar = token("registrar-drop", "REGISTRAR");
        Call call = new Call(HttpMethod.POST, UUID.randomUUID().toString(), "{\"name\":\"x\"}");
        Answer answer = send(call, "/api/v1/orgs/organizations/drop", registrar).block(Duration.ofSeconds(15));
        assertThat(answer.status).isEqualTo(503);
        assertThat(JSON.readTree(answer.body).get("code").asString()).isEqualTo("GATEWAY_SERVICE_UNAVAILABLE");
        assertThat(arrivals(call.id)).isEqualTo(1);
    }

    @Test
    void readsAreStillRetriedAfter503AndAfterADroppedConnection() {
        String registrar = token("registrar-read-retry", "REGISTRAR");
        Call unavailable = new Call(HttpMethod.GET, UUID.randomUUID().toString(), "");
        assertThat(send(unavailable, "/api/v1/orgs/organizations/unavailable", registrar)
                .block(Duration.ofSeconds(15)).status).isEqualTo(503);
        Call dropped = new Call(HttpMethod.GET, UUID.randomUUID().toString(), "");
        assertThat(send(dropped, "/api/v1/orgs/organizations/drop", registrar)
                .block(Duration.ofSeconds(15)).status).isEqualTo(503);
        // one try and the route's two retries, the first retry on the other instance
        assertThat(arrivals(unavailable.id)).isEqualTo(3);
        assertThat(arrivals(dropped.id)).isEqualTo(3);
        assertThat(ORG_A.callIds()).contains(unavailable.id, dropped.id);
        assertThat(ORG_B.callIds()).contains(unavailable.id, dropped.id);
    }

    @Test
    void aServiceWithEveryInstanceDeadIsStillAFast503Problem() {
        String auditor = token("auditor-all-dead", "AUDITOR");
        Call call = new Call(HttpMethod.POST, UUID.randomUUID().toString(), "{\"from\":1}");
        long started = System.nanoTime();
        Answer answer = send(call, "/api/v1/audit/exports", auditor).block(Duration.ofSeconds(15));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(answer.status).isEqualTo(503);
        assertThat(answer.contentType).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = JSON.readTree(answer.body);
        assertThat(problem.get("code").asString()).isEqualTo("GATEWAY_SERVICE_UNAVAILABLE");
        assertThat(problem.get("detail").asString()).contains("audit-service");
        // refused at once on both instances: one back-off (100 ms), far inside the 1.5 s limit
        assertThat(took).isLessThan(Duration.ofMillis(1500));
    }

    private int arrivals(String callId) {
        return (int) (ORG_A.callIds().stream().filter(callId::equals).count()
                + ORG_B.callIds().stream().filter(callId::equals).count());
    }

    private double retries(String route, String reason) {
        var counter = meters.find("gateway.retries").tag("routeId", route).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private Mono<Answer> send(Call call, String path, String token) {
        WebClient.RequestBodySpec request = WebClient.create("http://127.0.0.1:" + port)
                .method(call.method).uri(path)
                .headers(h -> h.setBearerAuth(token))
                .header("X-Call-Id", call.id);
        WebClient.RequestHeadersSpec<?> withBody = call.body.isEmpty() ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(call.body);
        return withBody.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                .map(body -> new Answer(call, response.statusCode().value(),
                        response.headers().contentType().map(MediaType::toString).orElse(""), body)));
    }

    private static String token(String subject, String... roles) {
        return EmbeddedInfra.shared().mint(subject, "测试用户", List.of(roles), "421303");
    }

    record Call(HttpMethod method, String id, String body) {
    }

    record Answer(Call call, int status, String contentType, String body) {
    }
}
