package cn.minzheng.platform.kit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The kit's rule refusal: what it carries for the answer (code, source, text key, arguments) and for the logs. */
class RuleViolationTest {

    /** A service's rules, as an enum: two rules share a code but not a text. */
    enum SampleRule implements RuleViolation.Rule {
        VISIT_STAFF(null, "[57]§16"),
        NOT_ELIGIBLE_FOR_APPROVAL("NOT_ELIGIBLE", null),
        NOT_ELIGIBLE_FOR_CHANGE("NOT_ELIGIBLE", null);

        private final String code;
        private final String source;

        SampleRule(String code, String source) {
            this.code = code;
            this.source = source;
        }

        @Override
        public String code() {
            return code != null ? code : name();
        }

        @Override
        public Optional<String> source() {
            return Optional.ofNullable(source);
        }

        @Override
        public String messageKey() {
            return "rule." + name();
        }
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                // rule, log message, args → code, source, key, args as strings, message
                Arguments.of(SampleRule.VISIT_STAFF, "a home visit needs at least 2 staff", new Object[]{2},
                        "VISIT_STAFF", Optional.of("[57]§16"), "rule.VISIT_STAFF", List.of("2"),
                        "a home visit needs at least 2 staff"),
                Arguments.of(SampleRule.NOT_ELIGIBLE_FOR_APPROVAL, "no approval", new Object[]{},
                        "NOT_ELIGIBLE", Optional.empty(), "rule.NOT_ELIGIBLE_FOR_APPROVAL", List.of(), "no approval"),
                Arguments.of(SampleRule.NOT_ELIGIBLE_FOR_CHANGE, "no change", new Object[]{},
                        "NOT_ELIGIBLE", Optional.empty(), "rule.NOT_ELIGIBLE_FOR_CHANGE", List.of(), "no change"),
                Arguments.of(RuleViolation.Rule.of("HEARING_REQUEST_LATE", "[行处法]§64"), "late",
                        new Object[]{LocalDate.of(2026, 3, 1), null}, "HEARING_REQUEST_LATE", Optional.of("[行处法]§64"),
                        "rule.HEARING_REQUEST_LATE", List.of("2026-03-01", "null"), "late"),
                Arguments.of(RuleViolation.Rule.of("NOTHING_TO_FIX"), null, new Object[]{10000},
                        "NOTHING_TO_FIX", Optional.empty(), "rule.NOTHING_TO_FIX", List.of("10000"), "NOTHING_TO_FIX"));
    }

    @ParameterizedTest(name = "{3} {5}")
    @MethodSource("refusals")
    void carriesWhatTheAnswerAndTheLogsNeed(RuleViolation.Rule rule, String message, Object[] args, String code,
                                            Optional<String> source, String key, List<Object> strings, String logged) {
        RuleViolation v = new RuleViolation(rule, message, args);
        assertThat(v.rule()).isSameAs(rule);
        assertThat(v.code()).isEqualTo(code);
        assertThat(v.source()).isEqualTo(source);
        assertThat(v.messageKey()).isEqualTo(key);
        assertThat(v.args()).isEqualTo(strings);
        assertThat(v.getMessage()).isEqualTo(logged);
        assertThat(v).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aRuleKnownOnlyByItsCodeHasNoSourceAndTheDefaultKey() {
        RuleViolation v = new RuleViolation("SERIALS_EXHAUSTED", "SERIALS_EXHAUSTED: [..]", 7);
        assertThat(v.code()).isEqualTo("SERIALS_EXHAUSTED");
        assertThat(v.source()).isEmpty();
        assertThat(v.messageKey()).isEqualTo("rule.SERIALS_EXHAUSTED");
        assertThat(v.args()).containsExactly("7");
    }

    @Test
    void theArgumentsAreACopy() {
        Object[] args = {"a"};
        RuleViolation v = new RuleViolation("X", "x", args);
        args[0] = "b";
        assertThat(v.args()).containsExactly("a");
        assertThatThrownBy(() -> v.args().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @EnumSource(SampleRule.class)
    void anEnumOfRulesKeepsItsOwnKeys(SampleRule rule) {
        assertThat(new RuleViolation(rule, "m").messageKey()).isEqualTo("rule." + rule.name());
    }

    @Test
    void aRuleNeedsACode() {
        assertThatThrownBy(() -> RuleViolation.Rule.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RuleViolation.Rule.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleViolation((RuleViolation.Rule) null, "m")).isInstanceOf(NullPointerException.class);
    }

    /** A service's subclass adds what its answer needs (org-service: field problems) with one super call. */
    static final class WithFields extends RuleViolation {
        private final List<String> fields;

        WithFields(String code, List<String> fields) {
            super(code, code + ": " + fields);
            this.fields = List.copyOf(fields);
        }
    }

    @Test
    void aSubclassKeepsCodeAndMessage() {
        var v = new WithFields("HEARING_WAIVED", List.of("/requestedOn"));
        assertThat(v).isInstanceOf(RuleViolation.class);
        assertThat(v.code()).isEqualTo("HEARING_WAIVED");
        assertThat(v.getMessage()).isEqualTo("HEARING_WAIVED: [/requestedOn]");
        assertThat(v.fields).containsExactly("/requestedOn");
        assertThat(Arrays.asList(v.args().toArray())).isEmpty();
    }
}
