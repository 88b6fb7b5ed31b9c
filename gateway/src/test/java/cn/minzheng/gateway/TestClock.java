package cn.minzheng.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway's clock in the tests: starts at the real time and moves only when a test moves it, so
 * windows, cool-downs and bucket refills happen when a test says (no sleeps). Token validity is checked
 * on the real clock (Spring Security's own), so minted tokens stay valid.
 */
final class TestClock extends Clock {

    static final TestClock INSTANCE = new TestClock();

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
