package cn.minzheng.audit.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.audit.statistics.HandlingCase.Outcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The on-time rule as a table: due date, decision, withdrawal, today → outcome. */
class HandlingCaseTest {

    @ParameterizedTest(name = "due {0}, decided {1}, withdrawn {2}, as of {3} → {4}")
    @CsvSource(nullValues = "-", textBlock = """
            # the decision day counts in China Standard Time, inclusive of the due day
            2026-04-14, 2026-04-14T23:59:59+08:00, -,                         2026-06-01T12:00:00+08:00, ON_TIME
            2026-04-14, 2026-04-14T15:59:59Z,      -,                         2026-06-01T12:00:00+08:00, ON_TIME
            2026-04-14, 2026-04-14T16:00:00Z,      -,                         2026-06-01T12:00:00+08:00, LATE
            2026-04-14, 2026-04-15T00:00:00+08:00, -,                         2026-06-01T12:00:00+08:00, LATE
            2026-04-14, 2026-03-02T09:00:00+08:00, -,                         2026-06-01T12:00:00+08:00, ON_TIME
            # open: overdue only once the due day has passed
            2026-04-14, -,                         -,                         2026-04-14T23:59:59+08:00, OPEN_WITHIN_LIMIT
            2026-04-14, -,                         -,                         2026-04-14T16:00:00Z, OPEN_OVERDUE
            2026-04-14, -,                         -,                         2026-03-01T00:00:00+08:00, OPEN_WITHIN_LIMIT
            # no due date, or one that is not a real day: unknown, decided or not
            -,          2026-04-14T10:00:00+08:00, -,                         2026-06-01T12:00:00+08:00, UNKNOWN
            -,          -,                         -,                         2026-06-01T12:00:00+08:00, UNKNOWN
            2026-02-30, 2026-02-27T10:00:00+08:00, -,                         2026-06-01T12:00:00+08:00, UNKNOWN
            14/04/2026, -,                         -,                         2026-06-01T12:00:00+08:00, UNKNOWN
            2026-4-14,  -,                         -,                         2026-06-01T12:00:00+08:00, UNKNOWN
            # withdrawal before a decision takes the case out, even when overdue or unknown
            2026-04-14, -,                         2026-05-01T10:00:00+08:00, 2026-06-01T12:00:00+08:00, WITHDRAWN
            -,          -,                         2026-05-01T10:00:00+08:00, 2026-06-01T12:00:00+08:00, WITHDRAWN
            # as of a moment before the decision or withdrawal, the case was open
            2026-04-14, 2026-04-20T10:00:00+08:00, -,                         2026-04-16T10:00:00+08:00, OPEN_OVERDUE
            2026-04-14, 2026-04-12T10:00:00+08:00, -,                         2026-04-12T09:59:59+08:00, OPEN_WITHIN_LIMIT
            2026-04-14, -,                         2026-05-01T10:00:00+08:00, 2026-04-30T10:00:00+08:00, OPEN_OVERDUE
            # a recorded decision stands (no producer allows withdrawing after it)
            2026-04-14, 2026-04-20T10:00:00+08:00, 2026-04-21T10:00:00+08:00, 2026-06-01T12:00:00+08:00, LATE
            """)
    void outcome(String due, String decided, String withdrawn, String asOf, Outcome expected) {
        assertThat(handlingCase(due, time(decided), time(withdrawn)).outcome(time(asOf))).isEqualTo(expected);
    }

    @Test
    void thePeriodIsTheAcceptanceDayInChinaStandardTime() {
        HandlingCase c = new HandlingCase("DB-1", "assistance", null, "421303", Instant.parse("2026-03-31T16:30:00Z"),
                "2026-04-14", null, null, null, null);
        assertThat(c.acceptedDay()).isEqualTo(LocalDate.parse("2026-04-01"));
    }

    static HandlingCase handlingCase(String due, Instant decided, Instant withdrawn) {
        return new HandlingCase("DB-421303-20260302-0007", "assistance", "DIBAO_URBAN", "421303001",
                Instant.parse("2026-03-02T01:00:00Z"), due, "PROMISED", decided == null ? null : "approved", decided,
                withdrawn);
    }

    private static Instant time(String text) {
        return text == null ? null : OffsetDateTime.parse(text).toInstant();
    }
}
