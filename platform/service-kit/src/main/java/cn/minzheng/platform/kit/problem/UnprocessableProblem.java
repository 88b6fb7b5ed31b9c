package cn.minzheng.platform.kit.problem;

/** 422: understood and valid in form, but the business rules refuse it. */
public class UnprocessableProblem extends ProblemException {

    public UnprocessableProblem(String code, Object... args) {
        super(422, code, args);
    }
}
