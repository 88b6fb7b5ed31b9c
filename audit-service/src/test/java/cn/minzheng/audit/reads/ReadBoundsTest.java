package cn.minzheng.audit.reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 14 item 8: how much one verify or statistics request may ask for. */
class ReadBoundsTest {

    private static final ReadBounds DEFAULTS = new ReadBounds(100_000, Duration.ofDays(366));

    @ParameterizedTest(name = "{0}..{1} → refused {2}")
    @CsvSource({
            "1,       100000,  false",
            "1,       100001,  true",
            "100001,  200000,  false",
            "5,       5,       false",
            "7,       100007,  true",
            "1,       9000000, true",
    })
    void anAuditorVerifiesAtMostTheSpan(long first, long last, boolean refused) {
        var refusal = DEFAULTS.verifyRefusal(first, last, "/from", "/to");
        assertThat(refusal.isPresent()).isEqualTo(refused);
        refusal.ifPresent(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("verify-range-too-large");
            // max, asked from, to, count, the first slice's end, the next slice's start
            assertThat(r.args()).containsExactly("100000", String.valueOf(first), String.valueOf(last),
                    String.valueOf(last - first + 1), String.valueOf(first + 99_999), String.valueOf(first + 100_000));
            assertThat(r.errors()).extracting(e -> e.pointer()).containsExactly("/to");
        });
    }

    @ParameterizedTest(name = "{0} .. {1} → {2}")
    @CsvSource({
            "2026-01-01T00:00:00Z, 2026-02-01T00:00:00Z, ''",
            "2025-12-31T16:00:00Z, 2027-01-01T16:00:00Z, ''",                         // 366 days exactly
            "2025-12-31T16:00:00Z, 2027-01-01T16:00:00.001Z, statistics-range-too-large",
            "2020-01-01T00:00:00Z, 2026-01-01T00:00:00Z, statistics-range-too-large",
            ",                     2026-01-01T00:00:00Z, statistics-range-required",
            "2026-01-01T00:00:00Z, ,                     statistics-range-required",
            ",                     ,                     statistics-range-required",
    })
    void statisticsNeedABoundedTimeRange(Instant from, Instant to, String code) {
        var refusal = DEFAULTS.statisticsRefusal(from, to);
        assertThat(refusal.map(ReadRefusal::code).orElse("")).isEqualTo(code == null ? "" : code);
        refusal.ifPresent(r -> assertThat(r.status()).isEqualTo(400));
    }

    @Test
    void aMissingEndIsNamed() {
        var refusal = DEFAULTS.statisticsRefusal(null, null).orElseThrow();
        assertThat(refusal.errors()).extracting(e -> e.pointer()).containsExactly("/from", "/to");
        assertThat(refusal.args()).containsExactly("366");
        assertThat(DEFAULTS.statisticsRefusal(Instant.EPOCH, null).orElseThrow().errors())
                .extracting(e -> e.pointer()).containsExactly("/to");
        assertThat(DEFAULTS.statisticsRefusal(Instant.EPOCH, Instant.parse("1971-02-01T00:00:00Z")).orElseThrow().args())
                .containsExactly("366", "396");
    }

    @Test
    void boundsArePositive() {
        assertThatThrownBy(() -> new ReadBounds(0, Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReadBounds(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
