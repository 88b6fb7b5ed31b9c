package cn.minzheng.platform.kit.problem;

/** 409: the request conflicts with the current state (duplicate, already exists, ...). */
public class ConflictProblem extends ProblemException {

    public static final String CODE = "conflict";

    public ConflictProblem(String code, Object... args) {
        super(409, code, args);
    }
}
