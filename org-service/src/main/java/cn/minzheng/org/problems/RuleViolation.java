package cn.minzheng.org.problems;

import java.util.List;

/**
 * A well-formed request that a domain rule refuses (answered 422 with every field problem, the
 * first one's message as the detail): a penalty outside the 裁量基准, a heavier decision than the
 * notified one, a hearing requested too late, a change the organization's standing does not allow.
 * It is the kit's {@link cn.minzheng.platform.kit.domain.RuleViolation} (the platform's one rule refusal,
 * issue 15 item 2) with the field problems org-service answers; {@link ProblemTranslation} answers it with
 * the rule's own code and {@code errors[]}.
 * Fields that are missing or malformed in themselves are {@link InvalidFields} (400); a step the
 * aggregate's state does not allow is an {@code IllegalTransition} or a {@link ClosedGate} (409).
 */
public class RuleViolation extends cn.minzheng.platform.kit.domain.RuleViolation {
    private final List<FieldProblem> problems;

    public RuleViolation(String code, List<FieldProblem> problems) {
        super(code, code + ": " + problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rule violation needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public static void throwIfAny(String code, List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new RuleViolation(code, problems);
        }
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
