package cn.minzheng.platform.kit.clock;

import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.UnprocessableProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Business time (业务时间): the wall clock plus an offset that only ever grows. Deadlines, 公示
 * periods, re-checks and every business timestamp read it; leases, back-off, idempotency expiry and
 * metrics stay on the wall clock. Plain Java: the offset is fixed at start
 * ({@code minzheng.clock.offset}) and, on a devstack, moved forward by an administrator so a system
 * test can let eight days pass in a second.
 *
 * <p>Thread-safe: the offset is one {@link AtomicReference}; {@link #withZone} views share it, so a
 * clock handed out in another zone moves too.
 */
public final class BusinessClock extends Clock {

    /** Business time may run at most this far ahead of (or behind) the wall clock. */
    public static final Duration MAX_OFFSET = Duration.ofDays(36_500);

    private final Clock wall;
    private final AtomicReference<Duration> offset;

    /** A business clock on {@code wall} (UTC or whatever zone it has) starting at {@code initialOffset}. */
    public BusinessClock(Clock wall, Duration initialOffset) {
        this(Objects.requireNonNull(wall, "wall"), new AtomicReference<>(checkedOffset(initialOffset)));
    }

    private BusinessClock(Clock wall, AtomicReference<Duration> offset) {
        this.wall = wall;
        this.offset = offset;
    }

    /** Business time on the UTC wall clock with no offset. */
    public static BusinessClock systemUTC() {
        return new BusinessClock(Clock.systemUTC(), Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return wall.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return wall.getZone();
    }

    /** The same business time (same moving offset) seen in another zone. */
    @Override
    public BusinessClock withZone(ZoneId zone) {
        return zone.equals(wall.getZone()) ? this : new BusinessClock(wall.withZone(zone), offset);
    }

    /** How far business time runs ahead of the wall clock. */
    public Duration offset() {
        return offset.get();
    }

    /**
     * Moves business time forward by {@code by} and returns the new offset. Refused with a 422
     * {@link UnprocessableProblem} (field {@code /advanceBy}) when {@code by} is zero or negative
     * ({@code clock-advance-not-positive}: the clock never goes back) or when the offset would pass
     * {@link #MAX_OFFSET} ({@code clock-advance-too-far}); a refused advance changes nothing.
     */
    public Duration advance(Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isZero() || by.isNegative()) {
            throw new UnprocessableProblem("clock-advance-not-positive",
                    "advanceBy must be a positive ISO-8601 duration such as P8D or PT6H, not " + by,
                    List.of(FieldProblem.of("/advanceBy", "not-positive-duration", by)));
        }
        return offset.updateAndGet(current -> {
            if (by.compareTo(MAX_OFFSET.minus(current)) > 0) {
                throw new UnprocessableProblem("clock-advance-too-far",
                        "business time may run at most " + MAX_OFFSET.toDays() + " days ahead of the wall clock; "
                                + "it already runs " + current + " ahead",
                        List.of(FieldProblem.of("/advanceBy", "duration-too-long", MAX_OFFSET.toDays())));
            }
            return current.plus(by);
        });
    }

    private static Duration checkedOffset(Duration initial) {
        Objects.requireNonNull(initial, "initialOffset");
        if (initial.abs().compareTo(MAX_OFFSET) > 0) {
            throw new IllegalArgumentException("minzheng.clock.offset must lie within ±" + MAX_OFFSET.toDays()
                    + " days of the wall clock, not " + initial);
        }
        return initial;
    }

    @Override
    public String toString() {
        return "BusinessClock[" + wall + " + " + offset.get() + "]";
    }
}
