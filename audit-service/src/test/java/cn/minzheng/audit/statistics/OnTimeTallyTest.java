package cn.minzheng.audit.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.audit.statistics.HandlingCase.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OnTimeTallyTest {

    @ParameterizedTest(name = "onTime {0}, late {1}, overdue {2}, within {3}, unknown {4}, withdrawn {5} → rate {6}")
    @CsvSource(nullValues = "-", textBlock = """
            0, 0, 0, 0, 0, 0, -
            0, 0, 0, 3, 2, 1, -
            4, 0, 0, 0, 0, 0, 1.0
            3, 1, 0, 5, 7, 9, 0.75
            3, 0, 1, 0, 0, 0, 0.75
            1, 1, 1, 0, 0, 0, 0.3333
            0, 2, 0, 0, 0, 0, 0.0
            """)
    void rateCountsOverdueOpenCasesAsLateAndLeavesTheRestOut(int onTime, int late, int overdue, int within,
            int unknown, int withdrawn, Double rate) {
        OnTimeTally t = new OnTimeTally();
        add(t, Outcome.ON_TIME, onTime);
        add(t, Outcome.LATE, late);
        add(t, Outcome.OPEN_OVERDUE, overdue);
        add(t, Outcome.OPEN_WITHIN_LIMIT, within);
        add(t, Outcome.UNKNOWN, unknown);
        add(t, Outcome.WITHDRAWN, withdrawn);
        assertThat(t.toJson().get("rate")).isEqualTo(rate);
        assertThat(t.toJson()).containsEntry("cases", (long) onTime + late + overdue + within + unknown)
                .containsEntry("decided", (long) onTime + late).containsEntry("withdrawnExcluded", (long) withdrawn)
                .containsEntry("unknown", (long) unknown);
    }

    private static void add(OnTimeTally t, Outcome o, int n) {
        for (int i = 0; i < n; i++) {
            t.add(o);
        }
    }
}
