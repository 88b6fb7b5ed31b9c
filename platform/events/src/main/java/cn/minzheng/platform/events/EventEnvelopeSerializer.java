package cn.minzheng.platform.events;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka {@link Serializer} for {@link EventEnvelope}, binary mode: writes the ce_ headers into the
 * record and returns the JSON data as value. Pair with a {@code StringSerializer} for the key
 * ({@link EventEnvelope#key()}).
 */
public class EventEnvelopeSerializer implements Serializer<EventEnvelope> {

    @Override
    public byte[] serialize(String topic, Headers headers, EventEnvelope event) {
        if (event == null) {
            return null;
        }
        if (headers == null) {
            throw new SerializationException("binary-mode CloudEvents need record headers");
        }
        KafkaCloudEvents.writeHeaders(event, headers);
        return KafkaCloudEvents.value(event);
    }

    /** Always fails: binary mode needs the record headers; Kafka producers call the other method. */
    @Override
    public byte[] serialize(String topic, EventEnvelope event) {
        throw new SerializationException("binary-mode CloudEvents need record headers");
    }
}
