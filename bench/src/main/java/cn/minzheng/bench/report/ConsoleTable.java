package cn.minzheng.bench.report;

import cn.minzheng.bench.machine.Machine;
import cn.minzheng.bench.measure.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The plain-text table printed at the end of a run: one line per figure, the machine above it. */
public final class ConsoleTable {

    private static final String[] HEADER = {"workload", "figure", "median", "unit", "runs", "target", "verdict"};

    private ConsoleTable() {
    }

    public static String render(Machine machine, List<WorkloadResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (WorkloadResult r : results) {
            if (r.figures().isEmpty()) {
                rows.add(new String[] {r.id(), "(not measured)", "–", "", "", "", ""});
            }
            for (Figure f : r.figures()) {
                rows.add(new String[] {r.id(), f.name(), Numbers.format(f.median()), f.unit(),
                        f.runs().stream().map(Numbers::format).collect(Collectors.joining(" / ")),
                        f.target() == null ? "" : f.target().text(), f.verdict().label()});
            }
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("machine: ").append(machine.summary()).append('\n');
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                out.append(row[i]).append(" ".repeat(widths[i] - width(row[i])));
                out.append(i == row.length - 1 ? "" : "  ");
            }
            out.append('\n');
            if (r == 0) {
                for (int i = 0; i < widths.length; i++) {
                    out.append("-".repeat(widths[i])).append(i == widths.length - 1 ? "" : "  ");
                }
                out.append('\n');
            }
        }
        for (WorkloadResult r : results) {
            for (String note : r.notes()) {
                out.append("  [").append(r.id()).append("] ").append(note).append('\n');
            }
        }
        return out.toString();
    }

    /** Display width: CJK characters take two columns in a terminal. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                    || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60)) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }
}
