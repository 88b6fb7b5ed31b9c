package cn.minzheng.platform.kit.problem;

import java.util.List;
import java.util.Map;

/**
 * 422: understood and valid in form, but the business rules refuse it. With field errors, each
 * refused field is named in {@code errors[]} by its JSON pointer, as for {@link ValidationProblem}
 * (400 says "the form is wrong", 422 says "the form is fine, the rules say no").
 */
public class UnprocessableProblem extends ProblemException {

    public UnprocessableProblem(String code, Object... args) {
        super(422, code, args);
    }

    /** The refused fields under your code; texts from {@code <code>.title/.detail} and {@code field.<code>}. */
    public UnprocessableProblem(String code, List<FieldProblem> errors) {
        this(code, null, errors);
    }

    /**
     * As above; {@code detail} is the text used when the bundles have no {@code <code>.detail}
     * (e.g. the domain's own message), and what logs show.
     */
    public UnprocessableProblem(String code, String detail, List<FieldProblem> errors) {
        this(code, detail, errors, null);
    }

    /** As above, with the domain refusal this answers as the cause (for the logs). */
    protected UnprocessableProblem(String code, String detail, List<FieldProblem> errors, Throwable cause) {
        super(422, code, detail, List.of(), errors, Map.of(), cause);
    }
}
