package cn.minzheng.assistance.household;

import java.util.List;

/** The submission breaks field rules; nothing was stored. */
public class SubmissionInvalidException extends RuntimeException {
    private final transient List<FieldProblem> problems;

    public SubmissionInvalidException(List<FieldProblem> problems) {
        super(problems.size() + " invalid field(s): " + problems.get(0).pointer());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
