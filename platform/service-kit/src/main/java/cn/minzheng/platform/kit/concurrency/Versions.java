package cn.minzheng.platform.kit.concurrency;

import cn.minzheng.platform.kit.problem.PreconditionRequiredProblem;
import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency over HTTP, plain Java: the ETag of an aggregate is its version in quotes
 * ({@code "3"}); a change must carry {@code If-Match: "3"} (weak {@code W/"3"} and bare {@code 3}
 * are accepted too).
 */
public final class Versions {

    private static final Pattern IF_MATCH = Pattern.compile("\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*");

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names.
     *
     * @throws PreconditionRequiredProblem 428 when the header is missing
     * @throws ProblemException 400 {@code invalid-if-match} when it is not one version
     */
    public static long parseIfMatch(String header) {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequiredProblem();
        }
        var m = IF_MATCH.matcher(header);
        if (!m.matches()) {
            throw new ProblemException(400, "invalid-if-match");
        }
        return Long.parseLong(m.group(1));
    }

    /** @throws StaleVersionProblem 412 when the client's version is not the current one */
    public static void requireCurrent(long expected, long current) {
        if (expected != current) {
            throw new StaleVersionProblem(expected, current);
        }
    }
}
