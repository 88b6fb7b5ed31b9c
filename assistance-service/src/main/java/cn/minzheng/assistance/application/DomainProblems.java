package cn.minzheng.assistance.application;

import cn.minzheng.assistance.eligibility.NoStandardException;
import cn.minzheng.assistance.household.SubmissionInvalidException;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.IllegalTransitionProblem;
import cn.minzheng.platform.kit.problem.UnprocessableProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;

/** Domain errors → the kit's problem types (RFC 9457 responses). */
public final class DomainProblems {
    /** 403 code when the caller is the applicant or a household member of the case they act on (回避). */
    public static final String SELF_DEALING = "own-household-case";

    private DomainProblems() {
    }

    public static Throwable translate(Throwable e) {
        if (e instanceof IllegalTransitionException t) {
            return new IllegalTransitionProblem(t.from().name(), null, t.command().name());
        }
        if (e instanceof RoleNotAllowedException) {
            return new ForbiddenProblem("role-not-allowed", e.getMessage());
        }
        if (e instanceof SelfDealingException s) {
            return new ForbiddenProblem(SELF_DEALING, s.number());
        }
        if (e instanceof RuleViolationException r) {
            return new UnprocessableProblem("rule-violated", r.code(), r.getMessage());
        }
        if (e instanceof SubmissionInvalidException s) {
            return new ValidationProblem(s.problems().stream()
                    .map(p -> FieldProblem.withMessage(p.pointer(), p.code(), p.message())).toList());
        }
        if (e instanceof NoStandardException) {
            return new UnprocessableProblem("no-standard", e.getMessage());
        }
        return e;
    }
}
