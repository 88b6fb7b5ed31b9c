package cn.minzheng.platform.kit.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.kit.problem.PreconditionRequiredProblem;
import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionsTest {

    @ParameterizedTest(name = "If-Match {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "\"3\"      | 3",
            "W/\"3\"    | 3",
            "3          | 3",
            "' \"42\" ' | 42",
            "\"0\"      | 0",
    })
    void parsesVersions(String header, long version) {
        assertThat(Versions.parseIfMatch(header)).isEqualTo(version);
    }

    @ParameterizedTest(name = "If-Match ''{0}'' → 400")
    @CsvSource(delimiter = '|', value = {"*", "\"abc\"", "\"1\", \"2\"", "-1", "\"99999999999999999999\""})
    void rejectsOtherValues(String header) {
        assertThatThrownBy(() -> Versions.parseIfMatch(header)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("invalid-if-match"))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"null", "''", "'   '"})
    void missingIs428(String header) {
        assertThatThrownBy(() -> Versions.parseIfMatch(header)).isInstanceOf(PreconditionRequiredProblem.class);
    }

    @Property
    void etagRoundTrips(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 10) long version) {
        assertThat(Versions.parseIfMatch(Versions.etag(version))).isEqualTo(version);
    }

    @Property
    void staleUnlessEqual(@ForAll long expected, @ForAll long current) {
        if (expected == current) {
            Versions.requireCurrent(expected, current);
        } else {
            assertThatThrownBy(() -> Versions.requireCurrent(expected, current)).isInstanceOf(StaleVersionProblem.class);
        }
    }
}
