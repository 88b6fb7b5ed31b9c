package cn.minzheng.audit.chain;

/**
 * An event as it came off a topic partition, before it is chained.
 *
 * @param data the event's JSON data as a plain-Java tree; unknown types keep it as they came
 */
public record IncomingEvent(
        String eventId,
        String topic,
        int partition,
        long offset,
        String type,
        String subject,
        String actorId,
        String actorRole,
        String regionCode,
        String time,
        String traceId,
        Object data) {

    public IncomingEvent {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("an event needs an id");
        }
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("an event needs a topic");
        }
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("partition and offset are not negative");
        }
    }

    /** The chain this event belongs to: one per topic partition. */
    public String chain() {
        return ChainHead.chainId(topic, partition);
    }
}
