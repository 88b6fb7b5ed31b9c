package cn.minzheng.platform.kit.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 412: the client's {@code If-Match} version is not the current one. {@code currentVersion} may be
 * null when the store only knows the conditional update matched nothing.
 */
public class StaleVersionProblem extends ProblemException {

    public static final String CODE = "stale-version";

    public StaleVersionProblem(long expectedVersion, Long currentVersion) {
        super(412, CODE, null, List.of(expectedVersion, currentVersion == null ? "?" : currentVersion),
                List.of(), properties(expectedVersion, currentVersion), null);
    }

    private static Map<String, Object> properties(long expected, Long current) {
        var map = new LinkedHashMap<String, Object>();
        map.put("expectedVersion", expected);
        if (current != null) map.put("currentVersion", current);
        return map;
    }
}
