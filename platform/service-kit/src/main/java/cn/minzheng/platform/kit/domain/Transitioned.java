package cn.minzheng.platform.kit.domain;

import java.util.Objects;

/**
 * A new state of an aggregate and the event the change produced, returned together so the store
 * writes both in one step (the way FTGO's {@code ResultWithDomainEvents} is used by every aggregate).
 *
 * @param next  the aggregate after the change
 * @param event what happened, in the service's own event type
 * @param <T>   the aggregate
 * @param <E>   the service's domain event
 */
public record Transitioned<T, E>(T next, E event) {
    public Transitioned {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(event, "event");
    }
}
