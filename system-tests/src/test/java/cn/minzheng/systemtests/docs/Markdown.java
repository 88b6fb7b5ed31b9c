package cn.minzheng.systemtests.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced blocks of a Markdown file, each with the marker on the line right before its fence:
 * {@code <!-- example -->} (or {@code <!-- example: what it shows -->}) makes it executable,
 * {@code <!-- illustrative: why it cannot run -->} exempts a request-looking block (the reason is required).
 */
public final class Markdown {

    /** What the line before the fence says about the block. */
    public enum Mark { EXECUTABLE, ILLUSTRATIVE, NONE }

    /** One fenced block: {@code line} is the 1-based line of its opening fence, {@code text} its content. */
    public record Block(int line, String info, String text, Mark mark, String note) {

        private static final Pattern REQUEST_LOOKING = Pattern.compile(
                "(^|[\\s(`$])curl\\s|^\\s*(GET|POST|PUT|PATCH|DELETE)\\s+(https?://|/)", Pattern.MULTILINE);

        /** A block a reader would take for a request: a curl command, or a line starting {@code GET /…}. */
        public boolean requestLooking() {
            return REQUEST_LOOKING.matcher(text).find();
        }

        /** The 1-based file line of the block's first content line. */
        public int firstContentLine() {
            return line + 1;
        }
    }

    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})(.*)$");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*(example|illustrative)\\s*(?::\\s*(.*?))?\\s*-->\\s*$");

    private Markdown() {
    }

    public static List<Block> blocks(String markdown) {
        String[] lines = markdown.split("\n", -1);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher open = FENCE.matcher(lines[i]);
            if (!open.matches()) {
                continue;
            }
            String fence = open.group(1);
            StringBuilder text = new StringBuilder();
            int j = i + 1;
            for (; j < lines.length; j++) {
                String trimmed = lines[j].strip();
                if (trimmed.startsWith(fence) && trimmed.chars().allMatch(c -> c == fence.charAt(0))) {
                    break;
                }
                text.append(lines[j]).append('\n');
            }
            Mark mark = Mark.NONE;
            String note = null;
            if (i > 0) {
                Matcher m = MARKER.matcher(lines[i - 1]);
                if (m.matches()) {
                    mark = m.group(1).equals("example") ? Mark.EXECUTABLE : Mark.ILLUSTRATIVE;
                    note = m.group(2) == null ? "" : m.group(2);
                }
            }
            blocks.add(new Block(i + 1, open.group(2).strip(), text.toString(), mark, note));
            i = j;
        }
        return blocks;
    }
}
