package cn.minzheng.org.enforcement;

import java.util.List;
import java.time.Period;

/**
 * Figures of the penalty procedure. Sources in application.yml: decision within 90 days of opening
 * ([处罚法]§60), hearing requested within 5 working days of the notice and noticed at least 7 days
 * ahead ([处罚法]§64; a setting may lengthen the notice, never shorten it), a 较大数额罚款 that
 * makes a decision major (local), and the credit-list thresholds of 民政部令60 (fine ≥ 5万 → 失信名单;
 * two warnings or small fines within 3 years → 失信名单).
 */
public record EnforcementPolicy(int decisionDays, int hearingRequestWorkingDays, int hearingNoticeDays, long majorFineThresholdFen,
                                long largeFineFen, Period repeatWindow, int publicationWorkingDays) {
    /** [处罚法]§64(二): 行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点. */
    public static final int LEGAL_HEARING_NOTICE_DAYS = 7;

    /** 行政执法公示: a decision is made public within 7 working days (the local rule; 7–20 by province). */
    public static final int DEFAULT_PUBLICATION_WORKING_DAYS = 7;

    public EnforcementPolicy {
        if (publicationWorkingDays <= 0) {
            publicationWorkingDays = DEFAULT_PUBLICATION_WORKING_DAYS;
        }
        if (hearingNoticeDays == 0) {
            hearingNoticeDays = LEGAL_HEARING_NOTICE_DAYS;
        }
        if (hearingNoticeDays < LEGAL_HEARING_NOTICE_DAYS) {
            throw new IllegalArgumentException("hearing-notice-days may not be below the legal " + LEGAL_HEARING_NOTICE_DAYS + ": " + hearingNoticeDays);
        }
    }

    public static EnforcementPolicy defaults() {
        return new EnforcementPolicy(90, 5, LEGAL_HEARING_NOTICE_DAYS, 5_000_000L, 5_000_000L, Period.ofYears(3),
                DEFAULT_PUBLICATION_WORKING_DAYS);
    }

    /** 重大执法决定: revocation, a large fine, or any decision after a hearing ([处罚法]§58). */
    public boolean major(List<Penalty> penalties, boolean afterHearing) {
        return afterHearing || penalties.stream().anyMatch(p -> p.kind() == PenaltyKind.REVOCATION || p.kind() == PenaltyKind.SUSPENSION
                || (p.kind() == PenaltyKind.FINE && p.amountFen() >= majorFineThresholdFen));
    }
}
