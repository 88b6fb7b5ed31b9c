package cn.minzheng.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckpointFreshnessTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @ParameterizedTest(name = "covered at +{0}s, asked at +{1}s -> {2}s")
    @CsvSource({
        // no run yet: counted from the start
        "-1,     0,     0.0",
        "-1,   900,   900.0",
        // a run that covered everything resets the age to its start
        "60,    60,     0.0",
        "60,   961,   901.0",
        // a clock read before the covering time never gives a negative age
        "60,    30,     0.0"
    })
    void ageIsCountedFromTheLastCoveringRun(long coveredAfter, long askedAfter, double age) {
        CheckpointFreshness f = new CheckpointFreshness(START);
        if (coveredAfter >= 0) {
            f.covered(START.plusSeconds(coveredAfter));
        }
        assertThat(f.ageSeconds(START.plusSeconds(askedAfter))).isEqualTo(age);
    }

    @Property
    void coveredAtNeverMovesBackwards(@ForAll List<@LongRange(min = 0, max = 1_000_000) Long> runStarts) {
        CheckpointFreshness f = new CheckpointFreshness(START);
        Instant latest = START;
        for (long s : runStarts) {
            Instant at = START.plusMillis(s);
            f.covered(at);
            latest = at.isAfter(latest) ? at : latest;
            assertThat(f.coveredAt()).isEqualTo(latest);
        }
        assertThat(f.ageSeconds(latest.plusMillis(1500))).isEqualTo(1.5);
    }
}
