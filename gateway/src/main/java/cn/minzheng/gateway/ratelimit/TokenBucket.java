package cn.minzheng.gateway.ratelimit;

/**
 * A token bucket: holds up to {@code capacity} tokens, refills {@code refillTokens} every
 * {@code refillPeriodNanos}, continuously (fractions accrue). Each request takes one token; with
 * none left the caller is told how long until the next one. Time is passed in, so the arithmetic is
 * testable without sleeping. Thread-safe.
 */
public final class TokenBucket {

    // Exact integer arithmetic: one token is worth refillPeriodNanos credits and every elapsed
    // nanosecond adds refillTokens credits, so "wait this long" is always exactly enough.
    private final long tokenCost;
    private final long creditPerNano;
    private final long maxCredit;
    private long credit;
    private long lastRefillNanos;
    private long lastUsedNanos;

    public TokenBucket(long capacity, long refillTokens, long refillPeriodNanos, long nowNanos) {
        if (capacity < 1 || refillTokens < 1 || refillPeriodNanos < 1) {
            throw new IllegalArgumentException("capacity, refill tokens and period must be positive");
        }
        this.maxCredit = Math.multiplyExact(capacity, refillPeriodNanos);
        this.tokenCost = refillPeriodNanos;
        this.creditPerNano = refillTokens;
        this.credit = maxCredit;
        this.lastRefillNanos = nowNanos;
        this.lastUsedNanos = nowNanos;
    }

    /** Takes one token if there is one. */
    public synchronized Outcome tryTake(long nowNanos) {
        refill(nowNanos);
        lastUsedNanos = Math.max(lastUsedNanos, nowNanos);
        if (credit >= tokenCost) {
            credit -= tokenCost;
            return new Outcome(true, credit / tokenCost, 0L);
        }
        long missing = tokenCost - credit;
        long wait = (missing + creditPerNano - 1) / creditPerNano;
        return new Outcome(false, 0L, Math.max(1L, wait));
    }

    /** Returns one token taken earlier (never beyond the capacity): the request turned out not to count. */
    public synchronized void giveBack(long nowNanos) {
        refill(nowNanos);
        credit = Math.min(maxCredit, credit + tokenCost);
    }

    /** Whether the bucket is full and unused for {@code idleNanos}: safe to forget. */
    public synchronized boolean idleSince(long nowNanos, long idleNanos) {
        refill(nowNanos);
        return credit >= maxCredit && nowNanos - lastUsedNanos >= idleNanos;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastRefillNanos;
        if (elapsed > 0) {
            // beyond the time a refill from empty takes, more elapsed time changes nothing
            long useful = Math.min(elapsed, maxCredit / creditPerNano + 1);
            credit = Math.min(maxCredit, credit + useful * creditPerNano);
            lastRefillNanos = nowNanos;
        }
    }

    /**
     * @param allowed whether a token was taken
     * @param remaining whole tokens left after this request
     * @param waitNanos when refused, how long until a token is available (at least 1 ns)
     */
    public record Outcome(boolean allowed, long remaining, long waitNanos) {

        /** {@code Retry-After} in whole seconds, rounded up, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1L, (waitNanos + 999_999_999L) / 1_000_000_000L);
        }
    }
}
