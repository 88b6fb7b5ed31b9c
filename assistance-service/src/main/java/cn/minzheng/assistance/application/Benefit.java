package cn.minzheng.assistance.application;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The benefit being paid.
 *
 * @param firstMonth     payment starts the month after approval [57]§24
 * @param nextRecheckDue yearly, or every 6 months when income is unstable [57]§31
 * @param phaseOutUntil  渐退期 end month, null when not phasing out
 * @param amounts        the monthly amount and the month from which each applied, oldest first; an
 *                       amount change applies from the month it is made, so the payment roll can pay
 *                       the difference (补发/扣减) for a month whose batch was already drawn up. A case
 *                       stored before this history existed has one entry: its current amount from its
 *                       first month.
 * @param adjustments    the 调标 applied to the case, oldest first ({@link StandardAdjustment}); empty for a
 *                       case no standard change has touched
 */
public record Benefit(long monthlyFen, YearMonth firstMonth, LocalDate nextRecheckDue, int recheckMonths,
                      YearMonth phaseOutUntil, List<MonthlyAmount> amounts, List<StandardAdjustment> adjustments) {

    /** An amount and the first month it applies to. */
    public record MonthlyAmount(YearMonth from, long fen) {
    }

    public Benefit {
        amounts = amounts == null || amounts.isEmpty()
                ? (firstMonth == null ? List.of() : List.of(new MonthlyAmount(firstMonth, monthlyFen)))
                : amounts.stream().sorted(Comparator.comparing(MonthlyAmount::from)).toList();
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
    }

    /** Whether the recalculation run {@code runId} changed this benefit already. */
    public boolean adjustedBy(String runId) {
        return adjustments.stream().anyMatch(a -> a.runId().equals(runId));
    }

    /** A new benefit paying {@code monthlyFen} from {@code firstMonth}. */
    public static Benefit starting(long monthlyFen, YearMonth firstMonth, LocalDate nextRecheckDue, int recheckMonths) {
        return new Benefit(monthlyFen, firstMonth, nextRecheckDue, recheckMonths, null, null, null);
    }

    /** The amount for {@code month}: the latest change applying by then; 0 before the first month. */
    public long amountIn(YearMonth month) {
        long fen = 0;
        for (MonthlyAmount a : amounts) {
            if (!a.from().isAfter(month)) {
                fen = a.fen();
            }
        }
        return firstMonth == null || month.isBefore(firstMonth) ? 0 : fen;
    }

    /** The benefit paying {@code fen} from {@code from} on (a change in the same month replaces the earlier one). */
    Benefit changedTo(long fen, YearMonth from) {
        List<MonthlyAmount> next = new ArrayList<>(amounts.stream().filter(a -> a.from().isBefore(from)).toList());
        next.add(new MonthlyAmount(firstMonth != null && from.isBefore(firstMonth) ? firstMonth : from, fen));
        return new Benefit(fen, firstMonth, nextRecheckDue, recheckMonths, null, next, adjustments);
    }

    /**
     * 调标: the benefit paying the adjustment's new amount from its month on (a later amount is replaced, as
     * by {@link #changedTo}); the 渐退期 end and re-check date stay; the adjustment is recorded.
     */
    Benefit adjusted(StandardAdjustment a) {
        Benefit changed = changedTo(a.newFen(), a.effectiveMonth());
        List<StandardAdjustment> all = new ArrayList<>(adjustments);
        all.add(a);
        return new Benefit(changed.monthlyFen, firstMonth, nextRecheckDue, recheckMonths, phaseOutUntil, changed.amounts,
                all);
    }

    Benefit rechecked(LocalDate next, int months) {
        return new Benefit(monthlyFen, firstMonth, next, months, null, amounts, adjustments);
    }

    Benefit phasingOutUntil(YearMonth until) {
        return new Benefit(monthlyFen, firstMonth, nextRecheckDue, recheckMonths, until, amounts, adjustments);
    }
}
