package cn.minzheng.org.dormancy;

import cn.minzheng.org.annualinspection.YearOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Which organizations look dormant on 2026-06-30 (2 years running without a report; no report a year after registration). */
class DormancyRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    /** (registered on, years with a report ("-": none), outcome 2024, outcome 2025, years running configured, → ground or "-") */
    @ParameterizedTest(name = "{0} reports={1} 2024={2} 2025={3} n={4} → {5}")
    @CsvSource(nullValues = "-", textBlock = """
            2020-03-01, -,         NOT_FILED, NOT_FILED, 2, CONSECUTIVE_NON_FILING
            2020-03-01, -,         FILED,     NOT_FILED, 2, -
            2020-03-01, -,         NOT_FILED, -,         2, -
            2020-03-01, -,         FILED,     NOT_FILED, 1, CONSECUTIVE_NON_FILING
            2020-03-01, 2024,      QUALIFIED, EXEMPT,    2, -
            2025-06-29, -,         -,         EXEMPT,    2, NO_ACTIVITY_AFTER_REGISTRATION
            2025-06-30, -,         -,         EXEMPT,    2, NO_ACTIVITY_AFTER_REGISTRATION
            2025-07-01, -,         -,         -,         2, -
            2025-03-01, 2025,      -,         FILED,     2, -
            2025-03-01, 2024,      -,         -,         2, NO_ACTIVITY_AFTER_REGISTRATION
            2023-06-01, -,         EXEMPT,    FILED,     2, -
            2023-07-01, -,         EXEMPT,    EXEMPT,    2, NO_ACTIVITY_AFTER_REGISTRATION
            """)
    void table(LocalDate registeredOn, String reports, YearOutcome y2024, YearOutcome y2025, int years, DormancyGround expected) {
        DormancyRules rules = new DormancyRules(new DormancyPolicy(Period.ofYears(1), years, 30, "测试"));
        Set<Integer> filed = reports == null ? Set.of() : Arrays.stream(reports.split(" ")).map(Integer::valueOf).collect(Collectors.toSet());
        Map<Integer, YearOutcome> outcomes = new HashMap<>();
        if (y2024 != null) {
            outcomes.put(2024, y2024);
        }
        if (y2025 != null) {
            outcomes.put(2025, y2025);
        }
        assertThat(rules.decide(registeredOn, filed, outcomes, TODAY).orElse(null)).isEqualTo(expected);
    }
}
