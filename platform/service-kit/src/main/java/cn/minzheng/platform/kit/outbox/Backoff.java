package cn.minzheng.platform.kit.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Exponential back-off after publish failures, capped: {@code initial × 2^(failures-1)} up to
 * {@code max}; a success resets it. Thread-safe. Plain Java.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final Clock clock;
    private int failures;
    private Instant notBefore = Instant.MIN;

    public Backoff(Duration initial, Duration max, Clock clock) {
        this.initial = initial;
        this.max = max;
        this.clock = clock;
    }

    public synchronized boolean mayTry() {
        return !clock.instant().isBefore(notBefore);
    }

    public synchronized Duration failed() {
        failures++;
        Duration wait = delayAfter(failures, initial, max);
        notBefore = clock.instant().plus(wait);
        return wait;
    }

    public synchronized void succeeded() {
        failures = 0;
        notBefore = Instant.MIN;
    }

    public synchronized int failures() {
        return failures;
    }

    /** The wait after the n-th consecutive failure (n ≥ 1). */
    public static Duration delayAfter(int failures, Duration initial, Duration max) {
        int shift = Math.min(Math.max(failures - 1, 0), 30);
        long millis = initial.toMillis() << shift;
        if (millis <= 0 || millis > max.toMillis()) {
            return max;
        }
        return Duration.ofMillis(millis);
    }
}
