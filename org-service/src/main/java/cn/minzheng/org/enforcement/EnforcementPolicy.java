package cn.minzheng.org.enforcement;

import java.time.Period;

/**
 * Figures of the penalty procedure. Sources in application.yml: decision within 90 days of opening
 * ([处罚法]§60), hearing requested within 5 working days of the notice ([处罚法]§64), a 较大数额罚款 that
 * makes a decision major (local), and the credit-list thresholds of 民政部令60 (fine ≥ 5万 → 失信名单;
 * two warnings or small fines within 3 years → 失信名单).
 */
public record EnforcementPolicy(int decisionDays, int hearingRequestWorkingDays, long majorFineThresholdFen,
                                long largeFineFen, Period repeatWindow) {

    public static EnforcementPolicy defaults() {
        return new EnforcementPolicy(90, 5, 5_000_000L, 5_000_000L, Period.ofYears(3));
    }

    /** 重大执法决定: revocation, a large fine, or any decision after a hearing ([处罚法]§58). */
    public boolean major(java.util.List<Penalty> penalties, boolean afterHearing) {
        return afterHearing || penalties.stream().anyMatch(p -> p.kind() == PenaltyKind.REVOCATION || p.kind() == PenaltyKind.SUSPENSION
                || (p.kind() == PenaltyKind.FINE && p.amountFen() >= majorFineThresholdFen));
    }
}
