package cn.minzheng.assistance.payment;

import java.time.YearMonth;
import java.util.Objects;
import java.util.function.Function;

/**
 * A case as the payment roll sees it: who is paid, and how much each month is owed.
 *
 * @param payableNow true when the case's status lets the batch's month be paid (ACTIVE, under
 *                   re-check, or in its 渐退期 up to its end month); false when suspended, terminated or
 *                   not a monthly benefit
 * @param amountIn   the amount owed for a month with what is known now (0 before the first month, or
 *                   after the 渐退期); adjustments compare it with what earlier batches paid
 * @param oneOff     an approved 临时救助: paid once ({@link LineKind#ONE_OFF}, amount {@code amountIn} of the
 *                   batch's month), never again once any earlier batch holds a line for it, never corrected
 */
public record Entitlement(String caseNumber, String program, String regionCode, String recipientName,
                          String idNumber, int householdSize, boolean payableNow, Function<YearMonth, Long> amountIn,
                          boolean oneOff) {
    /** A monthly benefit. */
    public Entitlement(String caseNumber, String program, String regionCode, String recipientName, String idNumber,
                       int householdSize, boolean payableNow, Function<YearMonth, Long> amountIn) {
        this(caseNumber, program, regionCode, recipientName, idNumber, householdSize, payableNow, amountIn, false);
    }

    public Entitlement {
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(amountIn, "amountIn");
        if (regionCode.length() < PaymentRoll.TOWN_DIGITS) {
            throw new IllegalArgumentException("a case's 区划 code names its 乡镇: " + regionCode);
        }
    }

    /** 乡镇/街道 of the case: the first 9 digits of its 区划 code (GB/T 2260 + the 民政 extension). */
    public String town() {
        return regionCode.substring(0, PaymentRoll.TOWN_DIGITS);
    }

    PaymentLine line(YearMonth forMonth, LineKind kind, long amountFen) {
        return new PaymentLine(caseNumber, program, town(), recipientName, idNumber, householdSize, forMonth, kind,
                amountFen);
    }
}
