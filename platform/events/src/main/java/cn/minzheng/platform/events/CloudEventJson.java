package cn.minzheng.platform.events;

import java.time.format.DateTimeFormatter;

import tools.jackson.databind.node.ObjectNode;

/**
 * An envelope in the CloudEvents JSON format (structured mode): the attributes under their
 * CloudEvents names, the data under {@code data}. Used to validate the envelope against
 * {@code envelope.schema.json}, and handy wherever an event is stored as one JSON document
 * (the audit trail).
 */
public final class CloudEventJson {

    private CloudEventJson() {
    }

    /** The event as one JSON object; {@code traceparent} is left out when absent. */
    public static ObjectNode toJson(EventEnvelope event) {
        ObjectNode node = EventJson.MAPPER.createObjectNode();
        node.put("specversion", EventEnvelope.SPEC_VERSION);
        node.put("id", event.id());
        node.put("source", event.source());
        node.put("type", event.type());
        node.put("subject", event.subject());
        node.put("time", DateTimeFormatter.ISO_INSTANT.format(event.time()));
        node.put("datacontenttype", EventEnvelope.CONTENT_TYPE);
        node.put("actorid", event.actorId());
        node.put("actorrole", event.actorRole());
        node.put("regioncode", event.regionCode());
        node.put("aggregateversion", event.aggregateVersion());
        if (event.traceparent() != null) {
            node.put("traceparent", event.traceparent());
        }
        node.set("data", event.data());
        return node;
    }
}
