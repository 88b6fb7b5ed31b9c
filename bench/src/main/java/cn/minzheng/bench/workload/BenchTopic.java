package cn.minzheng.bench.workload;

import cn.minzheng.bench.devstack.Devstack;
import cn.minzheng.bench.devstack.SubmissionPayloads;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.KafkaCloudEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A fresh {@code bench-….events} topic filled with well-formed CloudEvents: audit-service's
 * pattern subscription ({@code .*\.events}) picks it up like any producer's topic.
 */
final class BenchTopic {

    static final String TYPE = "minzheng.bench.load.generated.v1";

    private BenchTopic() {
    }

    /** Creates the topic and produces {@code events} events (keys spread over 1,000 subjects); returns seconds taken. */
    static double fill(String bootstrap, String topic, int partitions, long events) {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not create topic " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        long start = System.nanoTime();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            for (long i = 0; i < events && failure.get() == null; i++) {
                producer.send(KafkaCloudEvents.toRecord(topic, event(topic, i)), (m, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("producing to " + topic + " failed: " + failure.get(), failure.get());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static EventEnvelope event(String topic, long i) {
        String subject = "BENCH-" + (i % 1000);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("aggregateId", subject);
        data.put("aggregateType", "load");
        data.put("fromStatus", null);
        data.put("toStatus", "GENERATED");
        data.put("reason", null);
        data.put("changes", Map.of("topic", topic, "sequence", i));
        return EventEnvelope.builder(TYPE).source("/minzheng/bench").subject(subject).actor("bench", "SYSTEM")
                .regionCode(SubmissionPayloads.COUNTY).aggregateVersion(i / 1000 + 1)
                .data(Devstack.JSON.<tools.jackson.databind.JsonNode>valueToTree(data)).build();
    }
}
