package cn.minzheng.platform.kit.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Spring Kafka's dead-letter recoverer that also counts what it dead-lettered:
 * {@code kafka.dead.letters} (tag {@code topic} = the original topic), scraped as
 * {@code kafka_dead_letters_total}. Counted only after the dead-letter topic accepted the record.
 */
public class CountingDeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    /** The meter name; Prometheus shows {@code kafka_dead_letters_total}. */
    public static final String METER = "kafka.dead.letters";

    private final MeterRegistry registry;

    public CountingDeadLetterRecoverer(KafkaOperations<?, ?> template,
                                       BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination,
                                       MeterRegistry registry) {
        super(template, destination);
        this.registry = registry;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        super.accept(record, consumer, exception);
        deadLetters(registry, record.topic()).increment();
    }

    /** The counter for one source topic (shared with {@link RawDeadLetters}). */
    static Counter deadLetters(MeterRegistry registry, String topic) {
        return Counter.builder(METER).description("Records sent to a dead-letter topic")
                .tag("topic", topic).register(registry);
    }
}
