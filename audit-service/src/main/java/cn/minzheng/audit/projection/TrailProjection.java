package cn.minzheng.audit.projection;

import cn.minzheng.audit.chain.IncomingEvent;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A read model derived from the trail, updated by ingest once per batch (and rebuilt from the
 * records when it is new). Never part of a proof: the records are the truth, a projection only
 * makes a query cheap. Implementations must be idempotent and order-insensitive, because ingest
 * hands them every event of a batch again when the batch is redelivered, and a rebuild may run
 * while ingest goes on.
 */
public interface TrailProjection {

    /** A short name for logs. */
    String name();

    /** Index-building and the like, once at start. */
    Mono<Void> prepare();

    /** Takes in the events of one batch (stored already, or stored before: redelivery). */
    Mono<Void> project(List<IncomingEvent> events);
}
