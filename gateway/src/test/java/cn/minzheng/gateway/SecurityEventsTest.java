package cn.minzheng.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventSchemaValidator;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every 401, 403 and 429 the gateway answers arrives on gateway.security-events as a CloudEvent: a 403
 * at once, 401 and 429 folded per client and minute (sent when the test clock leaves the minute).
 */
class SecurityEventsTest extends GatewayTestSupport {

    @Test
    void deniedRequestsArePublishedAsSecurityEvents() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String unauthorizedPath = "/api/v1/audit/records/" + marker;
        // a client address of this test's own (127.0.0.1 is the tests' trusted proxy), so the minute's
        // summary for it holds this request only
        String address = "198.51.100." + (1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(254));
        client().get().uri(unauthorizedPath).header("X-Forwarded-For", "2001:db8::" + marker.substring(0, 4) + ", " + address)
                .exchange().expectStatus().isUnauthorized();

        String forbiddenSubject = "citizen-" + marker;
        client().get().uri("/api/v1/audit/records")
                .headers(h -> h.setBearerAuth(EmbeddedInfra.shared().mint(forbiddenSubject, "张三", List.of("CITIZEN"), "421303")))
                .exchange().expectStatus().isForbidden();

        String flooder = "flooder-" + marker;
        String flooderToken = token(flooder, "CITIZEN");
        boolean limited = false;
        for (int i = 0; i < 200 && !limited; i++) {
            limited = client().get().uri("/api/v1/assistance/public/publicity")
                    .headers(h -> h.setBearerAuth(flooderToken))
                    .exchange().returnResult(byte[].class).getStatus().value() == 429;
        }
        assertThat(limited).isTrue();
        CLOCK.advance(Duration.ofSeconds(61));

        List<EventEnvelope> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.GATEWAY_SECURITY_EVENTS));
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ZERO).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(KafkaCloudEvents.fromRecord(record));
                }
                assertThat(find(seen, "minzheng.gateway.security.unauthorized.v1", "path", unauthorizedPath)).as("401 " + seen.size()).isPresent();
                assertThat(find(seen, "minzheng.gateway.security.forbidden.v1", "clientKey", "sub:" + forbiddenSubject)).as("403").isPresent();
                assertThat(find(seen, "minzheng.gateway.security.rate-limited.v1", "clientKey", "sub:" + flooder)).as("429").isPresent();
            });
        }

        for (EventEnvelope event : List.of(
                find(seen, "minzheng.gateway.security.unauthorized.v1", "path", unauthorizedPath).orElseThrow(),
                find(seen, "minzheng.gateway.security.forbidden.v1", "clientKey", "sub:" + forbiddenSubject).orElseThrow(),
                find(seen, "minzheng.gateway.security.rate-limited.v1", "clientKey", "sub:" + flooder).orElseThrow())) {
            assertThat(EventSchemaValidator.shared().validate(event)).as(event.type()).isEmpty();
        }

        EventEnvelope unauthorized = find(seen, "minzheng.gateway.security.unauthorized.v1", "path", unauthorizedPath).orElseThrow();
        JsonNode data = unauthorized.data();
        assertThat(data.get("aggregateType").asString()).isEqualTo("security");
        assertThat(data.get("aggregateId").asString()).isEqualTo("ip:" + address);
        assertThat(data.get("count").asLong()).isEqualTo(1);
        assertThat(data.get("status").asInt()).isEqualTo(401);
        assertThat(data.get("method").asString()).isEqualTo("GET");
        assertThat(data.get("changes").isObject()).isTrue();
        assertThat(data.get("reason").asString()).isNotBlank();
        assertThat(unauthorized.actorId()).isEqualTo(EventEnvelope.ANONYMOUS_ACTOR);
        assertThat(unauthorized.source()).isEqualTo("/minzheng/gateway");
        assertThat(unauthorized.key()).isEqualTo("ip:" + address);
        assertThat(unauthorized.traceparent()).isNotNull();

        EventEnvelope forbidden = find(seen, "minzheng.gateway.security.forbidden.v1", "clientKey", "sub:" + forbiddenSubject).orElseThrow();
        assertThat(forbidden.actorId()).isEqualTo(forbiddenSubject);
        assertThat(forbidden.actorRole()).isEqualTo("CITIZEN");
        assertThat(forbidden.regionCode()).isEqualTo("421303");
        assertThat(forbidden.data().get("status").asInt()).isEqualTo(403);
        assertThat(forbidden.data().get("reason").asString()).contains("AUDITOR");

        EventEnvelope limitedEvent = find(seen, "minzheng.gateway.security.rate-limited.v1", "clientKey", "sub:" + flooder).orElseThrow();
        assertThat(limitedEvent.data().get("status").asInt()).isEqualTo(429);
        assertThat(limitedEvent.data().get("path").asString()).isEqualTo("/api/v1/assistance/public/publicity");
    }

    @Test
    void kafkaDownChangesNoAnswer() {
        EmbeddedInfra.shared().kafka().stop();
        try {
            // more denials than the event buffer (50 in these tests) holds: each is still answered, as before.
            // One subject per request keeps the callers apart in the rate limiter.
            for (int i = 0; i < 120; i++) {
                String citizen = token("down-" + i, "CITIZEN");
                client().get().uri("/api/v1/audit/records")
                        .headers(h -> h.setBearerAuth(citizen))
                        .exchange()
                        .expectStatus().isForbidden()
                        .expectHeader().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
            }
        } finally {
            EmbeddedInfra.shared().kafka().restart();
        }
    }

    private static Optional<EventEnvelope> find(List<EventEnvelope> events, String type, String field, String value) {
        return events.stream()
                .filter(e -> e.type().equals(type))
                .filter(e -> e.data().has(field) && value.equals(e.data().get(field).asString()))
                .findFirst();
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "gateway-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }
}
