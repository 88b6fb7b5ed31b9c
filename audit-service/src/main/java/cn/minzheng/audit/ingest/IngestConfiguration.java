package cn.minzheng.audit.ingest;

import cn.minzheng.audit.chain.ChainHeadGauges;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.RecordMac;
import cn.minzheng.audit.projection.Projections;
import cn.minzheng.audit.projection.RecordCountProjection;
import cn.minzheng.audit.statistics.OnTimeProjection;
import cn.minzheng.platform.events.Topics;
import cn.minzheng.platform.kit.messaging.ConsumerTraceInterceptor;
import cn.minzheng.platform.kit.messaging.KafkaConsumerAutoConfiguration;
import cn.minzheng.platform.kit.messaging.RawDeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Kafka wiring of ingest: a batch listener on every {@code *.events} topic and
 * {@code gateway.security-events} (by pattern, so a new producer needs no change here), in the
 * service kit's raw-bytes batch mode ({@link KafkaConsumerAutoConfiguration#RAW_BATCH_FACTORY}):
 * exact bytes reach the listener, offsets are committed after it returned, a store that is
 * unavailable is retried without end (never skipped); poison — a record that is not a well-formed
 * event, or a well-formed event the trail cannot store — goes to the dead letters inside
 * {@link IngestBatch}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
public class IngestConfiguration {

    @Bean
    ChainAppender chainAppender(ChainStore store, Clock clock, ChainHeadGauges heads, Projections projections,
            RecordCountProjection counts, OnTimeProjection onTime, RecordMac recordMac) {
        return new ChainAppender(store, clock, heads, projections, List.of(counts, onTime), recordMac);
    }

    @Bean
    IngestBatch ingestBatch(ChainAppender appender, RawDeadLetters deadLetters, ConsumerTraceInterceptor traces,
            IngestProperties properties, Clock clock, MeterRegistry meters) {
        return new IngestBatch(appender, deadLetters, traces, properties.eventTimeRange(),
                properties.eventTimeWindow(), clock, meters);
    }

    /** The kit's dead letters need {@code <topic>.dlt} to exist (or broker auto-creation); created at start. */
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

    /** The listener itself; its container is the kit's raw-bytes batch factory. */
    public static class IngestListener {
        private final IngestBatch batch;

        IngestListener(IngestBatch batch) {
            this.batch = batch;
        }

        @KafkaListener(id = "audit-ingest", topicPattern = "${minzheng.audit.ingest.topic-pattern}",
                groupId = "${minzheng.audit.ingest.group-id:audit-service}",
                containerFactory = KafkaConsumerAutoConfiguration.RAW_BATCH_FACTORY)
        public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
            batch.handle(records);
        }
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
