package cn.minzheng.org.registration;

import cn.minzheng.org.events.DomainEvent;

/** A new state of an aggregate and the event the change produced. */
public record Transitioned<T>(T next, DomainEvent event) {
}
