package cn.minzheng.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

import tools.jackson.databind.JsonNode;

/**
 * Checks events against the JSON Schemas (draft 2020-12) under {@code events/schemas/} on the
 * classpath: the envelope attributes against {@code envelope.schema.json}, the data against the
 * type's own schema. Only catalogued types ({@link EventTypes}) have a schema; any other type is a
 * violation, because producers may only emit catalogued types.
 *
 * <p>Thread-safe; compiled schemas are cached, so keep one instance ({@link #shared()}).
 */
public final class EventSchemaValidator {

    /** Where the schemas live on the classpath. */
    public static final String SCHEMA_DIRECTORY = EventType.SCHEMA_DIRECTORY;
    /** The {@code $id} prefix of every schema; it resolves to {@link #SCHEMA_DIRECTORY}, never to the network. */
    public static final String SCHEMA_ID_PREFIX = "https://schemas.minzheng.cn/events/";

    private static final String ENVELOPE_SCHEMA = "envelope.schema.json";

    private static final class Holder {
        static final EventSchemaValidator SHARED = new EventSchemaValidator();
    }

    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public EventSchemaValidator() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .locale(Locale.ENGLISH)
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(config)
                .schemaIdResolvers(resolvers -> resolvers.mapPrefix(SCHEMA_ID_PREFIX, "classpath:" + SCHEMA_DIRECTORY)));
    }

    /** One validator for the whole JVM. */
    public static EventSchemaValidator shared() {
        return Holder.SHARED;
    }

    /**
     * Validates the envelope attributes and the data. Paths point into the CloudEvents JSON form
     * ({@link CloudEventJson}): {@code /regioncode}, {@code /data/monthlyAmountFen}.
     */
    public List<SchemaViolation> validate(EventEnvelope event) {
        List<SchemaViolation> violations = new ArrayList<>(run(ENVELOPE_SCHEMA, CloudEventJson.toJson(event), ""));
        Optional<EventType> type = EventTypes.find(event.type());
        if (type.isPresent() && !type.get().source().equals(event.source())) {
            violations.add(new SchemaViolation("/source", "catalogue",
                    "source must be " + type.get().source() + " for type " + event.type()));
        }
        for (SchemaViolation v : validate(event.type(), event.data())) {
            String path = v.keyword().equals("catalogue") ? "/type" : "/data" + v.path();
            violations.add(new SchemaViolation(path, v.keyword(), v.message()));
        }
        return List.copyOf(violations);
    }

    /** Validates data against the schema of {@code type}. Paths point into the data. */
    public List<SchemaViolation> validate(String type, JsonNode data) {
        if (!EventTypes.isKnown(type)) {
            return List.of(new SchemaViolation("", "catalogue", "no schema for type " + type));
        }
        if (data == null) {
            return List.of(new SchemaViolation("", "type", "data is missing"));
        }
        return run(type + ".schema.json", data, "");
    }

    /** Whether the event fits the envelope schema and its type's schema. */
    public boolean isValid(EventEnvelope event) {
        return validate(event).isEmpty();
    }

    /**
     * For tests: fails with every violation listed when the event does not fit.
     *
     * @throws AssertionError listing the violations
     */
    public void assertValid(EventEnvelope event) {
        failOn(event.type(), validate(event));
    }

    /**
     * For tests: fails with every violation listed when the data does not fit the type's schema.
     *
     * @throws AssertionError listing the violations
     */
    public void assertValid(String type, JsonNode data) {
        failOn(type, validate(type, data));
    }

    private static void failOn(String type, List<SchemaViolation> violations) {
        if (!violations.isEmpty()) {
            throw new AssertionError("event of type " + type + " does not fit its schema:\n  "
                    + violations.stream().map(SchemaViolation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    private List<SchemaViolation> run(String file, JsonNode instance, String prefix) {
        Schema schema;
        try {
            schema = schemas.computeIfAbsent(file, this::load);
        } catch (SchemaException | IllegalStateException e) {
            return List.of(new SchemaViolation("", "catalogue", "schema " + file + " cannot be loaded: " + e.getMessage()));
        }
        List<Error> errors;
        try {
            errors = schema.validate(instance);
        } catch (RuntimeException e) {
            // the schema library gives up on some values (e.g. an integral double beyond the long
            // range checked against "minimum"): such data is not valid for us either
            return List.of(new SchemaViolation(prefix, "unreadable", "data cannot be checked: " + e.getMessage()));
        }
        List<SchemaViolation> violations = new ArrayList<>();
        for (Error error : errors) {
            violations.add(new SchemaViolation(prefix + error.getInstanceLocation(), error.getKeyword(), error.getMessage()));
        }
        return violations;
    }

    private Schema load(String file) {
        Schema schema = registry.getSchema(SchemaLocation.of(SCHEMA_ID_PREFIX + file));
        // resolve every $ref now, so a broken schema fails here and not halfway through a validation
        schema.initializeValidators();
        return schema;
    }
}
