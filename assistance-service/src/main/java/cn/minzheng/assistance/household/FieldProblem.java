package cn.minzheng.assistance.household;

/** One invalid field: a JSON pointer into the submission, a stable code and a message. */
public record FieldProblem(String pointer, String code, String message) {
}
