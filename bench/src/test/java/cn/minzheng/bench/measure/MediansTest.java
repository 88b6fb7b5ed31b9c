package cn.minzheng.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediansTest {

    @ParameterizedTest(name = "median of [{0}] is {1}")
    @CsvSource(delimiter = ';', value = {
            "3;3",
            "1,2,3;2",
            "3,1,2;2",
            "10,1,1000;10",
            "1,2,3,4;2.5",
            "NaN,5,7;6",
            "NaN,NaN,9;9",
            "NaN;NaN",
            "Infinity,1,2;1.5"})
    void medianOfRuns(String values, double expected) {
        List<Double> runs = Arrays.stream(values.split(",")).map(Double::valueOf).toList();
        assertThat(Double.valueOf(Medians.of(runs))).isEqualTo(Double.valueOf(expected));
    }
}
