package cn.minzheng.org.deadlines;

import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DueDatesTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.builtIn();

    @ParameterizedTest(name = "accepted {0}, {1}/{2} {3} -> promised {4}, statutory {5}")
    @CsvSource(textBlock = """
            2025-01-10, 60, 20, CALENDAR_DAYS, 2025-01-30, 2025-03-11
            2025-01-10, 30, 10, CALENDAR_DAYS, 2025-01-20, 2025-02-09
            2024-02-20, 30, 10, CALENDAR_DAYS, 2024-03-01, 2024-03-21
            2026-02-13, 20, 10, WORKING_DAYS,  2026-03-05, 2026-03-19
            2025-12-31, 3,  1,  WORKING_DAYS,  2026-01-04, 2026-01-06
            """)
    void dueDatesFromAcceptance(LocalDate accepted, int statutory, int promised, DayCount unit, LocalDate promisedDue,
                                LocalDate statutoryDue) {
        DueDates due = DueDates.from(accepted, new MatterLimit(statutory, promised, unit), CALENDAR);
        assertThat(due.promised()).isEqualTo(promisedDue);
        assertThat(due.statutory()).isEqualTo(statutoryDue);
        assertThat(due.decidedOnTime(promisedDue)).isTrue();
        assertThat(due.decidedOnTime(promisedDue.plusDays(1))).isFalse();
        assertThat(due.overdue(promisedDue.plusDays(1))).isTrue();
    }

    @ParameterizedTest(name = "{0}/{1} {2} -> basis {3}, fields {4}")
    @CsvSource(delimiter = '|', textBlock = """
            60 | 20 | CALENDAR_DAYS | PROMISED  | dueDate,dueBasis,statutoryDueDate,limitDays,limitUnit
            30 | 30 | CALENDAR_DAYS | STATUTORY | dueDate,dueBasis,statutoryDueDate,limitDays,limitUnit
            20 | 10 | WORKING_DAYS  | PROMISED  | dueDate,dueBasis,limitWorkingDays,statutoryDueDate,limitDays,limitUnit
            20 | 20 | WORKING_DAYS  | STATUTORY | dueDate,dueBasis,limitWorkingDays,statutoryDueDate,limitDays,limitUnit
            """)
    void theEventNamesTheLimitTheDueDateFollows(int statutory, int promised, DayCount unit, DueBasis basis, String fields) {
        DueDates due = DueDates.from(LocalDate.of(2026, 3, 2), new MatterLimit(statutory, promised, unit), CALENDAR);
        assertThat(due.basis()).isEqualTo(basis);
        assertThat(due.eventFields()).containsOnlyKeys(fields.split(","))
                .containsEntry("dueBasis", basis.name())
                .containsEntry("dueDate", due.promised().toString())
                .containsEntry("statutoryDueDate", due.statutory().toString())
                .containsEntry("limitDays", promised)
                .containsEntry("limitUnit", unit.name());
        if (unit == DayCount.WORKING_DAYS) {
            assertThat(due.eventFields()).containsEntry("limitWorkingDays", promised);
            assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 3, 2), due.promised()).days()).isEqualTo(promised);
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "20, 60", "-1, -1", "10, 0"})
    void promisedNeverLongerThanStatutory(int statutory, int promised) {
        assertThatThrownBy(() -> MatterLimit.calendarDays(statutory, promised)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void dueDatesNeverPrecedeAcceptanceAndTheLawIsNeverEarlierThanThePromise(
            @ForAll @IntRange(min = 1, max = 400) int statutory, @ForAll @IntRange(min = 1, max = 400) int promised,
            @ForAll DayCount unit, @ForAll @IntRange(min = 0, max = 3000) int dayOffset) {
        if (promised > statutory) {
            assertThatThrownBy(() -> new MatterLimit(statutory, promised, unit)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        LocalDate accepted = LocalDate.of(2024, 1, 1).plusDays(dayOffset);
        DueDates due = DueDates.from(accepted, new MatterLimit(statutory, promised, unit), CALENDAR);
        assertThat(due.promised()).isAfter(accepted);
        assertThat(due.statutory()).isAfterOrEqualTo(due.promised());
        assertThat(due.basis()).isEqualTo(promised < statutory ? DueBasis.PROMISED : DueBasis.STATUTORY);
    }

    @Property
    void onTimeRateIsAPerMilleShare(@ForAll @IntRange(min = 0, max = 10_000) int decided, @ForAll @IntRange(min = 0, max = 10_000) int onTime) {
        if (onTime > decided) {
            assertThatThrownBy(() -> new OnTimeRate(decided, onTime)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        long perMille = new OnTimeRate(decided, onTime).perMille();
        assertThat(perMille).isBetween(0L, 1000L);
        if (decided > 0 && onTime == decided) {
            assertThat(perMille).isEqualTo(1000);
        }
    }
}
