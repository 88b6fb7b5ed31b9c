package cn.minzheng.platform.kit.problem;

import java.util.List;
import java.util.Map;

/** 409: a state machine refused {@code action} from status {@code from} (to {@code to}, if known). */
public class IllegalTransitionProblem extends ProblemException {

    public static final String CODE = "illegal-transition";

    private final String from;
    private final String to;
    private final String action;

    public IllegalTransitionProblem(String from, String to, String action) {
        super(409, CODE, null, List.of(String.valueOf(action), String.valueOf(from), String.valueOf(to)),
                List.of(), properties(from, to, action), null);
        this.from = from;
        this.to = to;
        this.action = action;
    }

    private static Map<String, Object> properties(String from, String to, String action) {
        var map = new java.util.LinkedHashMap<String, Object>();
        if (from != null) map.put("from", from);
        if (to != null) map.put("to", to);
        if (action != null) map.put("action", action);
        return map;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public String action() {
        return action;
    }
}
