package cn.minzheng.assistance.payment;

import java.time.Instant;
import java.util.Map;

/** What happened to a batch; the store turns it into an event envelope in the outbox. */
public record BatchEvent(String name, BatchStatus from, BatchStatus to, String actorId, String actorRole, Instant at,
                         long version, Map<String, Object> data) {
    public BatchEvent {
        data = Map.copyOf(data);
    }
}
