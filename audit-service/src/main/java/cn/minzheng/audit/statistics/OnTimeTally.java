package cn.minzheng.audit.statistics;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts of cases by {@link HandlingCase.Outcome} and the on-time rate:
 * {@code onTime / (onTime + late + openOverdue)} — an overdue open case is already late whatever
 * its outcome will be; open cases within their limit, unknown due dates and withdrawn cases are
 * not in the rate (null when nothing counts yet). Plain Java.
 */
public final class OnTimeTally {

    private final EnumMap<HandlingCase.Outcome, Long> counts = new EnumMap<>(HandlingCase.Outcome.class);

    public OnTimeTally add(HandlingCase.Outcome outcome) {
        return add(outcome, 1);
    }

    /** {@code cases} cases with the same outcome. */
    public OnTimeTally add(HandlingCase.Outcome outcome, long cases) {
        if (cases > 0) {
            counts.merge(outcome, cases, Long::sum);
        }
        return this;
    }

    public long count(HandlingCase.Outcome outcome) {
        return counts.getOrDefault(outcome, 0L);
    }

    /** Decided cases (on time or late). */
    public long decided() {
        return count(HandlingCase.Outcome.ON_TIME) + count(HandlingCase.Outcome.LATE);
    }

    /** Cases the statistics hold: every accepted case that was not withdrawn. */
    public long cases() {
        return counts.entrySet().stream().filter(e -> e.getKey() != HandlingCase.Outcome.WITHDRAWN)
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The on-time rate, or null when no case is decided or overdue yet. */
    public Double rate() {
        long denominator = decided() + count(HandlingCase.Outcome.OPEN_OVERDUE);
        return denominator == 0 ? null : (double) count(HandlingCase.Outcome.ON_TIME) / denominator;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cases", cases());
        m.put("decided", decided());
        m.put("onTime", count(HandlingCase.Outcome.ON_TIME));
        m.put("late", count(HandlingCase.Outcome.LATE));
        m.put("openOverdue", count(HandlingCase.Outcome.OPEN_OVERDUE));
        m.put("openWithinLimit", count(HandlingCase.Outcome.OPEN_WITHIN_LIMIT));
        m.put("unknown", count(HandlingCase.Outcome.UNKNOWN));
        m.put("withdrawnExcluded", count(HandlingCase.Outcome.WITHDRAWN));
        Double rate = rate();
        m.put("rate", rate == null ? null : Math.round(rate * 10000) / 10000.0);
        return m;
    }
}
