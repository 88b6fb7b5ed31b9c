package cn.minzheng.assistance.web;

import cn.minzheng.platform.embedded.EmbeddedInfra;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One running service per test JVM (random port) against the shared embedded Kafka, Mongo-wire server
 * and token issuer; real tokens on every request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {cn.minzheng.assistance.AssistanceServiceApplication.class, ServiceTestBase.Clocks.class})
@ActiveProfiles("test")
public abstract class ServiceTestBase {
    /** 2026-09-01 09:00 in China: a Tuesday, before 中秋/国庆, so deadlines cross holidays. */
    static final MutableClock CLOCK = new MutableClock(
            ZonedDateTime.of(2026, 9, 1, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant());
    static final String DB = "assistance-test-" + UUID.randomUUID().toString().substring(0, 8);

    @LocalServerPort
    int port;
    protected WebTestClient http;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra infra = EmbeddedInfra.shared();
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> infra.mongoUri(DB));
        registry.add("minzheng.security.jwk-set-uri", infra::jwkSetUri);
        registry.add("minzheng.security.issuer", infra::issuer);
        registry.add("minzheng.assistance.economic-check.base-url", FakeCheckPlatform::baseUrl);
        registry.add("minzheng.assistance.economic-check.time-limit", () -> "500ms");
        registry.add("minzheng.assistance.economic-check.window-size", () -> "4");
        registry.add("minzheng.assistance.economic-check.open-for", () -> "60s");
    }

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    protected static String token(String sub, String role, String region) {
        return EmbeddedInfra.shared().mint(sub, sub, List.of(role), region);
    }

    /** Every record on assistance.events so far (a fresh consumer reading from the beginning). */
    protected static List<ConsumerRecord<String, byte[]>> allEvents() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.shared().bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = consumer.partitionsFor("assistance.events", Duration.ofSeconds(5)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 10_000;
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> post(String path, String token, Object body, Object version) {
        return http.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> submitted(String citizenToken, Map<String, Object> body) {
        return http.post().uri("/api/v1/assistance/applications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + citizenToken)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Acceptance, home visit, check, opinion, 公示 and (7 days later) its completion: the case awaits the decision. */
    protected Map<String, Object> awaitingDecision(Map<String, Object> submitted, String clerk, boolean recommend) {
        String base = "/api/v1/assistance/applications/" + submitted.get("number");
        Map<String, Object> c = post(base + "/acceptance", clerk, Map.of(), submitted.get("version"));
        c = post(base + "/home-visits", clerk, Map.of("staffIds", List.of("a", "b"), "findings", "ok"), c.get("version"));
        c = post(base + "/economic-checks", clerk, Map.of("summary", "ok", "incomeConfirmed", true), c.get("version"));
        c = post(base + "/opinion", clerk, Map.of("recommendApproval", recommend, "reason", "ok"), c.get("version"));
        c = post(base + "/publicity", clerk, Map.of(), c.get("version"));
        CLOCK.advance(Duration.ofDays(7));
        return post(base + "/publicity/completion", clerk, Map.of(), c.get("version"));
    }

    protected String activeCase(int seq, String citizen, String clerk, String approver) {
        Map<String, Object> c = awaitingDecision(
                submitted(token(citizen, "CITIZEN", "421303001"), Requests.dibao(seq, "600.00")), clerk, true);
        c = post("/api/v1/assistance/applications/" + c.get("number") + "/decision", approver, Map.of("approve", true),
                c.get("version"));
        assertThat(c.get("status")).isEqualTo("ACTIVE");
        return (String) c.get("number");
    }

    /**
     * The events of one case in publication order, each once: delivery is at-least-once, so a record
     * may repeat (consumers dedupe on the event id, and so does this).
     */
    protected static List<cn.minzheng.platform.events.EventEnvelope> eventsOf(String subject) {
        java.util.Map<String, cn.minzheng.platform.events.EventEnvelope> byId = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : allEvents()) {
            cn.minzheng.platform.events.EventEnvelope e = cn.minzheng.platform.events.KafkaCloudEvents.fromRecord(r);
            if (e.subject().equals(subject)) {
                byId.putIfAbsent(e.id(), e);
            }
        }
        return List.copyOf(byId.values());
    }

    static Instant now() {
        return CLOCK.instant();
    }
}
