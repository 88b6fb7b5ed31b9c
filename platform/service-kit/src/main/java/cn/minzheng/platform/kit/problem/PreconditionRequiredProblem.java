package cn.minzheng.platform.kit.problem;

/** 428: a change to an existing resource came without {@code If-Match}. */
public class PreconditionRequiredProblem extends ProblemException {

    public static final String CODE = "precondition-required";

    public PreconditionRequiredProblem() {
        super(428, CODE);
    }

    /** e.g. {@code new PreconditionRequiredProblem("idempotency-key-required")}. */
    public PreconditionRequiredProblem(String code, Object... args) {
        super(428, code, args);
    }
}
