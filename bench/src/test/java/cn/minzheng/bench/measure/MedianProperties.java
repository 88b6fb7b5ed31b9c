package cn.minzheng.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class MedianProperties {

    @Property
    void theMedianLiesBetweenTheSmallestAndLargestRun(
            @ForAll @Size(min = 1, max = 9) List<@DoubleRange(min = -1e9, max = 1e9) Double> runs) {
        double m = Medians.of(runs);
        assertThat(m).isBetween(runs.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                runs.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }

    @Property
    void oneOutlierRunOutOfThreeDoesNotMoveTheMedianPastTheOtherTwo(@ForAll @DoubleRange(min = 0, max = 1e6) double a,
            @ForAll @DoubleRange(min = 0, max = 1e6) double b, @ForAll @DoubleRange(min = -1e12, max = 1e12) double outlier) {
        double m = Medians.of(List.of(a, outlier, b));
        assertThat(m).isBetween(Math.min(a, b), Math.max(a, b));
    }
}
