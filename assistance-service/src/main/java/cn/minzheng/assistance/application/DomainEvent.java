package cn.minzheng.assistance.application;

import java.time.Instant;
import java.util.Map;

/**
 * An event a transition produced, waiting in the case's outbox until published.
 *
 * @param name      short name, e.g. {@code accepted}; the adapter maps it to the catalogue type
 * @param changes   the fields that changed; they also appear at the top level of the event data, where
 *                  the type's schema names the ones it requires
 */
public record DomainEvent(String id, String name, String aggregateType, String aggregateId, ApplicationStatus fromStatus,
                          ApplicationStatus toStatus, String reason, Map<String, Object> changes, String actorId,
                          Role actorRole, String regionCode, long aggregateVersion, Instant occurredAt) {
    public DomainEvent {
        changes = changes == null ? Map.of() : Map.copyOf(changes);
    }
}
