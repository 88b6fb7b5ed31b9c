package cn.minzheng.platform.kit.problem;

import java.util.List;
import java.util.Map;

/** 400: the request is well-formed but some fields are invalid; {@link #errors()} names each. */
public class ValidationProblem extends ProblemException {

    public static final String CODE = "validation-failed";

    public ValidationProblem(List<FieldProblem> errors) {
        this(CODE, errors);
    }

    public ValidationProblem(FieldProblem... errors) {
        this(CODE, List.of(errors));
    }

    /** A more specific code (keep status 400), e.g. {@code malformed-request}. */
    public ValidationProblem(String code, List<FieldProblem> errors) {
        super(400, code, null, List.of(), errors, Map.of(), null);
    }
}
