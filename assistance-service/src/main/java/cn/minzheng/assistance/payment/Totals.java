package cn.minzheng.assistance.payment;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A batch's totals: by program, by 乡镇/街道 and overall, in fen (corrections included, so a total is
 * what the bank transfers).
 */
public record Totals(long totalFen, int lineCount, int adjustmentCount, Map<String, Long> byProgram,
                     Map<String, Long> byTown) {
    public Totals {
        byProgram = Map.copyOf(byProgram);
        byTown = Map.copyOf(byTown);
    }

    public static Totals of(List<PaymentLine> lines) {
        Map<String, Long> byProgram = new TreeMap<>();
        Map<String, Long> byTown = new TreeMap<>();
        long total = 0;
        int adjustments = 0;
        for (PaymentLine l : lines) {
            total = Math.addExact(total, l.amountFen());
            byProgram.merge(l.program(), l.amountFen(), Long::sum);
            byTown.merge(l.town(), l.amountFen(), Long::sum);
            if (l.kind() == LineKind.TOP_UP || l.kind() == LineKind.DEDUCTION) {
                adjustments++;
            }
        }
        return new Totals(total, lines.size(), adjustments, byProgram, byTown);
    }

    /** In key order (Map.copyOf forgets it). */
    public Map<String, Long> byProgramSorted() {
        return new TreeMap<>(byProgram);
    }

    public Map<String, Long> byTownSorted() {
        return new TreeMap<>(byTown);
    }
}
