package cn.minzheng.assistance.application;

/**
 * Figures the lifecycle needs (configuration).
 *
 * @param publicityDays          公示 length in days [57]§19
 * @param minimumVisitStaff      home visit staff [57]§16
 * @param maxPhaseOutMonths      渐退期 at most [57]§33
 * @param recheckMonths          yearly re-check [57]§31
 * @param unstableRecheckMonths  re-check where income is unstable and members can work [57]§31
 * @param supplementReplyWorkingDays working days the applicant has to answer a 一次性告知 — no national
 *                               figure ([57]§10 sets none); 10 is local practice (application.yml)
 * @param temporaryAwardPeriodMonths 临时救助: a household is helped once for the same cause within this many
 *                               months — a local rule ([临救2018] leaves it to provinces; 12 is the usual "once a year")
 */
public record CaseRules(int publicityDays, int minimumVisitStaff, int maxPhaseOutMonths, int recheckMonths,
                        int unstableRecheckMonths, int supplementReplyWorkingDays, int temporaryAwardPeriodMonths) {
    public static final int DEFAULT_SUPPLEMENT_REPLY_WORKING_DAYS = 10;
    public static final int DEFAULT_TEMPORARY_AWARD_PERIOD_MONTHS = 12;

    public CaseRules {
        if (supplementReplyWorkingDays <= 0) {
            supplementReplyWorkingDays = DEFAULT_SUPPLEMENT_REPLY_WORKING_DAYS;
        }
        if (temporaryAwardPeriodMonths <= 0) {
            temporaryAwardPeriodMonths = DEFAULT_TEMPORARY_AWARD_PERIOD_MONTHS;
        }
    }

    /** The rules with the default 临时救助 award period. */
    public CaseRules(int publicityDays, int minimumVisitStaff, int maxPhaseOutMonths, int recheckMonths,
                     int unstableRecheckMonths, int supplementReplyWorkingDays) {
        this(publicityDays, minimumVisitStaff, maxPhaseOutMonths, recheckMonths, unstableRecheckMonths,
                supplementReplyWorkingDays, DEFAULT_TEMPORARY_AWARD_PERIOD_MONTHS);
    }

    public static CaseRules national() {
        return new CaseRules(7, 2, 6, 12, 6, DEFAULT_SUPPLEMENT_REPLY_WORKING_DAYS);
    }
}
