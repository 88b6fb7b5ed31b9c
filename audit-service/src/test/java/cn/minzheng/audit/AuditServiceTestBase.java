package cn.minzheng.audit;

import cn.minzheng.audit.checkpoint.PublicKeys;
import cn.minzheng.audit.checkpoint.SigningKey;
import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.KafkaCloudEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One Spring context for every adapter and web test of the module, against the shared embedded
 * Kafka broker, Mongo-wire server and token issuer. Each test uses its own topics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class AuditServiceTestBase {

    protected static final Path KEY_DIR;
    /** A key "rotated out" before the tests: its public key is configured as retired. */
    protected static final SigningKey RETIRED_KEY = SigningKey.generate();
    /** The record key file, created by the service at its first start (owner-only). */
    protected static final Path RECORD_KEY_FILE;
    private static KafkaProducer<String, byte[]> producer;

    static {
        try {
            KEY_DIR = Files.createTempDirectory("audit-key");
            RECORD_KEY_FILE = KEY_DIR.resolve("record-key");
            Files.writeString(KEY_DIR.resolve("retired-1.pem"), PublicKeys.toPem(RETIRED_KEY.publicKey()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra infra = EmbeddedInfra.shared();
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> infra.mongoUri("audit"));
        registry.add("minzheng.security.jwk-set-uri", infra::jwkSetUri);
        registry.add("minzheng.security.issuer", infra::issuer);
        registry.add("minzheng.audit.checkpoint.key-file", () -> KEY_DIR.resolve("signing-key.pem").toString());
        registry.add("minzheng.audit.record-key.file", () -> RECORD_KEY_FILE.toString());
        registry.add("minzheng.audit.record-key.generate-if-missing", () -> "true");
        registry.add("minzheng.audit.checkpoint.retired-public-keys[0]",
                () -> KEY_DIR.resolve("retired-1.pem").toString());
    }

    protected WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * The value of one series on {@code /actuator/prometheus}: metric {@code name} with every given
     * label ({@code key="value"} pairs); empty when absent.
     */
    protected OptionalDouble scrape(String name, String... labels) {
        // the page grows with every topic the shared context's tests create (per-topic Kafka client
        // metrics): read it without the 256 KB default buffer limit
        WebTestClient pages = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
                .responseTimeout(Duration.ofSeconds(30)).build();
        String page = pages.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return page.lines()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> Arrays.stream(labels).allMatch(label -> l.contains(label)))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    protected static String token(String sub, List<String> roles, String region) {
        return EmbeddedInfra.shared().mint(sub, sub, roles, region);
    }

    protected static String auditor(String region) {
        return token("auditor-" + region, List.of("AUDITOR"), region);
    }

    protected static String admin() {
        return token("admin-1", List.of("ADMIN"), "421303");
    }

    protected static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.shared().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    // a topic created a moment ago may answer "not leader" once; the idempotent
                    // producer then loops on out-of-order sequences against the embedded broker.
                    // Duplicates from plain retries are exactly what ingest must absorb anyway.
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                    ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @AfterAll
    static void flushProducer() {
        if (producer != null) {
            producer.flush();
        }
    }

    /** A realistic event of a case of {@code region}. */
    protected static EventEnvelope event(String type, String subject, String region, String from, String to,
            String reason, Instant time) {
        return EventEnvelope.builder(type).subject(subject).actor("clerk-" + region, "CLERK").regionCode(region)
                .time(time).aggregateVersion(1)
                .data(EventData.of(subject, "application").transition(from, to).reason(reason)).build();
    }

    protected static void send(String topic, EventEnvelope event) {
        send(KafkaCloudEvents.toRecord(topic, event));
    }

    protected static void send(ProducerRecord<String, byte[]> record) {
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void createTopic(String topic, int partitions) {
        EmbeddedInfra.shared().kafka().createTopics(topic, partitions);
    }
}
