package cn.minzheng.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FigureTest {

    @ParameterizedTest(name = "runs {0} against {1} {2} → {3}")
    @CsvSource({
            "900 1100 950, AT_LEAST, 1000, MISSED",
            "1000 1200 800, AT_LEAST, 1000, MET",
            "1.5 3 1, AT_MOST, 2, MET",
            "2.5 1 3, AT_MOST, 2, MISSED",
            "NaN NaN NaN, AT_MOST, 2, NOT_MEASURED"})
    void verdictIsJudgedOnTheMedianOfTheRuns(String runs, Target.Direction direction, double threshold, Figure.Verdict verdict) {
        List<Double> values = java.util.Arrays.stream(runs.split(" ")).map(Double::valueOf).toList();
        Figure f = Figure.of("x", "u", values).withTarget(new Target(direction, threshold, "t"));
        assertThat(f.verdict()).isEqualTo(verdict);
    }

    @Test
    void aFigureWithoutTargetHasNoVerdict() {
        assertThat(Figure.of("x", "u", List.of(1.0)).verdict()).isEqualTo(Figure.Verdict.NO_TARGET);
    }

    @Test
    void latencyPercentilesAreReadInMillisecondsFromMicroseconds() {
        Histogram h = new Histogram(60_000_000L, 3);
        for (int i = 1; i <= 100; i++) {
            h.recordValue(i * 1000L); // 1 … 100 ms
        }
        LatencySummary s = LatencySummary.of(h);
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.p50()).isCloseTo(50.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(s.p99()).isCloseTo(99.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(s.max()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void anEmptyHistogramHasNoPercentiles() {
        assertThat(LatencySummary.of(new Histogram(3)).p50()).isNaN();
    }
}
