package cn.minzheng.platform.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.platform.kit.domain.RuleViolation;
import cn.minzheng.platform.kit.problem.web.WebExceptionTranslation;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit's answers to its domain refusals a service did not translate itself: a rule violation 422
 * {@code rule-violated} (texts from the service's {@code rule.<code>}, the source as its own member), a
 * refused transition 409 {@code illegal-transition} — never an opaque 500.
 */
class DomainRefusalProblemsTest {

    private final ProblemMessages messages = new ProblemMessages(List.of("test-problems"));

    static Stream<Arguments> violations() {
        return Stream.of(
                // violation → zh detail, en detail, members
                Arguments.of(new RuleViolation(RuleViolation.Rule.of("VISIT_STAFF", "[57]§16"), "needs 2 staff", 2),
                        "入户调查须有至少 2 名不同的工作人员参加。请补充调查人员后再登记。",
                        "A home visit needs at least 2 distinct staff members. Add the staff, then record it.",
                        Map.of("source", "[57]§16")),
                Arguments.of(new RuleViolation("AMOUNT_RANGE", "amount out of range"),
                        "金额须大于零。请调整金额后再发放。", "The amount must be above zero. Adjust it, then pay.", Map.of()),
                // no text in any bundle: the log message stands in (a gap the service's catalogue test should catch)
                Arguments.of(new RuleViolation("NO_TEXT", "no text for this rule"),
                        "no text for this rule", "no text for this rule", Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void aRuleViolationIs422RuleViolated(RuleViolation v, String zh, String en, Map<String, Object> members) {
        var translated = WebExceptionTranslation.translate(v, messages);
        ProblemException p = translated.problem();
        assertThat(translated.unexpected()).isFalse();
        assertThat(p).isInstanceOf(RuleViolationProblem.class).isInstanceOf(UnprocessableProblem.class);
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.code()).isEqualTo("rule-violated");
        assertThat(p.args()).containsExactly(v.code(), zh, en);
        assertThat(p.properties()).isEqualTo(members);
        assertThat(p.errors()).isEmpty();
        assertThat(p.getMessage()).isEqualTo(v.getMessage());
        assertThat(p.getCause()).isSameAs(v);
        assertThat(messages.detail(p, ProblemMessages.CHINESE)).isEqualTo(zh);
        assertThat(messages.detail(p, ProblemMessages.ENGLISH)).isEqualTo(en);
        assertThat(messages.title(p, ProblemMessages.CHINESE)).isEqualTo("不符合办理规定");
    }

    @Test
    void aRefusedTransitionIs409WithItsReasonOnlyInTheLogs() {
        var refused = new IllegalTransition("application", "SUBMITTED", "PAY_FIRST", "先行救助 is only for 急难型 临时救助");
        ProblemException p = WebExceptionTranslation.translate(refused, messages).problem();
        assertThat(p).isInstanceOf(IllegalTransitionProblem.class);
        assertThat(p.status()).isEqualTo(409);
        assertThat(p.code()).isEqualTo("illegal-transition");
        assertThat(p.properties()).isEqualTo(Map.of("from", "SUBMITTED", "action", "PAY_FIRST"));
        assertThat(p.getMessage()).isEqualTo(refused.getMessage()).endsWith(": 先行救助 is only for 急难型 临时救助");
        assertThat(p.getCause()).isSameAs(refused);
        // the answer is the one without a reason
        var plain = new IllegalTransitionProblem("SUBMITTED", null, "PAY_FIRST");
        assertThat(p.args()).isEqualTo(plain.args());
        assertThat(messages.detail(p, ProblemMessages.CHINESE)).isEqualTo(messages.detail(plain, ProblemMessages.CHINESE))
                .doesNotContain("急难型");
    }

    @Test
    void aProblemAlreadyTranslatedPassesThrough() {
        var problem = new UnprocessableProblem("income-over-standard");
        assertThat(WebExceptionTranslation.translate(problem, messages).problem()).isSameAs(problem);
        assertThat(WebExceptionTranslation.translate(new IllegalStateException("boom"), messages).unexpected()).isTrue();
    }
}
