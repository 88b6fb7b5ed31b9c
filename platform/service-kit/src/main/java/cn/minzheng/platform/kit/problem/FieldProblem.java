package cn.minzheng.platform.kit.problem;

import java.util.List;
import java.util.Objects;

/**
 * One field error inside a problem: where ({@code pointer}, an RFC 6901 JSON pointer into the
 * request body such as {@code /applicant/idNumber}), what ({@code code}, stable, e.g.
 * {@code not-blank}) and the arguments for the localized message (bundle key {@code field.<code>}).
 * {@code defaultMessage} is used when no bundle has the key.
 */
public record FieldProblem(String pointer, String code, List<Object> args, String defaultMessage) {

    public FieldProblem {
        Objects.requireNonNull(code, "code");
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static FieldProblem of(String pointer, String code, Object... args) {
        return new FieldProblem(pointer, code, List.of(args), null);
    }

    public static FieldProblem withMessage(String pointer, String code, String defaultMessage) {
        return new FieldProblem(pointer, code, List.of(), defaultMessage);
    }
}
