package cn.minzheng.platform.kit.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs {@link OutboxRelay#sweepDue()} every {@code minzheng.outbox.sweep-interval}, one tick at a time:
 * retries of unfinished drains every tick, a scan of the collections when one is due.
 */
public class OutboxSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);

    private final OutboxRelay relay;
    private final OutboxProperties properties;
    private volatile Disposable running;

    public OutboxSweeper(OutboxRelay relay, OutboxProperties properties) {
        this.relay = relay;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (running != null || relay.topics().isEmpty()) {
            return;
        }
        running = Flux.interval(properties.sweepInterval(), properties.sweepInterval(), Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> relay.sweepDue().onErrorResume(error -> {
                    log.warn("outbox sweep failed: {}", error.toString());
                    return Mono.just(0L);
                }), 1)
                .subscribe();
        log.info("outbox sweep every {} (full scan every {}) over {} as {}", properties.sweepInterval(),
                properties.fullSweepInterval(), relay.topics(), relay.owner());
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
