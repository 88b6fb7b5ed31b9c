package cn.minzheng.audit.ingest;

import cn.minzheng.platform.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Sends a record the trail cannot keep to {@code <topic>.dlt}, unchanged, with the reason and its
 * origin in the same headers Spring Kafka's dead-letter recoverer uses. Waits for the broker's
 * acknowledgement, so the offset is committed only once the record is safe somewhere.
 */
public class DeadLetters {

    private final KafkaTemplate<String, byte[]> template;

    public DeadLetters(KafkaTemplate<String, byte[]> template) {
        this.template = template;
    }

    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.deadLetterOf(record.topic()), null,
                record.key(), record.value());
        for (Header h : record.headers()) {
            out.headers().add(h);
        }
        out.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, reason.getBytes(StandardCharsets.UTF_8));
        out.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        out.headers().add(KafkaHeaders.DLT_ORIGINAL_PARTITION,
                Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        out.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET,
                Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            template.send(out).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead-letter topic not reachable", e);
        }
    }
}
