package cn.minzheng.gateway.securityevents;

import java.time.Instant;
import java.util.List;

/**
 * The denials of one kind from one client in one window, as one security event.
 *
 * @param first the first denial (its method, path and trace stand for the window)
 * @param count how many denials
 * @param firstAt when the first came
 * @param lastAt when the last came
 * @param reasons the distinct reasons, at most {@link DenialWindows#MAX_REASONS}
 * @param otherReasons denials whose reason was not among those kept
 * @param windowStart start of the window (inclusive)
 * @param windowEnd end of the window (exclusive)
 */
public record DenialSummary(SecurityDenial first, long count, Instant firstAt, Instant lastAt, List<String> reasons,
                            long otherReasons, Instant windowStart, Instant windowEnd) {

    public DenialSummary {
        reasons = List.copyOf(reasons);
    }
}
