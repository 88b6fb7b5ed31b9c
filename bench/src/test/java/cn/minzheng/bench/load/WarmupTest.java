package cn.minzheng.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.bench.cost.Components;
import cn.minzheng.bench.cost.CostSheet;
import cn.minzheng.bench.cost.ListeningSockets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class WarmupTest {

    final Warmup warmup = new Warmup(Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(5), 3, 0.05);

    @ParameterizedTest(name = "{0} → steady {1}")
    @CsvSource(delimiter = '|', value = {
            "100 200 400 600 610 600 | true",
            "100 200 400 600 700 800 | false",
            "600 610                 | false",
            "0 0 0                   | false",
            "1000 960 1040           | true",
            "1000 900 1000           | false",
    })
    void steadyWhenTheLastStepsLieWithinTheTolerance(String rates, boolean steady) {
        List<Double> r = Arrays.stream(rates.trim().split("\\s+")).map(Double::valueOf).toList();
        assertThat(warmup.steady(r)).isEqualTo(steady);
    }

    @Test
    void measureOpensTheWindowAfterTheWarmUpAndChargesTheCpuOfTheWindow() {
        Warmup quick = new Warmup(Duration.ZERO, Duration.ofSeconds(2), Duration.ofMillis(200), 3, 0.5);
        Components self = Components.discover(new ListeningSockets(java.nio.file.Path.of("/nonexistent")), Map.of());
        SteadyRun run = ClosedLoop.measure(4, quick, Duration.ofSeconds(1), self,
                () -> Mono.delay(Duration.ofMillis(2)).thenReturn(200));
        assertThat(run.warmup().rates()).isNotEmpty();
        assertThat(run.warmup().took()).isLessThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(run.load().ok()).isPositive();
        assertThat(run.load().okTotal()).as("the warm-up's calls are counted in the total, not the window")
                .isGreaterThan(run.load().ok());
        assertThat(run.cost().perOperation()).containsKey(CostSheet.LOAD_GENERATOR);
        assertThat(run.cost().of(CostSheet.LOAD_GENERATOR)).isGreaterThanOrEqualTo(0);
    }
}
