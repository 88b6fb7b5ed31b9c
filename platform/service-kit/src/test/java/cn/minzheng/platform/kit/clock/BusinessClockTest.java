package cn.minzheng.platform.kit.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Business time = wall clock + an offset that only grows. */
class BusinessClockTest {

    private static final Instant WALL = Instant.parse("2026-03-02T08:00:00Z");
    private static final Clock FIXED_WALL = Clock.fixed(WALL, ZoneOffset.UTC);

    @ParameterizedTest(name = "start {0}, advance {1} → offset {2}, now {3}")
    @CsvSource({
            "PT0S,  P8D,       PT192H,    2026-03-10T08:00:00Z",
            "PT0S,  PT6H,      PT6H,      2026-03-02T14:00:00Z",
            "PT0S,  PT0.001S,  PT0.001S,  2026-03-02T08:00:00.001Z",
            "P1D,   P1DT12H,   PT60H,     2026-03-04T20:00:00Z",
            "-P1D,  PT12H,     PT-12H,    2026-03-01T20:00:00Z",
            "P30D,  P365D,     PT9480H,   2027-04-01T08:00:00Z",
    })
    void advanceAddsToTheOffset(String start, String by, String offset, String now) {
        var clock = new BusinessClock(FIXED_WALL, Duration.parse(start));

        assertThat(clock.advance(Duration.parse(by))).isEqualTo(Duration.parse(offset));

        assertThat(clock.offset()).isEqualTo(Duration.parse(offset));
        assertThat(clock.instant()).isEqualTo(Instant.parse(now));
        assertThat(clock.millis()).isEqualTo(Instant.parse(now).toEpochMilli());
    }

    @ParameterizedTest(name = "advance {0} refused with {1}")
    @CsvSource({
            "PT0S,      clock-advance-not-positive",
            "-PT1S,     clock-advance-not-positive",
            "-P8D,      clock-advance-not-positive",
            "PT-0.001S, clock-advance-not-positive",
            "P36501D,   clock-advance-too-far",
    })
    void refusedAdvancesChangeNothing(String by, String code) {
        var clock = new BusinessClock(FIXED_WALL, Duration.ofHours(1));

        assertThatThrownBy(() -> clock.advance(Duration.parse(by)))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.code()).isEqualTo(code);
                    assertThat(p.errors()).singleElement().satisfies(e -> assertThat(e.pointer()).isEqualTo("/advanceBy"));
                });
        assertThat(clock.offset()).isEqualTo(Duration.ofHours(1));
        assertThat(clock.instant()).isEqualTo(WALL.plus(Duration.ofHours(1)));
    }

    @Test
    void theOffsetIsCappedSoInstantArithmeticCannotOverflow() {
        var clock = new BusinessClock(FIXED_WALL, BusinessClock.MAX_OFFSET.minusDays(1));
        clock.advance(Duration.ofDays(1));
        assertThatThrownBy(() -> clock.advance(Duration.ofNanos(1)))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("clock-advance-too-far"));
        assertThat(clock.offset()).isEqualTo(BusinessClock.MAX_OFFSET);
        assertThatThrownBy(() -> new BusinessClock(FIXED_WALL, BusinessClock.MAX_OFFSET.plusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minzheng.clock.offset");
    }

    @Test
    void aViewInAnotherZoneMovesWithTheClock() {
        var clock = new BusinessClock(FIXED_WALL, Duration.ZERO);
        Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));

        clock.advance(Duration.ofDays(8));

        assertThat(shanghai.instant()).isEqualTo(WALL.plus(Duration.ofDays(8)));
        assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void concurrentAdvancesAreNeitherLostNorDoubled() throws Exception {
        var clock = new BusinessClock(FIXED_WALL, Duration.ZERO);
        int threads = 8;
        int perThread = 500;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        clock.advance(Duration.ofSeconds(1));
                    }
                    return null;
                });
            }
            start.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(clock.offset()).isEqualTo(Duration.ofSeconds((long) threads * perThread));
    }

    @ParameterizedTest(name = "\"{0}\" is not a duration to send")
    @CsvSource({"abc", "P1M", "P1Y", "8", "8d", "' '", "PT", "P8DX"})
    void unreadableAdvancesAre400WithWhatToSend(String given) {
        assertThatThrownBy(() -> new ClockAdvanceRequest(given).duration())
                .isInstanceOfSatisfying(ValidationProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.errors()).singleElement().satisfies(e -> {
                        assertThat(e.pointer()).isEqualTo("/advanceBy");
                        assertThat(e.code()).isEqualTo("invalid-duration");
                        assertThat(e.defaultMessage()).contains("{\"advanceBy\":\"P8D\"}");
                    });
                });
    }

    @Test
    void aMissingValueIs400Too() {
        assertThatThrownBy(() -> new ClockAdvanceRequest(null).duration()).isInstanceOf(ValidationProblem.class);
    }

    /** Whatever is asked, business time never goes back and only the kit's own problems are thrown. */
    @Property(tries = 300)
    void neverBackwards(@ForAll("advances") List<Duration> advances) {
        var wall = new TickingWall(WALL);
        var clock = new BusinessClock(wall, Duration.ZERO);
        Instant previous = clock.instant();
        Duration offset = clock.offset();
        var accepted = new ArrayList<Duration>();
        for (Duration by : advances) {
            Duration before = clock.offset();
            try {
                Duration after = clock.advance(by);
                assertThat(by).isPositive();
                assertThat(after).isEqualTo(before.plus(by));
                accepted.add(by);
            } catch (ProblemException refused) {
                assertThat(refused.status()).isEqualTo(422);
                assertThat(clock.offset()).isEqualTo(before);
            }
            wall.tick();
            Instant now = clock.instant();
            assertThat(now).isAfterOrEqualTo(previous);
            assertThat(clock.offset()).isGreaterThanOrEqualTo(offset);
            previous = now;
            offset = clock.offset();
        }
        assertThat(clock.offset()).isEqualTo(accepted.stream().reduce(Duration.ZERO, Duration::plus));
    }

    @Provide
    Arbitrary<List<Duration>> advances() {
        Arbitrary<Duration> any = Arbitraries.longs().between(-10_000_000_000L, 40_000L * 86_400)
                .map(Duration::ofSeconds);
        Arbitrary<Duration> edges = Arbitraries.of(Duration.ZERO, Duration.ofNanos(1), Duration.ofNanos(-1),
                BusinessClock.MAX_OFFSET, BusinessClock.MAX_OFFSET.plusNanos(1), Duration.ofDays(8));
        return Arbitraries.oneOf(any, edges).list().ofMaxSize(30);
    }

    /** A wall clock that moves forward a little on each tick. */
    private static final class TickingWall extends Clock {
        private Instant now;

        TickingWall(Instant start) {
            this.now = start;
        }

        void tick() {
            now = now.plusMillis(7);
        }

        @Override
        public Instant instant() {
            return now;
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
}
