package cn.minzheng.platform.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * One event of the platform: the CloudEvents 1.0 attributes, the platform's extensions and the
 * JSON data. Immutable; carried over Kafka in binary mode by {@link KafkaCloudEvents}.
 *
 * <p>The constructor checks the shape every event must have (so a record that decodes is always
 * usable); whether the data fits the type's schema is {@link EventSchemaValidator}'s job.
 *
 * @param id unique event id, a UUID string (consumers dedupe on it)
 * @param source {@code /minzheng/<service>}
 * @param type {@code minzheng.<service>.<aggregate>.<event>.v<n>}, see {@link EventTypes}
 * @param subject the case or organization number the event is about
 * @param time when it happened
 * @param actorId the token subject of the person who caused it ({@link #SYSTEM_ACTOR} for timers,
 *     {@link #ANONYMOUS_ACTOR} for requests without a valid token)
 * @param actorRole the role the actor acted in
 * @param regionCode the 行政区划 code (6, 9 or 12 digits) of the case; {@link #NATIONAL_REGION}
 *     when there is none
 * @param aggregateVersion the aggregate's version after the change (0 for events without one)
 * @param traceparent W3C trace context of the causing request, or {@code null}
 * @param data the JSON object payload
 */
public record EventEnvelope(
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String actorId,
        String actorRole,
        String regionCode,
        long aggregateVersion,
        String traceparent,
        JsonNode data) {

    /** The CloudEvents spec version this platform speaks. */
    public static final String SPEC_VERSION = "1.0";
    /** The only data content type of the platform. */
    public static final String CONTENT_TYPE = "application/json";
    /** Every source is this prefix followed by the service name. */
    public static final String SOURCE_PREFIX = "/minzheng/";

    /** Actor of events a timer or the system itself caused (e.g. recheck-due). */
    public static final String SYSTEM_ACTOR = "system";
    /** Role of {@link #SYSTEM_ACTOR}. */
    public static final String SYSTEM_ROLE = "SYSTEM";
    /** Actor of events about requests without a valid token (gateway 401s). */
    public static final String ANONYMOUS_ACTOR = "anonymous";
    /** Role of {@link #ANONYMOUS_ACTOR}. */
    public static final String ANONYMOUS_ROLE = "ANONYMOUS";
    /**
     * Region code for events that belong to no region: 100000, the code GB 32100 uses for
     * nationwide registrations.
     */
    public static final String NATIONAL_REGION = "100000";

    private static final Pattern SOURCE = Pattern.compile("/minzheng/[a-z][a-z0-9-]*");

    /**
     * Checks the shape of the envelope.
     *
     * @throws IllegalArgumentException if an attribute is missing or has the wrong form
     */
    public EventEnvelope {
        require(id, "id");
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("id must be a UUID: " + id);
        }
        if (id.length() != 36) {
            throw new IllegalArgumentException("id must be a UUID in canonical form: " + id);
        }
        require(source, "source");
        if (!SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException("source must be /minzheng/<service>: " + source);
        }
        require(type, "type");
        if (!EventType.NAME.matcher(type).matches()) {
            throw new IllegalArgumentException("type must be minzheng.<service>.<aggregate>.<event>.v<n>: " + type);
        }
        require(subject, "subject");
        Objects.requireNonNull(time, "time must not be null");
        require(actorId, "actorId");
        require(actorRole, "actorRole");
        require(regionCode, "regionCode");
        if (aggregateVersion < 0) {
            throw new IllegalArgumentException("aggregateVersion must not be negative: " + aggregateVersion);
        }
        if (traceparent != null && !TraceContext.isTraceparent(traceparent)) {
            throw new IllegalArgumentException("traceparent must be W3C trace context: " + traceparent);
        }
        Objects.requireNonNull(data, "data must not be null");
        if (!data.isObject()) {
            throw new IllegalArgumentException("data must be a JSON object");
        }
        // JsonNode is mutable: keep our own copy so the record stays immutable.
        data = data.deepCopy();
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** The data, as a copy: changing it does not change this envelope. */
    @Override
    public JsonNode data() {
        return data.deepCopy();
    }

    /**
     * The Kafka record key: the {@code aggregateId} of the data when it has one, otherwise the
     * subject. One aggregate's events share a key, so they stay in order on one partition.
     */
    public String key() {
        JsonNode aggregateId = data.get("aggregateId");
        if (aggregateId != null && aggregateId.isString() && !aggregateId.asString().isBlank()) {
            return aggregateId.asString();
        }
        return subject;
    }

    /** The catalogued type of this event, if this version of the library knows it. */
    public java.util.Optional<EventType> catalogued() {
        return EventTypes.find(type);
    }

    /** A builder for a new event of {@code type}: fresh id, current time, source from the type. */
    public static Builder builder(String type) {
        return new Builder(type, Clock.systemUTC());
    }

    /** As {@link #builder(String)}, taking the time from {@code clock}. */
    public static Builder builder(String type, Clock clock) {
        return new Builder(type, clock);
    }

    /** A builder starting from this envelope's values (to derive a changed copy). */
    public Builder toBuilder() {
        Builder b = new Builder(type, Clock.systemUTC());
        b.id = id;
        b.source = source;
        b.subject = subject;
        b.time = time;
        b.actorId = actorId;
        b.actorRole = actorRole;
        b.regionCode = regionCode;
        b.aggregateVersion = aggregateVersion;
        b.traceparent = traceparent;
        b.data = data;
        return b;
    }

    /** Builds an {@link EventEnvelope}; see {@link EventEnvelope#builder(String)}. */
    public static final class Builder {
        private final String type;
        private String id;
        private String source;
        private String subject;
        private Instant time;
        private String actorId;
        private String actorRole;
        private String regionCode;
        private long aggregateVersion;
        private String traceparent;
        private JsonNode data;

        private Builder(String type, Clock clock) {
            this.type = type;
            this.id = UUID.randomUUID().toString();
            this.time = clock.instant();
            this.source = EventType.parse(type).map(EventType::source).orElse(null);
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder time(Instant time) {
            this.time = time;
            return this;
        }

        /** Who did it, in which role. */
        public Builder actor(String actorId, String actorRole) {
            this.actorId = actorId;
            this.actorRole = actorRole;
            return this;
        }

        /** Caused by a timer or the system itself. */
        public Builder systemActor() {
            return actor(SYSTEM_ACTOR, SYSTEM_ROLE);
        }

        public Builder regionCode(String regionCode) {
            this.regionCode = regionCode;
            return this;
        }

        public Builder aggregateVersion(long aggregateVersion) {
            this.aggregateVersion = aggregateVersion;
            return this;
        }

        public Builder traceparent(String traceparent) {
            this.traceparent = traceparent;
            return this;
        }

        public Builder data(JsonNode data) {
            this.data = data;
            return this;
        }

        /** Data built with {@link EventData}. */
        public Builder data(EventData data) {
            this.data = data.toJson();
            return this;
        }

        /**
         * The envelope.
         *
         * @throws IllegalArgumentException if an attribute is missing or has the wrong form
         */
        public EventEnvelope build() {
            return new EventEnvelope(id, source, type, subject, time, actorId, actorRole, regionCode,
                    aggregateVersion, traceparent, data);
        }
    }
}
