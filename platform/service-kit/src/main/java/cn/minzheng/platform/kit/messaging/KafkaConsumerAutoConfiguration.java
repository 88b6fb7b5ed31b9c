package cn.minzheng.platform.kit.messaging;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventEnvelopeSerializer;
import cn.minzheng.platform.events.MalformedEventException;
import cn.minzheng.platform.events.Topics;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import cn.minzheng.platform.kit.observability.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.RecordInterceptor;
import cn.minzheng.platform.kit.observability.TraceSpans;
import org.springframework.util.backoff.FixedBackOff;
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
@EnableConfigurationProperties({ConsumerProperties.class, RawBatchProperties.class})
public class KafkaConsumerAutoConfiguration {

    /**
     * Bean name of the raw-bytes batch listener container factory: {@code byte[]} values, nothing
     * deserialized by the container, so a poison record reaches the listener (which can dead-letter
     * its exact bytes with {@link RawDeadLetters}) instead of the error handler; a batch whose
     * listener throws is redelivered every {@code minzheng.kafka.raw-batch.retry-interval}, without
     * end (nothing is ever skipped). Use {@code @KafkaListener(containerFactory = RAW_BATCH_FACTORY)}
     * on a method taking {@code List<ConsumerRecord<String, byte[]>>}.
     */
    public static final String RAW_BATCH_FACTORY = "rawBatchListenerContainerFactory";

    static {
        TraceContext.registerThreadLocals();
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler minzhengKafkaErrorHandler(KafkaProperties kafka, ConsumerProperties consumer,
                                                  ObjectProvider<MeterRegistry> registry) {
        var recoverer = new CountingDeadLetterRecoverer(deadLetterTemplate(kafka),
                (record, error) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1),
                registry.getIfAvailable(SimpleMeterRegistry::new));
        var backOff = new ExponentialBackOff(consumer.retryInterval().toMillis(), 2.0);
        backOff.setMaxAttempts(consumer.retries());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class, ValidationProblem.class);
        return handler;
    }

    /**
     * Record listeners continue the producer's trace ({@code ce_traceparent}) in logs and new events,
     * in a consumer span when tracing is on.
     */
    @Bean
    @ConditionalOnMissingBean(RecordInterceptor.class)
    ConsumerTraceInterceptor minzhengConsumerTraceInterceptor(ObjectProvider<TraceSpans> spans) {
        return new ConsumerTraceInterceptor(spans.getIfAvailable());
    }

    /** The raw-bytes batch mode; see {@link #RAW_BATCH_FACTORY}. */
    @Bean(name = RAW_BATCH_FACTORY)
    @ConditionalOnMissingBean(name = RAW_BATCH_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> rawBatchListenerContainerFactory(
            KafkaProperties kafka, RawBatchProperties raw,
            ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers) {
        var props = new HashMap<String, Object>(kafka.buildConsumerProperties());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.keySet().removeIf(key -> key.startsWith("spring.deserializer."));
        var consumerFactory = new DefaultKafkaConsumerFactory<String, byte[]>(props);
        // Boot's customizers bind KafkaClientMetrics (records-lag-max etc.) to each consumer
        customizers.orderedStream().forEach(c -> c.customize(consumerFactory));
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(consumerFactory);
        factory.setBatchListener(true);
        if (kafka.getListener().getConcurrency() != null) {
            factory.setConcurrency(kafka.getListener().getConcurrency());
        }
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.getContainerProperties().setMissingTopicsFatal(false);
        factory.setCommonErrorHandler(new DefaultErrorHandler(
                new FixedBackOff(raw.retryInterval().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)));
        return factory;
    }

    @Bean
    @ConditionalOnMissingBean
    RawDeadLetters rawDeadLetters(KafkaProperties kafka, RawBatchProperties raw, ObjectProvider<MeterRegistry> registry) {
        return new RawDeadLetters(deadLetterTemplate(kafka), registry.getIfAvailable(SimpleMeterRegistry::new),
                raw.deadLetterTimeout().toMillis());
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
