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

    static Instant now() {
        return CLOCK.instant();
    }
}
