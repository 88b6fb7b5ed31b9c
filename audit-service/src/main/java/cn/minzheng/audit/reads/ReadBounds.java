package cn.minzheng.audit.reads;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How much one audit read may ask for (issue 14 item 8): an auditor verifies at most
 * {@code verifyMaxSpan} records at a time (the whole chain only for ADMIN — administrators are few
 * and answer for the platform's operation); counting statistics need a time range of at most
 * {@code statisticsMaxSpan}. Plain Java, table-tested.
 */
public record ReadBounds(long verifyMaxSpan, Duration statisticsMaxSpan) {

    public ReadBounds {
        if (verifyMaxSpan < 1) {
            throw new IllegalArgumentException("verify-max-span is at least 1");
        }
        if (statisticsMaxSpan == null || statisticsMaxSpan.isNegative() || statisticsMaxSpan.isZero()) {
            throw new IllegalArgumentException("statistics-max-span is positive");
        }
    }

    /**
     * Whether a non-administrator may verify {@code first..last} (the range as the walk will run it:
     * {@code last} already capped at the head).
     */
    public Optional<ReadRefusal> verifyRefusal(long first, long last, String fromPointer, String toPointer) {
        if (last - first + 1 <= verifyMaxSpan) {
            return Optional.empty();
        }
        return Optional.of(ReadRefusal.verifyRangeTooLarge(verifyMaxSpan, first, last, fromPointer, toPointer));
    }

    /** Whether a statistics range is given and short enough; {@code to} is exclusive and after {@code from}. */
    public Optional<ReadRefusal> statisticsRefusal(Instant from, Instant to) {
        if (from == null || to == null) {
            return Optional.of(ReadRefusal.statisticsRangeRequired(maxDays(), from == null, to == null));
        }
        Duration asked = Duration.between(from, to);
        if (asked.compareTo(statisticsMaxSpan) > 0) {
            long askedDays = (asked.toSeconds() + 86_399) / 86_400;
            return Optional.of(ReadRefusal.statisticsRangeTooLarge(maxDays(), askedDays));
        }
        return Optional.empty();
    }

    private long maxDays() {
        return statisticsMaxSpan.toDays();
    }
}
