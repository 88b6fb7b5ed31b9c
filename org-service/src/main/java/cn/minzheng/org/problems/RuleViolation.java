package cn.minzheng.org.problems;

import java.util.List;

/** A request breaks one or more domain rules; carries every field problem found. */
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
