package cn.minzheng.assistance.application;

import cn.minzheng.assistance.eligibility.NoStandardException;
import cn.minzheng.assistance.household.SubmissionInvalidException;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.platform.kit.domain.RuleViolation;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.IllegalTransitionProblem;
import cn.minzheng.platform.kit.problem.ProblemMessages;
import cn.minzheng.platform.kit.problem.RuleViolationProblem;
import cn.minzheng.platform.kit.problem.UnprocessableProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;

/**
 * Domain errors → the kit's problem types (RFC 9457 responses): the kit's {@link IllegalTransition} of a
 * case → 409 {@code illegal-transition} saying the state in words ({@link CaseStepRefused}; of another
 * aggregate, the kit's plain {@link IllegalTransitionProblem} — a payment batch translates its own in
 * {@code PaymentWorkflow}) — either keeps the refusal's reason for the logs; the kit's {@link RuleViolation} (of a
 * {@link CaseRule}) → 422 {@code rule-violated} ({@link RuleViolationProblem}: the rule's code, its Chinese and
 * English texts {@code rule.<name>}, the legal source as the member {@code source});
 * a role or 回避 refusal → 403.
 */
public final class DomainProblems {
    /** 403 code when the caller is the applicant or a household member of the case they act on (回避). */
    public static final String SELF_DEALING = "own-household-case";

    private DomainProblems() {
    }

    public static Throwable translate(Throwable e) {
        if (e instanceof IllegalTransition t) {
            return AssistanceCase.AGGREGATE_TYPE.equals(t.aggregate())
                    ? new CaseStepRefused(t)
                    : new IllegalTransitionProblem(t);
        }
        if (e instanceof RoleNotAllowedException r) {
            return new ForbiddenProblem("role-not-allowed", r.text(ProblemMessages.CHINESE), r.text(ProblemMessages.ENGLISH));
        }
        if (e instanceof SelfDealingException s) {
            return new ForbiddenProblem(SELF_DEALING, s.number());
        }
        if (e instanceof RuleViolation r) {
            return new RuleViolationProblem(r, CaseTexts.BUNDLES);
        }
        if (e instanceof SubmissionInvalidException s) {
            return new ValidationProblem(s.problems().stream()
                    .map(p -> new FieldProblem(p.pointer(), p.code(), p.args(), p.message())).toList());
        }
        if (e instanceof NoStandardException) {
            NoStandardException n = (NoStandardException) e;
            return new UnprocessableProblem("no-standard", n.region(),
                    CaseTexts.text("standard-kind." + n.kind().name(), ProblemMessages.CHINESE, java.util.List.of()),
                    n.month().toString(),
                    CaseTexts.text("standard-kind." + n.kind().name(), ProblemMessages.ENGLISH, java.util.List.of()));
        }
        return e;
    }
}
