package cn.minzheng.platform.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * CloudEvents 1.0 Kafka binding, binary mode: an {@link EventEnvelope} is the record key (the
 * aggregate id), the {@code ce_*} headers of {@link CloudEventHeaders} and the JSON data as value.
 *
 * <p>Reading is strict and total: any record that is not a complete, well-formed event raises
 * {@link MalformedEventException} and nothing else. A type the catalogue does not know is not
 * malformed: it decodes like any other (the audit trail must keep it). A record read from a topic
 * ({@link #fromRecord}, {@link #read(String, Headers, byte[])}, the deserializer) is also refused
 * when its type is not owned by that topic and its source ({@link EventTypes#ownershipRefusal}):
 * an assistance type on {@code org.events}, or any type under another service's source, is poison
 * for the dead-letter topic, not an event.
 */
public final class KafkaCloudEvents {

    private KafkaCloudEvents() {
    }

    // ---- writing ------------------------------------------------------------------------------

    /** A record for {@code topic}: key = {@link EventEnvelope#key()}, the ce_ headers, the JSON data. */
    public static ProducerRecord<String, byte[]> toRecord(String topic, EventEnvelope event) {
        Objects.requireNonNull(topic, "topic");
        Headers headers = new RecordHeaders();
        writeHeaders(event, headers);
        return new ProducerRecord<>(topic, null, event.key(), value(event), headers);
    }

    /**
     * A record for the topic the catalogue names for the event's type.
     *
     * @throws IllegalArgumentException if the type is not catalogued
     */
    public static ProducerRecord<String, byte[]> toRecord(EventEnvelope event) {
        return toRecord(EventTypes.topicOf(event.type()), event);
    }

    /** Writes the ce_ headers into {@code headers}, replacing any ce_ headers already there. */
    public static void writeHeaders(EventEnvelope event, Headers headers) {
        for (String name : CloudEventHeaders.ALL) {
            headers.remove(name);
        }
        put(headers, CloudEventHeaders.SPEC_VERSION, EventEnvelope.SPEC_VERSION);
        put(headers, CloudEventHeaders.ID, event.id());
        put(headers, CloudEventHeaders.SOURCE, event.source());
        put(headers, CloudEventHeaders.TYPE, event.type());
        put(headers, CloudEventHeaders.SUBJECT, event.subject());
        put(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(event.time()));
        put(headers, CloudEventHeaders.CONTENT_TYPE, EventEnvelope.CONTENT_TYPE);
        put(headers, CloudEventHeaders.ACTOR_ID, event.actorId());
        put(headers, CloudEventHeaders.ACTOR_ROLE, event.actorRole());
        put(headers, CloudEventHeaders.REGION_CODE, event.regionCode());
        put(headers, CloudEventHeaders.AGGREGATE_VERSION, Long.toString(event.aggregateVersion()));
        if (event.traceparent() != null) {
            put(headers, CloudEventHeaders.TRACEPARENT, event.traceparent());
        }
    }

    /** The record value: the data as UTF-8 JSON. */
    public static byte[] value(EventEnvelope event) {
        return EventJson.MAPPER.writeValueAsBytes(event.data());
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(UTF_8));
    }

    // ---- reading ------------------------------------------------------------------------------

    /**
     * Reads a consumed record (its topic, headers and value; the key is not needed), refusing a type
     * its topic and source do not own.
     */
    public static EventEnvelope fromRecord(ConsumerRecord<?, byte[]> record) {
        if (record == null) {
            throw new MalformedEventException("no record");
        }
        return read(record.topic(), record.headers(), record.value());
    }

    /**
     * Reads an event consumed from {@code topic}: {@link #read(Headers, byte[])}, then the ownership
     * check of {@link EventTypes#ownershipRefusal}.
     *
     * @throws MalformedEventException if the record is not a well-formed event, or its type is not
     *     owned by {@code topic} and its {@code ce_source}
     */
    public static EventEnvelope read(String topic, Headers headers, byte[] value) {
        EventEnvelope event = read(headers, value);
        EventTypes.ownershipRefusal(event.type(), topic, event.source()).ifPresent(refusal -> {
            throw new MalformedEventException("event " + quote(event.id()) + " refused: " + refusal);
        });
        return event;
    }

    /**
     * Reads an event from record headers and value, without a topic (so without the ownership
     * check: a consumer reads with {@link #fromRecord} or {@link #read(String, Headers, byte[])}).
     *
     * @throws MalformedEventException if a required attribute is missing or invalid, or the value
     *     is not a JSON object
     */
    public static EventEnvelope read(Headers headers, byte[] value) {
        if (headers == null) {
            throw new MalformedEventException("no headers");
        }
        String specVersion = required(headers, CloudEventHeaders.SPEC_VERSION);
        if (!EventEnvelope.SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("unsupported CloudEvents spec version: " + quote(specVersion));
        }
        String contentType = required(headers, CloudEventHeaders.CONTENT_TYPE);
        if (!isJson(contentType)) {
            throw new MalformedEventException("unsupported content type: " + quote(contentType));
        }
        String id = required(headers, CloudEventHeaders.ID);
        String source = required(headers, CloudEventHeaders.SOURCE);
        String type = required(headers, CloudEventHeaders.TYPE);
        String subject = required(headers, CloudEventHeaders.SUBJECT);
        Instant time = time(required(headers, CloudEventHeaders.TIME));
        String actorId = required(headers, CloudEventHeaders.ACTOR_ID);
        String actorRole = required(headers, CloudEventHeaders.ACTOR_ROLE);
        String regionCode = required(headers, CloudEventHeaders.REGION_CODE);
        long aggregateVersion = aggregateVersion(required(headers, CloudEventHeaders.AGGREGATE_VERSION));
        String traceparent = optional(headers, CloudEventHeaders.TRACEPARENT);
        JsonNode data = data(value);
        try {
            return new EventEnvelope(id, source, type, subject, time, actorId, actorRole, regionCode,
                    aggregateVersion, traceparent, data);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("invalid event " + quote(id) + ": " + e.getMessage(), e);
        }
    }

    private static boolean isJson(String contentType) {
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return mediaType.toLowerCase(Locale.ROOT).equals(EventEnvelope.CONTENT_TYPE);
    }

    private static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 timestamp: " + quote(text), e);
        }
    }

    private static long aggregateVersion(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new MalformedEventException("ce_aggregateversion is not an integer: " + quote(text), e);
        }
    }

    private static JsonNode data(byte[] value) {
        if (value == null || value.length == 0) {
            throw new MalformedEventException("the record has no value (the event data)");
        }
        JsonNode data;
        try {
            data = EventJson.MAPPER.readTree(value);
        } catch (JacksonException e) {
            throw new MalformedEventException("the value is not JSON: " + e.getOriginalMessage(), e);
        }
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("the value is not a JSON object");
        }
        return data;
    }

    private static String required(Headers headers, String name) {
        String value = optional(headers, name);
        if (value == null) {
            throw new MalformedEventException("missing header " + name);
        }
        return value;
    }

    private static String optional(Headers headers, String name) {
        Iterator<Header> values = headers.headers(name).iterator();
        if (!values.hasNext()) {
            return null;
        }
        Header header = values.next();
        if (values.hasNext()) {
            throw new MalformedEventException("header " + name + " appears more than once");
        }
        byte[] bytes = header.value();
        if (bytes == null || bytes.length == 0) {
            throw new MalformedEventException("empty header " + name);
        }
        return utf8(name, bytes);
    }

    private static String utf8(String name, byte[] bytes) {
        CharsetDecoder decoder = UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEventException("header " + name + " is not UTF-8", e);
        }
    }

    private static String quote(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return '"' + shown + '"';
    }
}
