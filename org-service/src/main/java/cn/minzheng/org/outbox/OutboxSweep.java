package cn.minzheng.org.outbox;

import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/** Republishes events left in any aggregate collection (after a crash, or while Kafka was down). */
public class OutboxSweep {
    private final OutboxRelay relay;
    private final List<String> collections;

    public OutboxSweep(OutboxRelay relay, List<String> collections) {
        this.relay = relay;
        this.collections = List.copyOf(collections);
    }

    @Scheduled(fixedDelayString = "${minzheng.org.outbox.sweep-interval:PT10S}", initialDelayString = "${minzheng.org.outbox.sweep-interval:PT10S}")
    public Mono<Void> sweep() {
        return Flux.fromIterable(collections).concatMap(relay::sweep).onErrorResume(e -> Mono.empty()).then();
    }
}
