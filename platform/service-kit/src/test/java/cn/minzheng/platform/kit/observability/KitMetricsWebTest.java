package cn.minzheng.platform.kit.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.platform.events.Topics;
import cn.minzheng.platform.kit.testapp.RecordingListener;
import cn.minzheng.platform.kit.testapp.TestInfra;
import cn.minzheng.platform.kit.testapp.WebAppTestBase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** What Prometheus scrapes from a service on the kit. */
class KitMetricsWebTest extends WebAppTestBase {

    @Test
    void latencyHistogramPerEndpointWithTheApplicationTag() {
        client().get().uri("/test/count?limit=3").exchange().expectStatus().isOk();

        // the kit's fixed buckets (10 ms … 10 s), per endpoint, with the application tag
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(scrape())
                .containsPattern(Pattern.compile(
                        "http_server_requests_seconds_bucket\\{application=\"kit-test\",[^}]*uri=\"/test/count\",le=\"10\\.0\"} 1$",
                        Pattern.MULTILINE))
                .containsPattern("uri=\"/test/count\",le=\"0\\.25\"}")
                .doesNotContainPattern("uri=\"/test/count\",le=\"0\\.001048576\"}"));
    }

    @Test
    void deadLettersAreCountedPerTopic() throws Exception {
        TestInfra.infra().kafka().createTopics(Map.of(RecordingListener.TOPIC, 1, Topics.deadLetterOf(RecordingListener.TOPIC), 1));
        double before = deadLetters(scrape());
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.infra().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(RecordingListener.TOPIC, "poison-metrics",
                    "not an event".getBytes(StandardCharsets.UTF_8))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(scrape()) >= before + 1);
    }

    @Test
    void consumerLagOfTheKitsConsumersIsExposed() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scrape())
                .contains("kafka_consumer_fetch_manager_records_lag_max{"));
    }

    private String scrape() {
        return client().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static double deadLetters(String body) {
        var m = Pattern.compile("kafka_dead_letters_total\\{application=\"kit-test\",topic=\"" + Pattern.quote(RecordingListener.TOPIC)
                + "\"} (\\S+)").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
