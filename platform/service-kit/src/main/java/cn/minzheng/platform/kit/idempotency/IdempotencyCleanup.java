package cn.minzheng.platform.kit.idempotency;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Deletes expired idempotency keys periodically (the embedded store ignores TTL indexes). */
public class IdempotencyCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

    private final IdempotencyKeys keys;
    private final Duration interval;
    private volatile Disposable running;

    public IdempotencyCleanup(IdempotencyKeys keys, Duration interval) {
        this.keys = keys;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (running == null) {
            running = Flux.interval(interval, interval, Schedulers.parallel())
                    .onBackpressureDrop()
                    .concatMap(tick -> keys.deleteExpired().onErrorResume(error -> {
                        log.warn("idempotency key cleanup failed: {}", error.toString());
                        return Mono.just(0L);
                    }), 1)
                    .subscribe(n -> {
                        if (n > 0) {
                            log.info("deleted {} expired idempotency keys", n);
                        }
                    });
        }
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
