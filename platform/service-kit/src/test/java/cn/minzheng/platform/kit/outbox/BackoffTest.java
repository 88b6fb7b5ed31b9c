package cn.minzheng.platform.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    @ParameterizedTest(name = "after {0} failures wait {1} ms")
    @CsvSource({"1, 500", "2, 1000", "3, 2000", "4, 4000", "6, 16000", "7, 30000", "40, 30000", "0, 500"})
    void doublesUpToTheCap(int failures, long millis) {
        assertThat(Backoff.delayAfter(failures, Duration.ofMillis(500), Duration.ofSeconds(30)))
                .isEqualTo(Duration.ofMillis(millis));
    }

    @Property
    void neverAboveTheCapAndNeverShrinking(@ForAll @IntRange(min = 1, max = 200) int failures) {
        var initial = Duration.ofMillis(500);
        var max = Duration.ofSeconds(30);
        Duration now = Backoff.delayAfter(failures, initial, max);
        Duration next = Backoff.delayAfter(failures + 1, initial, max);
        assertThat(now).isBetween(initial, max);
        assertThat(next).isGreaterThanOrEqualTo(now);
    }

    @Test
    void waitsAfterAFailureAndResetsOnSuccess() {
        var clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        var backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), clock);
        assertThat(backoff.mayTry()).isTrue();
        backoff.failed();
        assertThat(backoff.mayTry()).isFalse();
        clock.now = clock.now.plusMillis(1000);
        assertThat(backoff.mayTry()).isTrue();
        backoff.failed();
        clock.now = clock.now.plusMillis(1500);
        assertThat(backoff.mayTry()).isFalse();
        backoff.succeeded();
        assertThat(backoff.mayTry()).isTrue();
        assertThat(backoff.failures()).isZero();
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
