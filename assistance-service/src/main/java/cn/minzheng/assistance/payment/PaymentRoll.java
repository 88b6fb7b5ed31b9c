package cn.minzheng.assistance.payment;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws up a month's roll for a region: the month's benefit of every case that may be paid, and the
 * correction (补发/扣减) of every earlier month whose amount changed after its batch was drawn up. An
 * earlier line is never changed: what was drawn is compared with what is owed now, and only the
 * difference is added. An approved 临时救助 is a one-off: one {@link LineKind#ONE_OFF} line of the decided
 * amount in the first batch drawn in or after its approval month, and none once an earlier batch holds it.
 */
public final class PaymentRoll {
    /** 乡镇/街道 level of a 区划 code: 6 digits of GB/T 2260 + 3 of the 民政 extension. */
    public static final int TOWN_DIGITS = 9;

    private PaymentRoll() {
    }

    /**
     * @param month       the batch's month
     * @param cases       the region's cases with a monthly benefit (any status) and its approved 临时救助
     * @param drawnBefore per case, per month, the sum of what the region's other batches hold for it
     *                    (regular lines, corrections, one-off lines); months not before {@code month} are
     *                    never corrected, but any line of a one-off award means it was paid
     * @return the lines in case-number order; per case the month's benefit first, then corrections by month
     */
    public static List<PaymentLine> draw(YearMonth month, List<Entitlement> cases,
                                         Map<String, Map<YearMonth, Long>> drawnBefore) {
        List<PaymentLine> lines = new ArrayList<>();
        for (Entitlement e : cases.stream().sorted(Comparator.comparing(Entitlement::caseNumber)).toList()) {
            if (e.oneOff()) {
                // 临时救助: once, in the first batch drawn in or after the approval month; never corrected
                long award = e.payableNow() && drawnBefore.getOrDefault(e.caseNumber(), Map.of()).isEmpty()
                        ? e.amountIn().apply(month) : 0;
                if (award > 0) {
                    lines.add(e.line(month, LineKind.ONE_OFF, award));
                }
                continue;
            }
            long due = e.payableNow() ? e.amountIn().apply(month) : 0;
            if (due > 0) {
                lines.add(e.line(month, LineKind.REGULAR, due));
            }
            Map<YearMonth, Long> drawn = new TreeMap<>(drawnBefore.getOrDefault(e.caseNumber(), Map.of()));
            for (Map.Entry<YearMonth, Long> m : drawn.entrySet()) {
                if (!m.getKey().isBefore(month)) {
                    continue;
                }
                long difference = e.amountIn().apply(m.getKey()) - m.getValue();
                if (difference > 0) {
                    lines.add(e.line(m.getKey(), LineKind.TOP_UP, difference));
                } else if (difference < 0) {
                    lines.add(e.line(m.getKey(), LineKind.DEDUCTION, difference));
                }
            }
        }
        return List.copyOf(lines);
    }

    /** Per case, per month paid for: the sum of {@code lines} (the "drawn before" of a later roll). */
    public static Map<String, Map<YearMonth, Long>> drawn(List<PaymentLine> lines) {
        Map<String, Map<YearMonth, Long>> out = new TreeMap<>();
        for (PaymentLine l : lines) {
            out.computeIfAbsent(l.caseNumber(), n -> new TreeMap<>()).merge(l.forMonth(), l.amountFen(), Long::sum);
        }
        return out;
    }
}
