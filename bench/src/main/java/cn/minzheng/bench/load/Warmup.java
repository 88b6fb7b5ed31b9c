package cn.minzheng.bench.load;

import java.time.Duration;
import java.util.List;

/**
 * Warm up until the throughput is steady rather than for a fixed time: the load runs in steps of
 * {@code step}; once at least {@code minimum} has passed, the window opens as soon as the last
 * {@code steps} steps' throughputs lie within ±{@code tolerance} of their mean — or at {@code maximum},
 * reported as not steady. A JIT still compiling, a cache still filling or a breaker still closing
 * show as a rising rate; a fixed 10 s warm-up measured those, and differed from the steady run by 2×.
 */
public record Warmup(Duration minimum, Duration maximum, Duration step, int steps, double tolerance) {

    public static Warmup untilSteady(Duration minimum, Duration maximum) {
        return new Warmup(minimum, maximum.compareTo(minimum) < 0 ? minimum : maximum, Duration.ofSeconds(5), 3, 0.05);
    }

    /** Whether these step throughputs (oldest first) end in {@code steps} steady ones. */
    boolean steady(List<Double> rates) {
        if (rates.size() < steps) {
            return false;
        }
        List<Double> last = rates.subList(rates.size() - steps, rates.size());
        double mean = last.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        if (mean <= 0) {
            return false;
        }
        return last.stream().allMatch(r -> Math.abs(r - mean) <= tolerance * mean);
    }

    /**
     * How the warm-up ended.
     *
     * @param took   from the first request to the window's start
     * @param steady whether the rate was steady then (false: {@code maximum} reached)
     * @param rates  the step throughputs seen, oldest first (successes/s)
     */
    public record Outcome(Duration took, boolean steady, List<Double> rates) {

        public Outcome {
            rates = List.copyOf(rates);
        }

        public String describe() {
            String last = rates.isEmpty() ? "" : String.format(", last steps %s/s",
                    rates.subList(Math.max(0, rates.size() - 3), rates.size()).stream()
                            .map(r -> String.format("%.0f", r)).toList());
            return (steady ? "steady after " : "NOT steady after ") + took.toSeconds() + " s" + last;
        }
    }
}
