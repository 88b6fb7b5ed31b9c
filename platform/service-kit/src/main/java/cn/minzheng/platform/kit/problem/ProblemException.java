package cn.minzheng.platform.kit.problem;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Base of every error that becomes an RFC 9457 problem. Plain Java on purpose: domain code throws
 * it (or a subclass) without knowing about Spring; the service kit turns it into
 * {@code application/problem+json}.
 *
 * <p>The {@code code} is stable and part of the API. Title and detail come from the message
 * bundles under the keys {@code <code>.title} and {@code <code>.detail}, formatted with
 * {@link #args()}; {@link #getMessage()} is only the fallback (and what logs show).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<Object> args;
    private final List<FieldProblem> errors;
    private final Map<String, Object> properties;

    public ProblemException(int status, String code, Object... args) {
        this(status, code, null, Arrays.asList(args), List.of(), Map.of(), null);
    }

    protected ProblemException(int status, String code, String defaultDetail, List<Object> args,
                               List<FieldProblem> errors, Map<String, Object> properties, Throwable cause) {
        super(defaultDetail != null ? defaultDetail : code + (args == null || args.isEmpty() ? "" : " " + args), cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("problem status must be 4xx or 5xx: " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.args = args == null ? List.of() : List.copyOf(args.stream().map(String::valueOf).toList());
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.properties = properties == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(properties));
    }

    /** HTTP status, 4xx or 5xx. */
    public int status() {
        return status;
    }

    /** Stable machine-readable code, e.g. {@code illegal-transition}. */
    public String code() {
        return code;
    }

    /** Arguments for the message templates, already turned into strings. */
    public List<Object> args() {
        return args;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** Extra members of the problem object (e.g. {@code from}, {@code to}, {@code action}). */
    public Map<String, Object> properties() {
        return properties;
    }
}
