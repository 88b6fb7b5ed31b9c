package cn.minzheng.org.problems;

import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.UnprocessableProblem;

import java.util.List;

/**
 * 422 of a {@link RuleViolation}: the first field problem's Chinese message is argument 0 of the
 * bundles' {@code <code>.detail} (the Chinese bundle shows it as it is, the English one says the rule in
 * English).
 */
class RuleRefused extends UnprocessableProblem {
    private final List<Object> args;

    RuleRefused(String code, String detail, List<FieldProblem> errors) {
        super(code, detail, errors);
        this.args = List.of(detail);
    }

    @Override
    public List<Object> args() {
        return args;
    }
}
