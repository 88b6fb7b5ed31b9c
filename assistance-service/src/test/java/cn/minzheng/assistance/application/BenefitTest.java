package cn.minzheng.assistance.application;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** The amount owed for a month: the latest change applying by then; a change applies from the month it is made. */
class BenefitTest {

    /** Paid 600.00 from 2026-10; raised to 650.00 in 2026-11; lowered to 620.00 later in 2026-11, then 700.00 in 2027-01. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"2026-09, 0", "2026-10, 60000", "2026-11, 62000", "2026-12, 62000", "2027-01, 70000", "2027-06, 70000"})
    void amountInAMonth(String month, long fen) {
        Benefit b = Benefit.starting(60000, YearMonth.of(2026, 10), LocalDate.of(2027, 10, 1), 12)
                .changedTo(65000, YearMonth.of(2026, 11))
                .changedTo(62000, YearMonth.of(2026, 11))
                .changedTo(70000, YearMonth.of(2027, 1));
        assertThat(b.amountIn(YearMonth.parse(month))).isEqualTo(fen);
        assertThat(b.monthlyFen()).isEqualTo(70000);
    }

    @ParameterizedTest(name = "changed in {0}: first month {1} → {2}")
    @CsvSource({"2026-09, 2026-10, 65000", "2026-10, 2026-10, 65000", "2026-12, 2026-10, 60000"})
    void aChangeBeforeTheFirstMonthAppliesFromIt(String changedIn, String asked, long fen) {
        Benefit b = Benefit.starting(60000, YearMonth.of(2026, 10), null, 12).changedTo(65000, YearMonth.parse(changedIn));
        assertThat(b.amountIn(YearMonth.parse(asked))).isEqualTo(fen);
    }

    @ParameterizedTest(name = "stored without history: {0} → {1}")
    @CsvSource({"2026-09, 0", "2026-10, 60000", "2030-01, 60000"})
    void aCaseStoredBeforeTheHistoryHasItsCurrentAmount(String month, long fen) {
        Benefit old = new Benefit(60000, YearMonth.of(2026, 10), null, 12, null, null, null);
        assertThat(old.amountIn(YearMonth.parse(month))).isEqualTo(fen);
    }
}
