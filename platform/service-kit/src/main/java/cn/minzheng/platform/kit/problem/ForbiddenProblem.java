package cn.minzheng.platform.kit.problem;

/** 403: the caller is known but may not do this (role or region or ownership). */
public class ForbiddenProblem extends ProblemException {

    public static final String CODE = "forbidden";

    public ForbiddenProblem() {
        super(403, CODE);
    }

    public ForbiddenProblem(String code, Object... args) {
        super(403, code, args);
    }
}
