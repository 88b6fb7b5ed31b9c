package cn.minzheng.audit.ingest;

import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.chain.JsonText;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.events.MalformedEventException;
import cn.minzheng.platform.kit.observability.RequestIds;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumed record → the event to chain, or the reason it is poison. Unknown types decode like
 * any other (platform-events' reader does not judge the catalogue), so they are stored as they came.
 */
final class EventDecoding {

    private EventDecoding() {
    }

    sealed interface Outcome permits Decoded, Poison {
    }

    record Decoded(IncomingEvent event) implements Outcome {
    }

    /**
     * @param cause  a short, fixed name of the kind of poison (a metric tag)
     * @param reason what exactly is wrong (the dead letter's {@code kafka_dlt-exception-message})
     */
    record Poison(ConsumerRecord<String, byte[]> record, String cause, String reason) implements Outcome {
    }

    static Outcome decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return new Poison(record, "tombstone", "no value (tombstone)");
        }
        EventEnvelope envelope;
        try {
            envelope = KafkaCloudEvents.fromRecord(record);
        } catch (MalformedEventException e) {
            return new Poison(record, "malformed", "malformed event: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Poison(record, "unreadable", "unreadable record: " + e);
        }
        Object data;
        try {
            // The exact data as sent, read with the same strict reader the verifier uses.
            data = JsonText.parse(new String(record.value(), StandardCharsets.UTF_8));
        } catch (JsonText.MalformedJsonException e) {
            return new Poison(record, "not-i-json", "data is not I-JSON: " + e.getMessage());
        }
        return new Decoded(new IncomingEvent(envelope.id(), record.topic(), record.partition(), record.offset(),
                envelope.type(), envelope.subject(), envelope.actorId(), envelope.actorRole(), envelope.regionCode(),
                DateTimeFormatter.ISO_INSTANT.format(envelope.time()),
                // the W3C trace id (32 hex) of ce_traceparent; null when absent or malformed
                RequestIds.traceIdFromTraceparent(envelope.traceparent()), data));
    }
}
