package cn.minzheng.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngestCatchupTest {

    @ParameterizedTest(name = "first seen {0} s ({1} stored), done {2} s of {3} → {4}/s, too short {5}")
    @CsvSource({
            // 200k stored over 40 s after the first poll saw 10k
            "1.0, 10000, 41.0, 200000, 4750, false",
            // 20k: the first poll saw 8k, the next one all — one poll interval, the rate is mostly error
            "29.5, 8000, 30.5, 20000, 12000, true",
            // the first poll came late (90 % already in): counted from the fill instead
            "5.0, 190000, 6.0, 200000, 33333.33, true",
    })
    void rateBetweenTheFirstAndTheLastObservation(double first, long firstCount, double done, long total, double rate,
                                                 boolean tooShort) {
        AuditIngest.Catchup c = new AuditIngest.Catchup(first, firstCount, done, total, List.of());

        assertThat(c.rate(total)).isCloseTo(rate, org.assertj.core.data.Offset.offset(0.01));
        assertThat(c.tooShort()).isEqualTo(tooShort);
    }
}
