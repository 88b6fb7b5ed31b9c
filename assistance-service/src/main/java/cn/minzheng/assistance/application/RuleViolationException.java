package cn.minzheng.assistance.application;

import java.util.List;

/** A transition allowed by the table but refused by a rule of the step (e.g. one staff member on a home visit). */
public class RuleViolationException extends RuntimeException {
    private final RuleViolation rule;
    private final String code;
    private final List<Object> args;

    /** {@code message} is for logs; people read the bundle text {@code rule.<name>} with {@code args}. */
    public RuleViolationException(RuleViolation rule, String message, Object... args) {
        super(message);
        this.rule = rule;
        this.code = rule.code();
        this.args = List.of(args).stream().map(a -> (Object) String.valueOf(a)).toList();
    }

    public RuleViolation rule() {
        return rule;
    }

    public String code() {
        return code;
    }

    public List<Object> args() {
        return args;
    }
}
