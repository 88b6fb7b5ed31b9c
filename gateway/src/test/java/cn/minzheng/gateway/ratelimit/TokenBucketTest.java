package cn.minzheng.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @ParameterizedTest(name = "capacity {0}, {1} per {2} ns, {3} requests at once -> {4} allowed")
    @CsvSource({
            "1,   1, 1000000000, 1, 1",
            "1,   1, 1000000000, 5, 1",
            "10,  5, 1000000000, 10, 10",
            "10,  5, 1000000000, 11, 10",
            "100, 50, 1000000000, 500, 100",
    })
    void burstUpToCapacity(long capacity, long refill, long period, int requests, int allowed) {
        TokenBucket bucket = new TokenBucket(capacity, refill, period, 0);
        int taken = 0;
        for (int i = 0; i < requests; i++) {
            if (bucket.tryTake(0).allowed()) {
                taken++;
            }
        }
        assertThat(taken).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "refill {0}/{1} ns: empty bucket waits {2} ns, Retry-After {3} s")
    @CsvSource({
            "1,  1000000000, 1000000000, 1",
            "2,  1000000000, 500000000,  1",
            "1,  3000000000, 3000000000, 3",
            "1,  2500000000, 2500000000, 3",
    })
    void refusalSaysHowLongToWait(long refill, long period, long expectedWait, long retryAfter) {
        TokenBucket bucket = new TokenBucket(1, refill, period, 0);
        assertThat(bucket.tryTake(0).allowed()).isTrue();
        TokenBucket.Outcome refused = bucket.tryTake(0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.waitNanos()).isEqualTo(expectedWait);
        assertThat(refused.retryAfterSeconds()).isEqualTo(retryAfter);
    }

    @Test
    void refillsOverTimeButNeverBeyondCapacity() {
        TokenBucket bucket = new TokenBucket(3, 1, SECOND, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake(0).allowed()).isTrue();
        }
        assertThat(bucket.tryTake(SECOND / 2).allowed()).isFalse();
        assertThat(bucket.tryTake(SECOND).allowed()).isTrue();
        // an hour idle refills to 3, not 3600
        long later = 3600 * SECOND;
        int taken = 0;
        while (bucket.tryTake(later).allowed()) {
            taken++;
        }
        assertThat(taken).isEqualTo(3);
    }

    @Test
    void rejectsNonsenseFigures() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, SECOND, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, SECOND, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientsHaveTheirOwnBucketsAndIdleOnesAreForgotten() {
        AtomicLong now = new AtomicLong();
        ClientBuckets buckets = new ClientBuckets(1, 1, SECOND, 2, now::get);
        assertThat(buckets.tryTake("sub:a").allowed()).isTrue();
        assertThat(buckets.tryTake("sub:a").allowed()).isFalse();
        assertThat(buckets.tryTake("ip:10.0.0.1").allowed()).isTrue();
        assertThat(buckets.size()).isEqualTo(2);
        now.set(5 * SECOND);
        assertThat(buckets.tryTake("sub:c").allowed()).isTrue();
        assertThat(buckets.size()).isEqualTo(1);
    }
}
