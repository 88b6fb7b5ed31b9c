package cn.minzheng.topology.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Compose's interpolation rules, case by case (compose-spec "Interpolation"). */
class InterpolationTest {

    private final Interpolation set = new Interpolation(Map.of("SET", "value", "EMPTY", "", "OTHER", "x"));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "${SET}|value",
            "$SET|value",
            "pre-${SET}-post|pre-value-post",
            "${UNSET}|''",
            "${UNSET:-fallback}|fallback",
            "${EMPTY:-fallback}|fallback",
            "${EMPTY-fallback}|''",
            "${UNSET-fallback}|fallback",
            "${SET:-fallback}|value",
            "${SET:+other}|other",
            "${EMPTY:+other}|''",
            "${EMPTY+other}|other",
            "${UNSET:-${OTHER}}|x",
            "$$SET|$SET",
            "a $$ b|a $ b",
            "http://eureka:${SET:?required}@registry:8761|http://eureka:value@registry:8761",
    })
    void replacesAsComposeDoes(String text, String expected) {
        assertThat(set.apply(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} refuses with: {1}")
    @CsvSource(delimiter = '|', value = {
            "${UNSET:?UNSET is required}|required variable UNSET is missing a value: UNSET is required",
            "${EMPTY:?EMPTY is required}|required variable EMPTY is missing a value: EMPTY is required",
            "${UNSET?must be set}|required variable UNSET is missing a value: must be set",
    })
    void aRequiredVariableThatIsMissingStopsWithItsName(String text, String message) {
        assertThatThrownBy(() -> set.apply(text)).isInstanceOf(Interpolation.MissingVariable.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"${EMPTY?unset only}|''"})
    void withoutTheColonAnEmptyValueCounts(String text, String expected) {
        assertThat(set.apply(text)).isEqualTo(expected);
    }
}
