package cn.minzheng.platform.kit.messaging;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventEnvelopeSerializer;
import cn.minzheng.platform.events.MalformedEventException;
import cn.minzheng.platform.events.Topics;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import cn.minzheng.platform.kit.mongo.IndexSpec;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka consumer defaults: commit after processing (ack mode RECORD, no auto-commit), values
 * decoded as {@link EventEnvelope} through an {@code ErrorHandlingDeserializer} (a malformed record
 * never kills the consumer), bounded retries with exponential back-off, then the record goes to
 * {@code <topic>.dlt} with spring-kafka's exception and origin headers
 * ({@code kafka_dlt-exception-fqcn}, {@code kafka_dlt-exception-message},
 * {@code kafka_dlt-original-topic/partition/offset}). Malformed events skip the retries.
 * The consumer properties are defaults set by the kit's environment post-processor.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class, after = DataMongoReactiveAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(ConsumerProperties.class)
public class KafkaConsumerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler minzhengKafkaErrorHandler(KafkaProperties kafka, ConsumerProperties consumer) {
        var recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate(kafka),
                (record, error) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        var backOff = new ExponentialBackOff(consumer.retryInterval().toMillis(), 2.0);
        backOff.setMaxAttempts(consumer.retries());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class, ValidationProblem.class);
        return handler;
    }

    /** A producer that can write whatever a failed record holds: raw bytes, strings or envelopes. */
    static KafkaTemplate<Object, Object> deadLetterTemplate(KafkaProperties kafka) {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(String.class, new StringSerializer());
        byType.put(EventEnvelope.class, new EventEnvelopeSerializer());
        var props = new HashMap<String, Object>(kafka.buildProducerProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        props.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        var factory = new DefaultKafkaProducerFactory<Object, Object>(props,
                new DelegatingByTypeSerializer(byType, true), new DelegatingByTypeSerializer(byType, true));
        return new KafkaTemplate<>(factory);
    }

    /** Consumer dedupe store, when the service has Mongo. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    static class ProcessedEventsConfiguration {

        @Bean
        IndexSpec processedEventsIndex() {
            return IndexSpec.unique(ProcessedEvents.COLLECTION, "consumer", "eventId");
        }

        @Bean
        @ConditionalOnMissingBean
        ProcessedEvents processedEvents(ReactiveMongoTemplate mongo, ObjectProvider<Clock> clock) {
            return new ProcessedEvents(mongo, clock.getIfAvailable(Clock::systemUTC));
        }
    }
}
