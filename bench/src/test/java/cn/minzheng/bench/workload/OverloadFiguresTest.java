package cn.minzheng.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.bench.load.OverloadTally;
import cn.minzheng.bench.measure.Figure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The overload workload's arithmetic: what counts as answered, refused or failed, and the verdicts. */
class OverloadFiguresTest {

    /** {@code answered} 2xx at 20 ms, {@code refused} 503 at {@code refusalMs}, {@code timedOut} 504 at 5 s. */
    static OverloadTally.Outcome outcome(double capacity, int answered, int refused, long refusalMs, int timedOut) {
        OverloadTally tally = new OverloadTally();
        for (int i = 0; i < answered; i++) {
            tally.record(200, 20_000);
        }
        for (int i = 0; i < refused; i++) {
            tally.record(i % 2 == 0 ? 503 : 429, refusalMs * 1000);
        }
        for (int i = 0; i < timedOut; i++) {
            tally.record(504, 5_000_000);
        }
        return tally.outcome(20, capacity, capacity * 4);
    }

    @ParameterizedTest(name = "capacity {0}/s, {1} answered in 20 s, {2} refused after {3} ms, {4} timed out → {5} / {6}")
    @CsvSource({
            // served 95 % of capacity, refused in 8 ms: both met
            "100, 1900, 6000, 8, 100, MET, MET",
            // exactly 90 % of capacity: met (inclusive); refusals at 45 ms
            "100, 1800, 6000, 45, 0, MET, MET",
            // the collapse issue 20 saw: 12 of 200/s answered, the rest refused by an open breaker or timed out
            "56.6, 246, 3377, 2, 378, MISSED, MET",
            // served, but the excess waited in a queue before being refused
            "100, 1950, 6000, 900, 0, MET, MISSED"})
    void answeredShareAndRefusalLatencyAreJudgedAgainstIssue20(double capacity, int answered, int refused, long refusalMs,
                                                               int timedOut, Figure.Verdict served, Figure.Verdict fast) {
        List<Figure> figures = Overload.figures(List.of(outcome(capacity, answered, refused, refusalMs, timedOut)));
        assertThat(figures.get(0).verdict()).isEqualTo(served);
        assertThat(figures.get(1).verdict()).isEqualTo(fast);
        assertThat(figures.get(6).median()).isEqualTo(timedOut);
    }

    @Test
    void statusesAreCountedApartAndNoAnswerIsNamed() {
        OverloadTally tally = new OverloadTally();
        tally.record(200, 1000);
        tally.record(503, 2000);
        tally.record(429, 3000);
        tally.record(504, 4000);
        tally.record(-1, 5000);
        tally.record(401, 6000);
        OverloadTally.Outcome o = tally.outcome(1, 10, 40);
        assertThat(o.answered()).isEqualTo(1);
        assertThat(o.refused()).isEqualTo(2);
        assertThat(o.failed()).isEqualTo(3);
        assertThat(o.statuses()).isEqualTo(Map.of(-1, 1L, 200, 1L, 401, 1L, 429, 1L, 503, 1L, 504, 1L));
        assertThat(o.statusText()).isEqualTo("no answer ×1, HTTP 200 ×1, HTTP 401 ×1, HTTP 429 ×1, HTTP 503 ×1, HTTP 504 ×1");
        assertThat(o.servedShareOfCapacity()).isEqualTo(10.0);
        assertThat(o.refusedLatency().count()).isEqualTo(2);
        assertThat(o.answeredLatency().count()).isEqualTo(1);
    }

    /** Without refusals there is no refusal latency to judge: the run has no value, not a fake 0 ms. */
    @Test
    void noRefusalsMeansNoRefusalLatency() {
        List<Figure> figures = Overload.figures(List.of(outcome(100, 2000, 0, 0, 0)));
        assertThat(figures.get(1).median()).isNaN();
        assertThat(figures.get(1).verdict()).isNotEqualTo(Figure.Verdict.MET);
    }
}
