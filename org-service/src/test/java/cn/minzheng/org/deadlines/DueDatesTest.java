package cn.minzheng.org.deadlines;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DueDatesTest {

    @ParameterizedTest(name = "accepted {0}, {1}/{2} days -> promised {3}, statutory {4}")
    @CsvSource(textBlock = """
            2025-01-10, 60, 20, 2025-01-30, 2025-03-11
            2025-01-10, 30, 10, 2025-01-20, 2025-02-09
            2024-02-20, 30, 10, 2024-03-01, 2024-03-21
            """)
    void dueDatesFromAcceptance(LocalDate accepted, int statutory, int promised, LocalDate promisedDue, LocalDate statutoryDue) {
        DueDates due = DueDates.from(accepted, new MatterLimit(statutory, promised));
        assertThat(due.promised()).isEqualTo(promisedDue);
        assertThat(due.statutory()).isEqualTo(statutoryDue);
        assertThat(due.decidedOnTime(promisedDue)).isTrue();
        assertThat(due.decidedOnTime(promisedDue.plusDays(1))).isFalse();
        assertThat(due.overdue(promisedDue.plusDays(1))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "20, 60", "-1, -1", "10, 0"})
    void promisedNeverLongerThanStatutory(int statutory, int promised) {
        assertThatThrownBy(() -> new MatterLimit(statutory, promised)).isInstanceOf(IllegalArgumentException.class);
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
