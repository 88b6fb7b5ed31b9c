package cn.minzheng.audit.checkpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How fresh the signatures are, as this instance knows it: {@link #coveredAt()} is the latest time
 * at which every chain head was covered by a signed checkpoint — the start of the last checkpoint
 * run that ended with every moved head signed (or none moved). A refused head (a record no longer
 * matches its hash), an unreadable store or a stopped timer leave it where it was, so the age
 * ({@code audit.checkpoint.age.seconds}) grows. An idle trail stays fresh: nothing unsigned waits.
 */
public final class CheckpointFreshness {

    private final AtomicReference<Instant> coveredAt;

    /** @param start when this instance started: nothing is known to be covered before its first run */
    public CheckpointFreshness(Instant start) {
        this.coveredAt = new AtomicReference<>(Objects.requireNonNull(start));
    }

    /** A run that started at {@code runStartedAt} left every head signed. Never moves backwards. */
    public void covered(Instant runStartedAt) {
        coveredAt.accumulateAndGet(runStartedAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    public Instant coveredAt() {
        return coveredAt.get();
    }

    /** Seconds from {@link #coveredAt()} to {@code now} (millisecond precision, never negative). */
    public double ageSeconds(Instant now) {
        return Math.max(0, Duration.between(coveredAt.get(), now).toMillis()) / 1000.0;
    }
}
