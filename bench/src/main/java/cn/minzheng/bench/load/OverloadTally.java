package cn.minzheng.bench.load;

import cn.minzheng.bench.measure.LatencySummary;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * What became of the requests offered in an overload window: answered (2xx), refused (429/503, the
 * platform's "retry later"), or anything else (5xx other than 503, 4xx, no answer = -1), with the
 * latency of answers and of refusals apart — a refusal is only useful when it is fast.
 */
public final class OverloadTally {

    private static final long MAX_MICROS = 600_000_000L;

    private final ConcurrentHistogram answeredMicros = new ConcurrentHistogram(MAX_MICROS, 3);
    private final ConcurrentHistogram refusedMicros = new ConcurrentHistogram(MAX_MICROS, 3);
    private final ConcurrentHashMap<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

    /** One offered request, due at its arrival time, ended with {@code status} after {@code micros}. */
    public void record(int status, long micros) {
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        long clamped = Math.min(MAX_MICROS, Math.max(0, micros));
        if (answered(status)) {
            answeredMicros.recordValue(clamped);
        } else if (refused(status)) {
            refusedMicros.recordValue(clamped);
        }
    }

    static boolean answered(int status) {
        return status >= 200 && status < 300;
    }

    static boolean refused(int status) {
        return status == 429 || status == 503;
    }

    /** The outcome over a window of {@code windowSeconds} against a measured {@code capacity} (per second). */
    public Outcome outcome(double windowSeconds, double capacity, double offeredPerSecond) {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.sum()));
        return new Outcome(capacity, offeredPerSecond, windowSeconds, counts,
                LatencySummary.of(answeredMicros.copy()), LatencySummary.of(refusedMicros.copy()));
    }

    /**
     * @param statuses every status seen (-1: no answer)
     */
    public record Outcome(double capacity, double offeredPerSecond, double windowSeconds, Map<Integer, Long> statuses,
                          LatencySummary answeredLatency, LatencySummary refusedLatency) {

        public long count(java.util.function.IntPredicate which) {
            return statuses.entrySet().stream().filter(e -> which.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        }

        public long answered() {
            return count(OverloadTally::answered);
        }

        public long refused() {
            return count(OverloadTally::refused);
        }

        /** Neither answered nor refused: timeouts (504), other errors, no answer. */
        public long failed() {
            return count(s -> !OverloadTally.answered(s) && !OverloadTally.refused(s));
        }

        public double answeredPerSecond() {
            return answered() / windowSeconds;
        }

        /** Answered per second as a share of the measured capacity, in %. */
        public double servedShareOfCapacity() {
            return capacity <= 0 ? Double.NaN : 100.0 * answeredPerSecond() / capacity;
        }

        public String statusText() {
            StringBuilder b = new StringBuilder();
            statuses.forEach((s, n) -> b.append(b.isEmpty() ? "" : ", ").append(s == -1 ? "no answer" : "HTTP " + s)
                    .append(" ×").append(n));
            return b.isEmpty() ? "none" : b.toString();
        }
    }
}
