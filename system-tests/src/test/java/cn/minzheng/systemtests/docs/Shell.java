package cn.minzheng.systemtests.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small part of POSIX shell that the documentation's request blocks use, read into commands:
 * words in single quotes (literal, may span lines), double quotes (with {@code $NAME},
 * {@code ${NAME}}, {@code "${NAME[@]}"} and {@code $(…)} expanded), unquoted words, {@code \} at the end
 * of a line, {@code NAME=value} and {@code NAME=( words )} assignments, {@code > file} redirection,
 * comments, and one function definition line ({@code token() { …; }}). Anything else (a pipe,
 * {@code &&}, a here-document) is refused with its line, so a block the runner cannot read fails
 * rather than being skipped.
 */
public final class Shell {

    /** A piece of a word; expanded later against the variables known then. */
    public sealed interface Part permits Literal, Variable, AllOf, Substitution, Arithmetic {
    }

    public record Literal(String text) implements Part {
    }

    public record Variable(String name) implements Part {
    }

    /** {@code "${NAME[@]}"}: every element of an array, each its own word. */
    public record AllOf(String name) implements Part {
    }

    /** {@code $(command)}: run by the runner (only the few commands it knows). */
    public record Substitution(String command) implements Part {
    }

    /** {@code $((NAME - 1))}. */
    public record Arithmetic(String expression) implements Part {
    }

    public record Word(List<Part> parts) {
        /** The word's text when it has no expansion, else null. */
        public String literal() {
            StringBuilder s = new StringBuilder();
            for (Part p : parts) {
                if (!(p instanceof Literal l)) {
                    return null;
                }
                s.append(l.text());
            }
            return s.toString();
        }
    }

    /** An assignment {@code NAME=value} or {@code NAME=( words )} (array: {@code elements} not null). */
    public record Assignment(String name, Word value, List<Word> elements) {
    }

    /**
     * One command: its assignments, its words, where its output goes ({@code > file}), the 1-based
     * line (within the block) it starts on, and its comment (on its last line, or the {@code # →}
     * line right after it).
     */
    public static final class Command {
        public final int line;
        public final List<Assignment> assignments = new ArrayList<>();
        public final List<Word> words = new ArrayList<>();
        public String redirect;
        public String comment = "";
        public String function;
        int lastLine;

        Command(int line) {
            this.line = line;
        }

        public boolean isEmpty() {
            return assignments.isEmpty() && words.isEmpty() && function == null;
        }
    }

    /** A block the runner cannot read: the line within the block and what is wrong. */
    public static final class Unreadable extends RuntimeException {
        public final int line;

        Unreadable(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private static final Pattern FUNCTION = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\(\\)\\s*\\{");
    private static final Pattern NAME_EQ = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=");

    private final String s;
    private int i;
    private int line = 1;

    private Shell(String text) {
        this.s = text;
    }

    public static List<Command> parse(String text) {
        return new Shell(text).commands();
    }

    private List<Command> commands() {
        List<Command> commands = new ArrayList<>();
        Command current = new Command(line);
        Command previous = null;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                i += 2;
                line++;
            } else if (c == '\n' || c == ';') {
                if (!current.isEmpty()) {
                    current.lastLine = line;
                    commands.add(current);
                    previous = current;
                }
                if (c == '\n') {
                    line++;
                }
                i++;
                current = new Command(line);
            } else if (c == '#') {
                int end = s.indexOf('\n', i);
                end = end < 0 ? s.length() : end;
                String comment = s.substring(i + 1, end).strip();
                if (!current.isEmpty()) {
                    current.comment = (current.comment + " " + comment).strip();
                } else if (comment.startsWith("→") && previous != null && previous.lastLine == line - 1) {
                    previous.comment = (previous.comment + " " + comment).strip();
                    previous.lastLine = line;
                }
                i = end;
            } else if (c == '|' || c == '&' || c == '<' || c == '`' || c == ')') {
                throw new Unreadable(line, "'" + c + "' is not supported in an executable block (one request per command)");
            } else if (c == '>') {
                i++;
                skipBlanks();
                Word target = word(current);
                current.redirect = target.literal() == null ? "file" : target.literal();
            } else if (current.isEmpty() && startsFunction()) {
                readFunction(current);
            } else {
                Matcher name = NAME_EQ.matcher(s).region(i, s.length());
                if (current.words.isEmpty() && name.lookingAt()) {
                    i = name.end();
                    if (i < s.length() && s.charAt(i) == '(') {
                        i++;
                        current.assignments.add(new Assignment(name.group(1), null, array()));
                    } else {
                        current.assignments.add(new Assignment(name.group(1), word(current), null));
                    }
                } else {
                    current.words.add(word(current));
                }
            }
        }
        if (!current.isEmpty()) {
            current.lastLine = line;
            commands.add(current);
        }
        return commands;
    }

    private boolean startsFunction() {
        Matcher f = FUNCTION.matcher(s).region(i, s.length());
        return f.lookingAt();
    }

    /** Skips a one-command function definition up to the {@code }} that ends a line. */
    private void readFunction(Command current) {
        Matcher f = FUNCTION.matcher(s).region(i, s.length());
        f.lookingAt();
        current.function = f.group(1);
        int start = line;
        while (i < s.length()) {
            int end = s.indexOf('\n', i);
            end = end < 0 ? s.length() : end;
            String rest = s.substring(i, end).stripTrailing();
            i = end;
            if (rest.endsWith("}")) {
                return;
            }
            if (i < s.length()) {
                i++;
                line++;
            }
        }
        throw new Unreadable(start, "function " + current.function + " has no closing '}' at the end of a line");
    }

    private List<Word> array() {
        List<Word> words = new ArrayList<>();
        Command scratch = new Command(line);
        while (true) {
            if (i >= s.length()) {
                throw new Unreadable(line, "array without ')'");
            }
            char c = s.charAt(i);
            if (c == ')') {
                i++;
                return words;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '\n') {
                i++;
                line++;
            } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                i += 2;
                line++;
            } else {
                words.add(word(scratch));
            }
        }
    }

    private void skipBlanks() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
    }

    private Word word(Command command) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '|' || c == '&' || c == '>'
                    || c == '<' || c == ')') {
                break;
            }
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new Unreadable(line, "unclosed single quote");
                }
                String text = s.substring(i + 1, end);
                line += (int) text.chars().filter(ch -> ch == '\n').count();
                literal.append(text);
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw new Unreadable(line, "unclosed double quote");
                    }
                    char d = s.charAt(i);
                    if (d == '"') {
                        i++;
                        break;
                    } else if (d == '\\' && i + 1 < s.length() && "\"\\$`\n".indexOf(s.charAt(i + 1)) >= 0) {
                        if (s.charAt(i + 1) == '\n') {
                            line++;
                        } else {
                            literal.append(s.charAt(i + 1));
                        }
                        i += 2;
                    } else if (d == '$') {
                        flush(literal, parts);
                        parts.add(expansion());
                    } else {
                        if (d == '\n') {
                            line++;
                        }
                        literal.append(d);
                        i++;
                    }
                }
            } else if (c == '\\') {
                if (i + 1 < s.length()) {
                    literal.append(s.charAt(i + 1));
                }
                i += 2;
            } else if (c == '$') {
                flush(literal, parts);
                parts.add(expansion());
            } else if (c == '#' && literal.isEmpty() && parts.isEmpty()) {
                break;
            } else {
                literal.append(c);
                i++;
            }
        }
        flush(literal, parts);
        return new Word(parts);
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    /** At a {@code $}: the expansion that starts here. */
    private Part expansion() {
        i++;
        if (s.startsWith("((", i)) {
            int end = s.indexOf("))", i);
            if (end < 0) {
                throw new Unreadable(line, "unclosed $((");
            }
            String expression = s.substring(i + 2, end).strip();
            i = end + 2;
            return new Arithmetic(expression);
        }
        if (i < s.length() && s.charAt(i) == '(') {
            int depth = 0;
            int start = i + 1;
            boolean single = false;
            boolean dbl = false;
            for (; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n') {
                    line++;
                }
                if (c == '\'' && !dbl) {
                    single = !single;
                } else if (c == '"' && !single) {
                    dbl = !dbl;
                } else if (!single && !dbl && c == '(') {
                    depth++;
                } else if (!single && !dbl && c == ')' && --depth == 0) {
                    i++;
                    return new Substitution(s.substring(start, i - 1).strip());
                }
            }
            throw new Unreadable(line, "unclosed $(");
        }
        if (i < s.length() && s.charAt(i) == '{') {
            int end = s.indexOf('}', i);
            if (end < 0) {
                throw new Unreadable(line, "unclosed ${");
            }
            String inside = s.substring(i + 1, end);
            i = end + 1;
            if (inside.endsWith("[@]")) {
                return new AllOf(inside.substring(0, inside.length() - 3));
            }
            if (!inside.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new Unreadable(line, "${" + inside + "} is not supported");
            }
            return new Variable(inside);
        }
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_') && s.charAt(i) < 128) {
            i++;
        }
        if (i == start) {
            return new Literal("$");
        }
        return new Variable(s.substring(start, i));
    }
}
