package cn.minzheng.platform.kit.messaging;

import cn.minzheng.platform.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Dead-letters a record a raw-bytes listener cannot use, byte for byte: same key, same value, the
 * original headers, plus the reason and origin in the headers Spring Kafka's recoverer uses
 * ({@code kafka_dlt-exception-message}, {@code kafka_dlt-original-topic/partition/offset}).
 * Waits for the broker's acknowledgement, so a batch's offsets are committed only once the record
 * is safe; counts {@code kafka.dead.letters} like the record-mode recoverer.
 */
public class RawDeadLetters {

    private final KafkaOperations<Object, Object> template;
    private final MeterRegistry registry;
    private final long timeoutMillis;

    public RawDeadLetters(KafkaOperations<Object, Object> template, MeterRegistry registry, long timeoutMillis) {
        this.template = template;
        this.registry = registry;
        this.timeoutMillis = timeoutMillis;
    }

    /** Sends {@code record} to {@code <topic>.dlt}; throws when the broker did not take it (the batch is retried). */
    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        var out = new ProducerRecord<Object, Object>(Topics.deadLetterOf(record.topic()), null, record.key(),
                record.value());
        for (Header h : record.headers()) {
            out.headers().add(h);
        }
        out.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(reason == null ? "" : reason));
        out.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(record.topic()));
        out.headers().add(KafkaHeaders.DLT_ORIGINAL_PARTITION, utf8(Integer.toString(record.partition())));
        out.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET, utf8(Long.toString(record.offset())));
        try {
            template.send(out).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead-letter topic " + Topics.deadLetterOf(record.topic()) + " not reachable", e);
        }
        CountingDeadLetterRecoverer.deadLetters(registry, record.topic()).increment();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
