package cn.minzheng.platform.kit.outbox;

import cn.minzheng.platform.events.EventEnvelope;
import reactor.core.publisher.Mono;

/** Sends one event to a topic and completes when the broker acknowledged it (acks=all). */
public interface EventPublisher {

    Mono<Void> publish(String topic, String key, EventEnvelope event);
}
