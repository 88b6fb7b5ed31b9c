package cn.minzheng.bench.load;

import cn.minzheng.bench.measure.LatencySummary;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one driven run produced in its measured window: latencies of successful calls (µs),
 * successes, failures by status (-1 = no answer: connection error or timeout), successes per second.
 *
 * @param okTotal successes including the warm-up (what downstream systems must have seen)
 */
public record LoadRun(Histogram latencyMicros, long ok, Map<Integer, Long> failures, double windowSeconds,
        long[] okPerSecond, long okTotal) {

    public double throughput() {
        return windowSeconds <= 0 ? Double.NaN : ok / windowSeconds;
    }

    public LatencySummary latency() {
        return LatencySummary.of(latencyMicros);
    }

    public long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** "429×12, -1×3" or "none". */
    public String failureText() {
        if (failures.isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        new TreeMap<>(failures).forEach((status, n) -> out.append(out.length() == 0 ? "" : ", ")
                .append(status == -1 ? "no answer" : "HTTP " + status).append(" ×").append(n));
        return out.toString();
    }
}
