package cn.minzheng.assistance.application;

import cn.minzheng.assistance.payment.PaymentBatch;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.platform.kit.domain.RuleViolation;
import cn.minzheng.platform.kit.problem.IllegalTransitionProblem;
import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.ProblemMessages;
import cn.minzheng.platform.kit.problem.RuleViolationProblem;
import cn.minzheng.platform.kit.problem.UnprocessableProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers to the case's refusals after the move to the kit's vocabulary: the kit's
 * {@link IllegalTransition} of a case is the same 409 as before (from, action, the state in words), a
 * rule refusal — the kit's {@link RuleViolation} of a {@link CaseRule} — the same 422 {@code rule-violated}
 * (its code, the Chinese and English texts, the legal source), now the kit's {@link RuleViolationProblem}.
 */
class DomainProblemsTest {

    @Test
    void aCaseStepTheTableRefusesIsAnswered409WithTheStateInWords() {
        ProblemException p = (ProblemException) DomainProblems.translate(new IllegalTransition(
                AssistanceCase.AGGREGATE_TYPE, "SUBMITTED", "RESUBMIT"));
        assertThat(p).isInstanceOf(CaseStepRefused.class);
        assertThat(p.status()).isEqualTo(409);
        assertThat(p.code()).isEqualTo("illegal-transition");
        assertThat(p.properties()).isEqualTo(Map.of("from", "SUBMITTED", "action", "RESUBMIT"));
        assertThat(p.args()).hasSize(5).startsWith("RESUBMIT", "SUBMITTED", "null");
        assertThat(p.args().get(3)).isEqualTo(CaseTexts.refusal(ApplicationStatus.SUBMITTED,
                ApplicationCommand.RESUBMIT, ProblemMessages.CHINESE));
        assertThat((String) p.args().get(3)).startsWith("申请当前为“已提交，待受理”").contains("受理");
        assertThat(p.args().get(4)).isEqualTo(CaseTexts.refusal(ApplicationStatus.SUBMITTED,
                ApplicationCommand.RESUBMIT, ProblemMessages.ENGLISH));
    }

    @Test
    void theReasonOfARefusedStepIsInTheLogsNotInTheAnswer() {
        IllegalTransition why = new IllegalTransition(AssistanceCase.AGGREGATE_TYPE, "SUBMITTED", "PAY_FIRST",
                ApplicationLifecycle.PAY_FIRST_URGENT_ONLY);
        ProblemException withReason = (ProblemException) DomainProblems.translate(why);
        ProblemException without = (ProblemException) DomainProblems.translate(new IllegalTransition(
                AssistanceCase.AGGREGATE_TYPE, "SUBMITTED", "PAY_FIRST"));
        assertThat(withReason.getMessage()).isEqualTo("application in status SUBMITTED does not allow PAY_FIRST: "
                + "先行救助 is only for 急难型 临时救助");
        assertThat(withReason.getCause()).isSameAs(why);
        assertThat(withReason.args()).isEqualTo(without.args());
        assertThat(withReason.properties()).isEqualTo(without.properties());
        assertThat(withReason.status()).isEqualTo(409);
    }

    @Test
    void anotherAggregatesRefusedStepIsThePlainKitAnswer() {
        Throwable p = DomainProblems.translate(new IllegalTransition(PaymentBatch.AGGREGATE_TYPE, "PUBLISHED", "APPROVE"));
        assertThat(p).isExactlyInstanceOf(IllegalTransitionProblem.class);
        assertThat(((IllegalTransitionProblem) p).from()).isEqualTo("PUBLISHED");
        assertThat(((IllegalTransitionProblem) p).action()).isEqualTo("APPROVE");
    }

    @ParameterizedTest
    @EnumSource(CaseRule.class)
    void everyRuleRefusalIsAnswered422WithItsCodeTextsAndSource(CaseRule rule) {
        RuleViolation e = new RuleViolation(rule, "for the log", 2);
        ProblemException p = (ProblemException) DomainProblems.translate(e);
        assertThat(p).isInstanceOf(RuleViolationProblem.class).isInstanceOf(UnprocessableProblem.class);
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.code()).isEqualTo("rule-violated");
        assertThat(p.getMessage()).isEqualTo("for the log");
        assertThat(p.errors()).isEmpty();
        String zh = CaseTexts.BUNDLES.find(rule.messageKey(), ProblemMessages.CHINESE, List.of("2")).orElseThrow();
        String en = CaseTexts.BUNDLES.find(rule.messageKey(), ProblemMessages.ENGLISH, List.of("2")).orElseThrow();
        assertThat(p.args()).containsExactly(rule.code(), zh, en);
        assertThat(p.properties()).isEqualTo(rule.source().isEmpty() ? Map.of() : Map.of("source", rule.source().get()));
    }

    @Test
    void theVisitStaffRuleReadsAsBefore() {
        ProblemException p = (ProblemException) DomainProblems.translate(new RuleViolation(
                CaseRule.VISIT_STAFF, "a home visit needs at least 2 distinct staff", 2));
        assertThat(p.args()).containsExactly("VISIT_STAFF", "入户调查须有至少 2 名不同的工作人员参加。请补充调查人员后再登记。",
                "A home visit needs at least 2 distinct staff members. Add the staff, then record it.");
        assertThat(p.properties()).containsEntry("source", "[57]§16");
    }
}
