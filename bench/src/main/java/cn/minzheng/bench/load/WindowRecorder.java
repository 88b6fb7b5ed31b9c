package cn.minzheng.bench.load;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Counts what completes inside the measured window [windowStart, windowEnd) and ignores the warm-up. */
final class WindowRecorder {

    private static final long MAX_MICROS = 600_000_000L;

    private volatile long windowStart;
    private volatile long windowEnd;
    private final ConcurrentHistogram latencies = new ConcurrentHistogram(MAX_MICROS, 3);
    private final LongAdder ok = new LongAdder();
    private final LongAdder okTotal = new LongAdder();
    private final ConcurrentHashMap<Integer, LongAdder> failures = new ConcurrentHashMap<>();
    private final AtomicLongArray perSecond;

    WindowRecorder(long windowStartNanos, long windowEndNanos) {
        this.windowStart = windowStartNanos;
        this.windowEnd = windowEndNanos;
        this.perSecond = new AtomicLongArray((int) Math.max(1, (windowEndNanos - windowStartNanos + 999_999_999L) / 1_000_000_000L));
    }

    /** A recorder whose window of {@code window} opens later, by {@link #open}: until then it only counts. */
    static WindowRecorder deferred(java.time.Duration window) {
        WindowRecorder r = new WindowRecorder(0, window.toNanos());
        r.windowStart = Long.MAX_VALUE;
        r.windowEnd = Long.MAX_VALUE;
        return r;
    }

    /** Opens the deferred window at {@code startNanos}; returns its end. */
    long open(long startNanos) {
        long length = (long) perSecond.length() * 1_000_000_000L;
        windowEnd = startNanos + length;
        windowStart = startNanos;
        return windowEnd;
    }

    /** Successes so far, warm-up included: what the warm-up watches for a steady rate. */
    long completedOk() {
        return okTotal.sum();
    }

    /** A call started (or was due) at {@code startNanos} and answered {@code status} at {@code endNanos}. */
    void record(long startNanos, long endNanos, int status) {
        boolean success = status >= 200 && status < 300;
        if (success) {
            okTotal.increment();
        }
        long start = windowStart;
        if (endNanos < start || endNanos >= windowEnd) {
            return;
        }
        if (success) {
            ok.increment();
            latencies.recordValue(Math.min(MAX_MICROS, Math.max(0, (endNanos - startNanos) / 1000)));
            perSecond.incrementAndGet((int) Math.min(perSecond.length() - 1, (endNanos - start) / 1_000_000_000L));
        } else {
            failures.computeIfAbsent(status, s -> new LongAdder()).increment();
        }
    }

    LoadRun result() {
        long[] seconds = new long[perSecond.length()];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = perSecond.get(i);
        }
        java.util.Map<Integer, Long> f = new java.util.HashMap<>();
        failures.forEach((k, v) -> f.put(k, v.sum()));
        Histogram copy = latencies.copy();
        return new LoadRun(copy, ok.sum(), f, (windowEnd - windowStart) / 1e9, seconds, okTotal.sum());
    }
}
