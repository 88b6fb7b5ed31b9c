package cn.minzheng.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.bench.measure.Figure;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecalculationFigureTest {

    @ParameterizedTest(name = "{0} cases, {1} s → {2}")
    @CsvSource({
            "5000, 20, NO_TARGET",
            "99999, 30, NO_TARGET",
            "100000, 45, MET",
            "100000, 75, MISSED"})
    void onlyARecalculationOfOneHundredThousandCasesIsJudged(long cases, double seconds, Figure.Verdict verdict) {
        Figure f = StandardRecalculationRun.recalculationFigure(List.of(seconds, seconds, seconds), cases);
        assertThat(f.verdict()).isEqualTo(verdict);
    }
}
