package cn.minzheng.assistance.household;

import java.util.List;

/**
 * One invalid field: a JSON pointer into the submission, a stable code, the arguments of its text
 * (bundle key {@code field.<code>}) and a message for logs.
 */
public record FieldProblem(String pointer, String code, String message, List<Object> args) {

    public FieldProblem {
        args = args == null ? List.of() : args.stream().map(a -> (Object) String.valueOf(a)).toList();
    }

    public FieldProblem(String pointer, String code, String message) {
        this(pointer, code, message, List.of());
    }
}
