package cn.minzheng.assistance.payment;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One payment of a batch. A line is never edited once its batch is drawn up: a later change of the
 * amount becomes a {@link LineKind#TOP_UP} or {@link LineKind#DEDUCTION} line in a later batch.
 *
 * @param caseNumber    the case paid
 * @param program       program code (DIBAO_URBAN, TEKUN, ...)
 * @param town          乡镇/街道: the first 9 digits of the case's 12-digit 区划 code
 * @param recipientName the applicant's name (the bank file carries it; the public list masks it)
 * @param idNumber      the applicant's 居民身份证号码 (the bank file only)
 * @param householdSize counted members
 * @param forMonth      the month the money is for (an earlier month for an adjustment)
 * @param amountFen     fen; negative for a deduction
 */
public record PaymentLine(String caseNumber, String program, String town, String recipientName, String idNumber,
                          int householdSize, YearMonth forMonth, LineKind kind, long amountFen) {
    public PaymentLine {
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(town, "town");
        Objects.requireNonNull(forMonth, "forMonth");
        Objects.requireNonNull(kind, "kind");
        if (kind == LineKind.DEDUCTION ? amountFen >= 0 : amountFen <= 0) {
            throw new IllegalArgumentException(kind + " line with amount " + amountFen);
        }
    }

    /** The line in the canonical form the batch's digest is computed over. */
    String canonical() {
        return caseNumber + "|" + kind + "|" + forMonth + "|" + amountFen;
    }
}
