package cn.minzheng.assistance.application;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The benefit being paid.
 *
 * @param firstMonth     payment starts the month after approval [57]§24
 * @param nextRecheckDue yearly, or every 6 months when income is unstable [57]§31
 * @param phaseOutUntil  渐退期 end month, null when not phasing out
 */
public record Benefit(long monthlyFen, YearMonth firstMonth, LocalDate nextRecheckDue, int recheckMonths,
                      YearMonth phaseOutUntil) {
}
