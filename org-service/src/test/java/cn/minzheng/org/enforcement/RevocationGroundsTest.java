package cn.minzheng.org.enforcement;

import cn.minzheng.org.problems.RuleViolation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A case for no activity within a year of registration can be opened only once the year has run; other violations never wait. */
class RevocationGroundsTest {

    @ParameterizedTest(name = "{0} registered {1}, opened {2} → allowed {3}")
    @CsvSource({
            "NO_ACTIVITY_ONE_YEAR,    2025-06-30, 2026-06-29, false",
            "NO_ACTIVITY_ONE_YEAR,    2025-06-30, 2026-06-30, true",
            "NO_ACTIVITY_ONE_YEAR,    2020-01-01, 2026-06-30, true",
            "FRAUDULENT_REGISTRATION, 2026-06-01, 2026-06-30, true",
            "BEYOND_SCOPE,            2026-06-01, 2026-06-30, true"})
    void table(String violation, LocalDate registeredOn, LocalDate on, boolean allowed) {
        if (allowed) {
            assertThatCode(() -> RevocationGrounds.requirePeriodRun(violation, registeredOn, on, Period.ofYears(1))).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> RevocationGrounds.requirePeriodRun(violation, registeredOn, on, Period.ofYears(1)))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("NO_ACTIVITY_PERIOD_NOT_RUN");
        }
    }
}
