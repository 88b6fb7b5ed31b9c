package cn.minzheng.org;

import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventSchemaValidator;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * One Spring context for all web tests of the module, against the real embedded Kafka broker,
 * Mongo-wire server and token issuer shared by the test JVM. A background consumer collects every
 * record of {@code org.events} so tests can look for theirs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "spring.cloud.discovery.enabled=false",
        "minzheng.outbox.sweep-interval=PT2S",
        "minzheng.org.credit-lists.sweep-enabled=false",
        // 执法检查人员名录 of the spot-check tests' authorities (SpotCheckApiTest): 回避 by credit code (ORG-SC-03's)
        // and by the legal representative's 身份证 (ORG-SC-05's); 421321 has too few inspectors to draw
        "minzheng.org.spot-check-inspectors[421381][0].id=sc-inspector-1",
        "minzheng.org.spot-check-inspectors[421381][0].conflicts-with[0]=51421381MJ00TTEH5A",
        "minzheng.org.spot-check-inspectors[421381][1].id=sc-inspector-2",
        "minzheng.org.spot-check-inspectors[421381][2].id=sc-inspector-3",
        "minzheng.org.spot-check-inspectors[421381][2].conflicts-with[0]=421381198001011005",
        "minzheng.org.spot-check-inspectors[421381][3].id=sc-inspector-4",
        "minzheng.org.spot-check-inspectors[421321][0].id=sc-lonely-inspector"})
public abstract class OrgServiceTestBase {
    protected static final String COUNTY = "421303";
    protected static final List<EventEnvelope> EVENTS = new CopyOnWriteArrayList<>();
    protected static final List<String> KEYS = new CopyOnWriteArrayList<>();
    private static volatile Thread consumerThread;
    private static volatile boolean consuming;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra infra = EmbeddedInfra.shared();
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> infra.mongoUri("org"));
        registry.add("minzheng.security.jwk-set-uri", infra::jwkSetUri);
        registry.add("minzheng.security.issuer", infra::issuer);
    }

    @BeforeAll
    static synchronized void startConsumer() {
        if (consumerThread != null) {
            return;
        }
        EmbeddedInfra.shared().kafka().createTopics(Map.of(Topics.ORG_EVENTS, 3));
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.shared().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "org-service-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.ORG_EVENTS));
        consuming = true;
        consumerThread = new Thread(() -> {
            try (consumer) {
                while (consuming) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        EVENTS.add(KafkaCloudEvents.fromRecord(r));
                        KEYS.add(r.key());
                    }
                }
            }
        }, "org-events-test-consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> consuming = false));
    }

    @AfterAll
    static void keepConsumerForOtherClasses() {
        // the consumer lives as long as the JVM's shared context; stopped by the shutdown hook
    }

    protected WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(20)).build();
    }

    protected static String token(String subject, String role, String region) {
        return EmbeddedInfra.shared().mint(subject, subject, List.of(role), region);
    }

    /** Waits for an event matching {@code match}, validates it against its schema and returns it. */
    protected static EventEnvelope awaitEvent(Predicate<EventEnvelope> match) {
        EventEnvelope[] found = new EventEnvelope[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            found[0] = EVENTS.stream().filter(match).findFirst().orElse(null);
            return found[0] != null;
        });
        EventSchemaValidator.shared().assertValid(found[0]);
        return found[0];
    }
}
