package cn.minzheng.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Issue 14 item 1: the event times ingest believes, relative to the ingest moment. */
class EventTimeWindowTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @ParameterizedTest(name = "{0} ingested at 2026-12-07T10:00Z → {1}")
    @CsvSource({
            // event time,                 believed?, why
            "2026-12-07T10:00:00Z,           true,  ''",
            "2026-12-07T10:05:00Z,           true,  ''",                  // exactly the skew: inclusive
            "2026-12-07T10:05:00.000000001Z, false, 'ahead of ingest time'",
            "2026-12-07T11:00:00Z,           false, 'ahead of ingest time'", // an hour ahead: pre-dated
            "2026-12-07T09:00:00Z,           true,  ''",                  // consumer lag: only older
            "1996-12-07T10:00:00Z,           true,  ''",                  // exactly 30 calendar years: inclusive
            "1996-12-07T09:59:59.999Z,       false, 'before ingest time'",
            "1986-12-07T10:00:00Z,           false, 'before ingest time'", // 40 years
            "1970-01-01T00:00:00Z,           false, 'before ingest time'", // a clock reset to the epoch
            "2000-02-29T00:00:00Z,           true,  ''",
    })
    void theDefaultWindowIsFiveMinutesAheadAndThirtyYearsBehind(String time, boolean believed, String why) {
        var refusal = EventTimeWindow.DEFAULT.refusal(Instant.parse(time), NOW);
        assertThat(refusal.isEmpty()).as("%s believed", time).isEqualTo(believed);
        refusal.ifPresent(r -> assertThat(r).startsWith("event time " + Instant.parse(time)).contains(why)
                .contains(NOW.toString()));
    }

    @ParameterizedTest(name = "skew {0}, past {1}: {2} at {3} → {4}")
    @CsvSource({
            "PT0S,  P0D,  2026-12-07T10:00:00Z, 2026-12-07T10:00:00Z, true",
            "PT0S,  P0D,  2026-12-07T10:00:00.001Z, 2026-12-07T10:00:00Z, false",
            "PT0S,  P0D,  2026-12-07T09:59:59.999Z, 2026-12-07T10:00:00Z, false",
            "PT1H,  P1Y,  2026-12-07T11:00:00Z, 2026-12-07T10:00:00Z, true",
            "PT1H,  P1Y,  2025-12-07T10:00:00Z, 2026-12-07T10:00:00Z, true",
            "PT1H,  P1Y,  2025-12-07T09:59:59Z, 2026-12-07T10:00:00Z, false",
            // calendar years: 29 February minus one year is 28 February
            "PT5M,  P1Y,  2023-02-28T00:00:00Z, 2024-02-29T00:00:00Z, true",
            "PT5M,  P1Y,  2023-02-27T23:59:59Z, 2024-02-29T00:00:00Z, false",
            // a window wider than any instant saturates instead of throwing
            "PT2562047788015215H, P2000000000Y, -1000000000-01-01T00:00:00Z, 2026-12-07T10:00:00Z, true",
            "PT2562047788015215H, P2000000000Y, +1000000000-12-31T23:59:59Z, 2026-12-07T10:00:00Z, true",
    })
    void aConfiguredWindow(Duration skew, Period past, String time, String ingestedAt, boolean believed) {
        assertThat(new EventTimeWindow(skew, past).refusal(Instant.parse(time), Instant.parse(ingestedAt)).isEmpty())
                .isEqualTo(believed);
    }

    @Test
    void aWindowIsNeitherNegativeNorOpen() {
        assertThatThrownBy(() -> new EventTimeWindow(Duration.ofMinutes(-1), Period.ofYears(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventTimeWindow(Duration.ofMinutes(5), Period.ofYears(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventTimeWindow(null, Period.ofYears(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
