package cn.minzheng.platform.kit.problem;

import java.util.List;
import java.util.Map;

/** 404: the named resource does not exist (or the caller may not know it exists). */
public class NotFoundProblem extends ProblemException {

    public static final String CODE = "not-found";

    /** {@code resource} is a noun such as {@code application}; {@code id} its number. */
    public NotFoundProblem(String resource, String id) {
        super(404, CODE, null, List.of(resource, id), List.of(), Map.of("resource", resource), null);
    }
}
