package cn.minzheng.assistance.application;

/** A transition allowed by the table but refused by a rule of the step (e.g. one staff member on a home visit). */
public class RuleViolationException extends RuntimeException {
    private final String code;

    public RuleViolationException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
