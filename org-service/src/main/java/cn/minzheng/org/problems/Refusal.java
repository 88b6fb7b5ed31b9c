package cn.minzheng.org.problems;

import java.util.List;

/**
 * A well-formed request that a business rule refuses (becomes a 422 problem with every field
 * problem): a penalty outside the 裁量基准, a hearing requested too late, a decision heavier than
 * the notified proposal.
 */
public class Refusal extends RuntimeException {
    private final String code;
    private final List<FieldProblem> problems;

    public Refusal(String code, List<FieldProblem> problems) {
        super(code + ": " + problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one problem");
        }
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public static void throwIfAny(String code, List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new Refusal(code, problems);
        }
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
