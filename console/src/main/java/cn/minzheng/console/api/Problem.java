package cn.minzheng.console.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An {@code application/problem+json} answer (RFC 9457) as a page shows it: the title and detail (Chinese
 * from the platform), each field's message next to the field its pointer names, and the trace id to quote.
 */
public record Problem(int status, String code, String title, String detail, List<FieldProblem> errors, String traceId) {

    static Problem of(int status, Map<?, ?> body) {
        List<FieldProblem> errors = new ArrayList<>();
        if (body.get("errors") instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?> m) {
                    String pointer = text(m.get("pointer"));
                    errors.add(new FieldProblem(pointer, FieldProblem.fieldOf(pointer), text(m.get("code")),
                            text(m.get("message"))));
                }
            }
        }
        String detail = text(body.get("detail"));
        if (!errors.isEmpty()) {
            // the API's detail speaks of its errors[] member; the page lists them as links to the fields
            detail = "请按下列提示修改标出的内容，然后重新提交。";
        }
        return new Problem(status, text(body.get("code")), text(body.get("title")), detail,
                List.copyOf(errors), text(body.get("traceId")));
    }

    /** A problem the console states itself (no answer, or an answer that is not a problem document). */
    public static Problem local(int status, String code, String title, String detail) {
        return new Problem(status, code, title, detail, List.of(), null);
    }

    /** The messages for one form field, e.g. {@code members[0].idNumber}; empty when it has none. */
    public List<String> messagesFor(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldProblem::message).toList();
    }

    public boolean hasField(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** The first message for a field, or null: what a template shows next to the field. */
    public String at(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldProblem::message).findFirst().orElse(null);
    }

    public boolean stale() {
        return status == 412;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
