package cn.minzheng.assistance.eligibility;

import cn.minzheng.assistance.standards.StandardKind;

import java.time.YearMonth;
import java.util.List;

/**
 * The decision's calculation: every income line and its treatment, the per-capita figure, the
 * standard used, the asset tests, the result. Money in fen. Enough for a clerk or an auditor to
 * redo it by hand.
 *
 * @param perCapitaFen per-capita counted income, rounded down to the fen: shown, never an input to the amount
 * @param thresholdFen the figure income was compared with (the standard, or 1.5 × it for 低保边缘)
 * @param notes        asset tests and other reasons, in order
 */
public record Calculation(YearMonth month, StandardKind standardKind, String standardRegion, long standardFen,
                          List<CalculationLine> lines, long countedIncomeFen, long deductedFen, int countedMembers,
                          long perCapitaFen, long thresholdFen, boolean assetsWithinRules, Outcome outcome,
                          long monthlyAmountFen, List<String> notes) {
    public Calculation {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }
}
