package cn.minzheng.org.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a state change produced, before it is put in an envelope: the event name within its
 * aggregate (e.g. {@code registration-approved}), the before/after status, the reason, the fields that
 * changed, and attributes the event type adds at the top level of its data (for organization events:
 * organizationId, name, type, creditCode, regionCode, status). Adapters map the name onto the platform
 * event-type catalogue.
 */
public record DomainEvent(String name, String fromStatus, String toStatus, String reason,
                          Map<String, Object> changes, Map<String, Object> attributes) {
    public DomainEvent {
        Objects.requireNonNull(name, "name");
        changes = changes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public DomainEvent(String name, String fromStatus, String toStatus, String reason, Map<String, Object> changes) {
        this(name, fromStatus, toStatus, reason, changes, Map.of());
    }
}
