package cn.minzheng.audit.ingest;

import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.platform.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka wiring of ingest: a batch listener on every {@code *.events} topic and
 * {@code gateway.security-events} (by pattern, so a new producer needs no change here).
 *
 * <p>Local stand-in for the service kit's consumer defaults, which did not exist when this was
 * written: a failed store is retried without end (never skipped), poison goes to the dead letters
 * inside {@link IngestBatch}.
 */
@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

    @Bean
    ChainAppender chainAppender(ChainStore store, Clock clock) {
        return new ChainAppender(store, clock);
    }

    @Bean
    DeadLetters deadLetters(KafkaTemplate<String, byte[]> template) {
        return new DeadLetters(template);
    }

    @Bean
    IngestBatch ingestBatch(ChainAppender appender, DeadLetters deadLetters, MeterRegistry meters) {
        return new IngestBatch(appender, deadLetters, meters);
    }

    /** Storage down: retry the batch every second until it is back; offsets wait. */
    @Bean
    CommonErrorHandler ingestErrorHandler() {
        return new DefaultErrorHandler(new FixedBackOff(1000L, FixedBackOff.UNLIMITED_ATTEMPTS));
    }

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics() {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(t -> TopicBuilder.name(Topics.deadLetterOf(t)).partitions(1).replicas(1).build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnProperty(name = "minzheng.audit.ingest.enabled", havingValue = "true", matchIfMissing = true)
    IngestListener ingestListener(IngestBatch batch) {
        return new IngestListener(batch);
    }

    /** The listener itself; its container follows {@code spring.kafka.*} (batch type, batch acks). */
    public static class IngestListener {
        private final IngestBatch batch;

        IngestListener(IngestBatch batch) {
            this.batch = batch;
        }

        @KafkaListener(id = "audit-ingest", topicPattern = "${minzheng.audit.ingest.topic-pattern}",
                groupId = "${minzheng.audit.ingest.group-id:audit-service}", batch = "true")
        public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
            batch.handle(records);
        }
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
