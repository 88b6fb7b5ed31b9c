package cn.minzheng.platform.kit.outbox;

/** Declares an aggregate collection whose {@code pendingEvents} go to {@code topic} (alternative to the property). */
public record OutboxCollection(String collection, String topic) {
}
