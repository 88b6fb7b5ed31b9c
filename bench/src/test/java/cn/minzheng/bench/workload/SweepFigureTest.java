package cn.minzheng.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.bench.measure.Figure;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SweepFigureTest {

    @ParameterizedTest(name = "{0} registered, {1} examined, {2} s → {3}")
    @CsvSource({
            "300, 0, 0.1, NO_TARGET",
            "100000, 0, 0.5, NO_TARGET",
            "100000, 100000, 8, MET",
            "120000, 110000, 14, MISSED"})
    void onlyASweepOverOneHundredThousandExaminedOrganizationsIsJudged(long registered, double examined, double seconds,
            Figure.Verdict verdict) {
        Figure f = InspectionSweep.sweepFigure(List.of(seconds, seconds, seconds), registered,
                List.of(examined, examined, examined));
        assertThat(f.verdict()).isEqualTo(verdict);
    }
}
