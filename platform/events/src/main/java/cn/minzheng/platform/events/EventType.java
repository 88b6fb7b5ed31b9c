package cn.minzheng.platform.events;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One catalogued event type, {@code minzheng.<service>.<aggregate>.<event>.v<n>}, with the topic
 * it is published on.
 *
 * @param name the full type, the value of the {@code ce_type} header
 * @param service the producing service ({@code assistance}, {@code org}, {@code audit}, {@code gateway})
 * @param aggregate the aggregate the event is about ({@code application}, {@code organization}, ...)
 * @param event what happened ({@code submitted}, {@code registration-approved}, ...)
 * @param version the schema version (the {@code n} of {@code v<n>})
 * @param topic the Kafka topic the type is published on
 */
public record EventType(String name, String service, String aggregate, String event, int version, String topic) {

    static final Pattern NAME = Pattern.compile(
            "minzheng\\.([a-z][a-z0-9]*)\\.([a-z][a-z0-9-]*)\\.([a-z][a-z0-9-]*)\\.v([1-9][0-9]{0,3})");

    /** Where the schemas live on the classpath. */
    public static final String SCHEMA_DIRECTORY = "events/schemas/";

    private static final Map<String, String> TOPIC_OF_SERVICE = Map.of(
            "assistance", Topics.ASSISTANCE_EVENTS,
            "org", Topics.ORG_EVENTS,
            "audit", Topics.AUDIT_EVENTS,
            "gateway", Topics.GATEWAY_SECURITY_EVENTS);

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(topic, "topic");
    }

    /**
     * Reads a type name of the platform's form. Works for names not (yet) in the catalogue too, as
     * long as the service is one of the platform's.
     */
    public static Optional<EventType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        String topic = TOPIC_OF_SERVICE.get(m.group(1));
        if (topic == null) {
            return Optional.empty();
        }
        return Optional.of(new EventType(name, m.group(1), m.group(2), m.group(3), Integer.parseInt(m.group(4)), topic));
    }

    /** The CloudEvents {@code source} of every event of this service: {@code /minzheng/<service>}. */
    public String source() {
        return EventEnvelope.SOURCE_PREFIX + service;
    }

    /**
     * Why a record of this type read from {@code topic} with {@code source} is not this type's, or
     * empty when it is (issue 14: an event type is accepted only from the topic and the source that
     * own it). The source must be this type's ({@code /minzheng/<service>}) on every topic; the topic
     * must be this type's whenever it is one of the platform's {@link Topics#ALL} — a platform type
     * on another service's topic is a forgery or a bug, never a delivery. A topic outside the
     * catalogue (a test's own topic, a new service's) is not judged by name: who may write it is
     * the broker's ACLs' business.
     */
    public Optional<String> ownershipRefusal(String topic, String source) {
        if (!source().equals(source)) {
            return Optional.of("event type " + name + " is published only by source " + source() + ", not by "
                    + source);
        }
        if (topic != null && Topics.ALL.contains(topic) && !this.topic.equals(topic)) {
            return Optional.of("event type " + name + " belongs to topic " + this.topic + ", not to " + topic);
        }
        return Optional.empty();
    }

    /** The resource path of this type's JSON Schema on the classpath. */
    public String schemaResource() {
        return SCHEMA_DIRECTORY + name + ".schema.json";
    }

    @Override
    public String toString() {
        return name;
    }
}
