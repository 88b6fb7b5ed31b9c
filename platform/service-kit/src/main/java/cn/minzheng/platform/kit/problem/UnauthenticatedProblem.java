package cn.minzheng.platform.kit.problem;

/** 401: no valid token. Mostly raised by the security chain; services rarely need it. */
public class UnauthenticatedProblem extends ProblemException {

    public static final String CODE = "unauthenticated";

    public UnauthenticatedProblem() {
        super(401, CODE);
    }

    public UnauthenticatedProblem(String code, Object... args) {
        super(401, code, args);
    }
}
