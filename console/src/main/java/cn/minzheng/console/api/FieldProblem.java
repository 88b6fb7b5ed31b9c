package cn.minzheng.console.api;

/**
 * One field's problem from {@code errors[]}: its JSON pointer, the form field the pointer names
 * ({@code /members/0/idNumber} → {@code members[0].idNumber}) and the message (Chinese, from the API).
 */
public record FieldProblem(String pointer, String field, String code, String message) {

    public static String fieldOf(String pointer) {
        if (pointer == null || pointer.isEmpty() || "/".equals(pointer)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String part : pointer.substring(1).split("/", -1)) {
            String token = part.replace("~1", "/").replace("~0", "~");
            if (!token.isEmpty() && token.chars().allMatch(Character::isDigit)) {
                out.append('[').append(token).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(token);
            }
        }
        return out.toString();
    }

    /** The element id of the form field, for the error summary's links and aria-describedby. */
    public String anchor() {
        return "f-" + field.replaceAll("[^A-Za-z0-9]+", "-");
    }
}
