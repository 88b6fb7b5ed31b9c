package cn.minzheng.org.problems;

import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ProblemException;

import java.util.List;
import java.util.Map;

/**
 * 422 with field errors. The kit's {@code UnprocessableProblem} carries no field errors; this local
 * subclass of the kit's base type does, until the kit has one (requested in the module's report).
 */
public class RefusedProblem extends ProblemException {
    public RefusedProblem(String code, String detail, List<FieldProblem> errors) {
        super(422, code, detail, List.of(), errors, Map.of(), null);
    }
}
