package cn.minzheng.platform.events;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka {@link Deserializer} for {@link EventEnvelope}, binary mode. Throws only
 * {@link MalformedEventException} — a malformed record, or a type its topic and source do not own
 * ({@link EventTypes#ownershipRefusal}) — (Kafka consumers surface it wrapped in a
 * {@code RecordDeserializationException}; with Spring Kafka wrap this class in an
 * {@code ErrorHandlingDeserializer} to dead-letter such records).
 */
public class EventEnvelopeDeserializer implements Deserializer<EventEnvelope> {

    @Override
    public EventEnvelope deserialize(String topic, Headers headers, byte[] data) {
        return KafkaCloudEvents.read(topic, headers, data);
    }

    /** Always fails: binary mode needs the record headers; Kafka consumers call the other method. */
    @Override
    public EventEnvelope deserialize(String topic, byte[] data) {
        throw new MalformedEventException("binary-mode CloudEvents need record headers");
    }
}
