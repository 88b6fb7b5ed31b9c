package cn.minzheng.platform.kit.problem;

import cn.minzheng.platform.kit.domain.IllegalTransition;
import java.util.List;
import java.util.Map;

/**
 * 409: a state machine refused {@code action} from status {@code from} (to {@code to}, if known). Made
 * from the domain's {@link IllegalTransition}, it keeps that refusal as its cause and its message (with
 * the reason, if any) for the logs; the answer is the same either way.
 */
public class IllegalTransitionProblem extends ProblemException {

    public static final String CODE = "illegal-transition";

    private final String from;
    private final String to;
    private final String action;

    public IllegalTransitionProblem(String from, String to, String action) {
        this(from, to, action, null);
    }

    /** The answer to the domain's refusal: its status and action; its message (and reason) for the logs. */
    public IllegalTransitionProblem(IllegalTransition refused) {
        this(refused.status(), null, refused.action(), refused);
    }

    /** {@code refused} (may be null) is the cause; its message is what logs show of this problem. */
    protected IllegalTransitionProblem(String from, String to, String action, IllegalTransition refused) {
        super(409, CODE, refused == null ? null : refused.getMessage(),
                List.of(String.valueOf(action), String.valueOf(from), String.valueOf(to)),
                List.of(), properties(from, to, action), refused);
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
