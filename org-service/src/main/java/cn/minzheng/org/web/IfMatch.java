package cn.minzheng.org.web;

import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.PreconditionRequiredProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;

/**
 * Local reading of {@code If-Match: "<version>"} until the service kit's concurrency support is
 * ready: missing → 428, not a version → 400; a stale version is the store's 412.
 */
public final class IfMatch {
    private IfMatch() {
    }

    public static long version(String header) {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequiredProblem();
        }
        String v = header.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ValidationProblem("invalid-if-match", java.util.List.of(FieldProblem.withMessage("/If-Match", "invalid-version",
                    "If-Match 应为资源版本号，如 \"3\"")));
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
