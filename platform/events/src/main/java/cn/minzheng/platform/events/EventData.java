package cn.minzheng.platform.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON data every event carries: {@code aggregateId}, {@code aggregateType},
 * {@code fromStatus}, {@code toStatus}, {@code reason}, {@code changes} (the fields that changed,
 * may be empty), plus any fields the type adds (see its schema).
 *
 * <pre>{@code
 * EventData.of("DB-420303-20260105-0001", "application")
 *     .transition("INVESTIGATING", "APPROVED")
 *     .change("monthlyAmountFen", 68000)
 *     .put("monthlyAmountFen", 68000)
 *     .put("calculation", calculationNode);
 * }</pre>
 *
 * <p>Values are converted with Jackson (records, maps, lists, strings, numbers, JsonNodes).
 * Money is integer fen.
 */
public final class EventData {

    private final String aggregateId;
    private final String aggregateType;
    private String fromStatus;
    private String toStatus;
    private String reason;
    private final Map<String, Object> changes = new LinkedHashMap<>();
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private EventData(String aggregateId, String aggregateType) {
        this.aggregateId = Objects.requireNonNull(aggregateId, "aggregateId");
        this.aggregateType = Objects.requireNonNull(aggregateType, "aggregateType");
    }

    /** Data about aggregate {@code aggregateId} of type {@code aggregateType} (e.g. {@code application}). */
    public static EventData of(String aggregateId, String aggregateType) {
        return new EventData(aggregateId, aggregateType);
    }

    /** The status before and after; either may be {@code null} (created, or no status change). */
    public EventData transition(String fromStatus, String toStatus) {
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        return this;
    }

    /** Why, in words a person wrote or a rule produced; may be {@code null}. */
    public EventData reason(String reason) {
        this.reason = reason;
        return this;
    }

    /** A field of the aggregate that changed, with its new value. */
    public EventData change(String field, Object newValue) {
        changes.put(Objects.requireNonNull(field, "field"), newValue);
        return this;
    }

    /** Several changed fields at once. */
    public EventData changes(Map<String, ?> changed) {
        changed.forEach(this::change);
        return this;
    }

    /**
     * A type-specific top-level field (e.g. {@code creditCode}). The common fields cannot be
     * overwritten this way.
     */
    public EventData put(String field, Object value) {
        Objects.requireNonNull(field, "field");
        if (EventDataFields.COMMON.contains(field)) {
            throw new IllegalArgumentException(field + " is a common field: use its own method");
        }
        fields.put(field, value);
        return this;
    }

    /** The JSON object. */
    public ObjectNode toJson() {
        ObjectNode node = EventJson.MAPPER.createObjectNode();
        node.put(EventDataFields.AGGREGATE_ID, aggregateId);
        node.put(EventDataFields.AGGREGATE_TYPE, aggregateType);
        node.put(EventDataFields.FROM_STATUS, fromStatus);
        node.put(EventDataFields.TO_STATUS, toStatus);
        node.put(EventDataFields.REASON, reason);
        ObjectNode changed = node.putObject(EventDataFields.CHANGES);
        changes.forEach((k, v) -> changed.set(k, toNode(v)));
        fields.forEach((k, v) -> node.set(k, toNode(v)));
        return node;
    }

    private static JsonNode toNode(Object value) {
        if (value instanceof JsonNode json) {
            return json.deepCopy();
        }
        return EventJson.MAPPER.valueToTree(value);
    }
}
