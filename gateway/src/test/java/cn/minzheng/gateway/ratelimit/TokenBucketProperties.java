package cn.minzheng.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import java.util.List;

class TokenBucketProperties {

    private static final long SECOND = 1_000_000_000L;

    /** Over any window, a client gets at most capacity + the tokens refilled in that window. */
    @Property(tries = 300)
    void neverAllowsMoreThanCapacityPlusRefill(
            @ForAll @IntRange(min = 1, max = 50) int capacity,
            @ForAll @IntRange(min = 1, max = 20) int refillPerSecond,
            @ForAll @Size(min = 1, max = 200) List<@LongRange(min = 0, max = 200_000_000L) Long> gaps) {
        TokenBucket bucket = new TokenBucket(capacity, refillPerSecond, SECOND, 0);
        long now = 0;
        long allowed = 0;
        for (long gap : gaps) {
            now += gap;
            if (bucket.tryTake(now).allowed()) {
                allowed++;
            }
        }
        double refilled = (double) now * refillPerSecond / SECOND;
        assertThat((double) allowed).isLessThanOrEqualTo(capacity + refilled + 1e-6);
    }

    /** Waiting as long as a refusal says is always enough for the next request to pass. */
    @Property(tries = 300)
    void waitingRetryAfterIsEnough(
            @ForAll @IntRange(min = 1, max = 50) int capacity,
            @ForAll @IntRange(min = 1, max = 20) int refillTokens,
            @ForAll @LongRange(min = 1_000_000L, max = 10 * SECOND) long period,
            @ForAll @IntRange(min = 0, max = 200) int burst) {
        TokenBucket bucket = new TokenBucket(capacity, refillTokens, period, 0);
        TokenBucket.Outcome last = null;
        for (int i = 0; i <= burst + capacity; i++) {
            last = bucket.tryTake(0);
        }
        assertThat(last.allowed()).isFalse();
        assertThat(last.retryAfterSeconds()).isPositive();
        assertThat(bucket.tryTake(last.waitNanos()).allowed()).isTrue();
    }
}
