package cn.minzheng.topology.compose;

import java.util.Map;

/**
 * Compose's variable interpolation (compose-spec "Interpolation"): {@code $VAR}, {@code ${VAR}},
 * {@code ${VAR:-default}} (unset or empty), {@code ${VAR-default}} (unset), {@code ${VAR:?message}}
 * and {@code ${VAR?message}} (required), {@code ${VAR:+other}} and {@code ${VAR+other}}, and
 * {@code $$} for a literal dollar sign. Defaults may themselves contain variables.
 */
public final class Interpolation {

    private final Map<String, String> variables;

    public Interpolation(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** The value with every variable replaced; a required variable that is unset throws {@link MissingVariable}. */
    public String apply(String value) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c != '$' || i + 1 >= value.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = value.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int end = closingBrace(value, i + 2);
                out.append(expand(value.substring(i + 2, end)));
                i = end + 1;
            } else if (Character.isLetter(next) || next == '_') {
                int end = i + 1;
                while (end < value.length() && (Character.isLetterOrDigit(value.charAt(end)) || value.charAt(end) == '_')) {
                    end++;
                }
                out.append(variables.getOrDefault(value.substring(i + 1, end), ""));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String expand(String expression) {
        int nameEnd = 0;
        while (nameEnd < expression.length()
                && (Character.isLetterOrDigit(expression.charAt(nameEnd)) || expression.charAt(nameEnd) == '_')) {
            nameEnd++;
        }
        String name = expression.substring(0, nameEnd);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("invalid interpolation format: ${" + expression + "}");
        }
        String value = variables.get(name);
        if (nameEnd == expression.length()) {
            return value == null ? "" : value;
        }
        String rest = expression.substring(nameEnd);
        boolean colon = rest.startsWith(":");
        String operator = colon ? rest.substring(1, Math.min(2, rest.length())) : rest.substring(0, 1);
        String argument = rest.substring(colon ? 2 : 1);
        boolean absent = value == null || (colon && value.isEmpty());
        return switch (operator) {
            case "-" -> absent ? apply(argument) : value;
            case "?" -> {
                if (absent) {
                    throw new MissingVariable(name, apply(argument));
                }
                yield value;
            }
            case "+" -> absent ? "" : apply(argument);
            default -> throw new IllegalArgumentException("invalid interpolation format: ${" + expression + "}");
        };
    }

    private static int closingBrace(String value, int from) {
        int depth = 1;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '{' && value.charAt(i - 1) == '$') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed ${ in: " + value);
    }

    /** A required variable ({@code ${VAR:?message}}) that is unset: compose refuses to start. */
    public static final class MissingVariable extends RuntimeException {
        private final String variable;

        MissingVariable(String variable, String message) {
            super("required variable " + variable + " is missing a value: " + message);
            this.variable = variable;
        }

        /** The same, with where in the file it was read (compose: {@code error while interpolating …}). */
        MissingVariable(String variable, String where, MissingVariable cause) {
            super("error while interpolating " + where + ": " + cause.getMessage());
            this.variable = variable;
        }

        public String variable() {
            return variable;
        }
    }
}
