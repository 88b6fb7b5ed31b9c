package cn.minzheng.org.problems;

import java.util.Objects;

/**
 * One rule a field breaks: a JSON pointer into the request, a stable code and a Chinese message.
 * Domain rules return these so the web adapter can list every problem at once (一次性告知).
 */
public record FieldProblem(String pointer, String code, String message) {
    public FieldProblem {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
