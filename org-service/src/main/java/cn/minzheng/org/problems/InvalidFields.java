package cn.minzheng.org.problems;

import java.util.List;

/**
 * Fields of a command that are missing or invalid in themselves (answered 400 with every field
 * problem, under {@link #code()}): the same request can never succeed, whatever the facts of the
 * case. A well-formed request that a domain rule refuses is a {@link RuleViolation} (422).
 */
public class InvalidFields extends RuntimeException {
    private final String code;
    private final List<FieldProblem> problems;

    public InvalidFields(String code, List<FieldProblem> problems) {
        super(code + ": " + problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("invalid fields need at least one problem");
        }
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public static void throwIfAny(String code, List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidFields(code, problems);
        }
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
