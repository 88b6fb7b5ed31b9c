package cn.minzheng.audit.reads;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Per-kind concurrency limits and the server-side time limit of expensive audit reads (issue 14
 * item 8: one AUDITOR token could exhaust the store or the heap, and an out-of-memory exit also
 * stops ingest). A read of a kind whose permits are all taken is refused at once (429 with
 * Retry-After) rather than queued: a queue would hold connections and memory just the same. A
 * read that runs past {@code timeLimit} is cancelled — its store query with it — and answered 503
 * (or, if its streamed answer has begun, cut off; the NDJSON trailer then shows it).
 *
 * <p>Plain Java (Reactor only): the deadline is a function of the limit, so tests fire it by hand.
 */
public final class ReadLimits {

    /** Test seam: runs once a read holds its permit, before its work; and makes its deadline. */
    public interface Hook {
        default Mono<Void> admitted(ReadKind kind) {
            return Mono.empty();
        }

        default Mono<?> deadline(ReadKind kind, Duration limit) {
            return Mono.delay(limit);
        }
    }

    private static final Hook PRODUCTION = new Hook() {
    };

    private final Map<ReadKind, Integer> limits;
    private final Map<ReadKind, Semaphore> permits = new EnumMap<>(ReadKind.class);
    private final Duration timeLimit;
    private final Duration retryAfter;
    private volatile Hook hook = PRODUCTION;

    public ReadLimits(Map<ReadKind, Integer> limits, Duration timeLimit, Duration retryAfter) {
        for (ReadKind kind : ReadKind.values()) {
            Integer limit = limits.get(kind);
            if (limit == null || limit < 1) {
                throw new IllegalArgumentException("the concurrency limit of " + kind.label() + " is at least 1");
            }
            permits.put(kind, new Semaphore(limit));
        }
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit of audit reads is positive");
        }
        this.limits = Map.copyOf(limits);
        this.timeLimit = timeLimit;
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ofSeconds(1) : retryAfter;
    }

    public int limit(ReadKind kind) {
        return limits.get(kind);
    }

    public int available(ReadKind kind) {
        return permits.get(kind).availablePermits();
    }

    public Duration timeLimit() {
        return timeLimit;
    }

    /** Seconds a refused caller should wait, at least 1 (the Retry-After value). */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Replaces the hook (tests); {@code null} restores the production behaviour. */
    public void hook(Hook testHook) {
        this.hook = testHook == null ? PRODUCTION : testHook;
    }

    /**
     * {@code work} under a permit of {@code kind} and the time limit: refused with
     * {@link ReadRefusal#busy} when no permit is free; {@link ReadRefusal#timedOut} past the limit.
     * The permit is given back exactly once, however the work ends (done, failed, cancelled).
     * {@code onBusy} turns the refusal into the caller's answer (the web filter adds Retry-After).
     */
    public Mono<Void> guard(ReadKind kind, Mono<Void> work, Function<ReadRefusal, Mono<Void>> onBusy) {
        return Mono.defer(() -> {
            Semaphore semaphore = permits.get(kind);
            if (!semaphore.tryAcquire()) {
                return onBusy.apply(ReadRefusal.busy(kind, limits.get(kind), retryAfterSeconds()));
            }
            AtomicBoolean released = new AtomicBoolean();
            Hook current = hook;
            return current.admitted(kind).then(Mono.defer(() -> work))
                    .timeout(current.deadline(kind, timeLimit),
                            Mono.error(() -> ReadRefusal.timedOut(kind, Math.max(1, timeLimit.toSeconds()))))
                    .doFinally(signal -> {
                        if (released.compareAndSet(false, true)) {
                            semaphore.release();
                        }
                    });
        });
    }
}
