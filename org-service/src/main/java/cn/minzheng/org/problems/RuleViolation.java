package cn.minzheng.org.problems;

import java.util.List;

/**
 * A well-formed request that a domain rule refuses (answered 422 with every field problem, the
 * first one's message as the detail): a penalty outside the 裁量基准, a heavier decision than the
 * notified one, a hearing requested too late, a change the organization's standing does not allow.
 * Fields that are missing or malformed in themselves are {@link InvalidFields} (400); a step the
 * aggregate's state does not allow is an {@code IllegalTransition} or a {@link ClosedGate} (409).
 */
public class RuleViolation extends RuntimeException {
    private final String code;
    private final List<FieldProblem> problems;

    public RuleViolation(String code, List<FieldProblem> problems) {
        super(code + ": " + problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rule violation needs at least one problem");
        }
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public static void throwIfAny(String code, List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new RuleViolation(code, problems);
        }
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
