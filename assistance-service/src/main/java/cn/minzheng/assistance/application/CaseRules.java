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
 */
public record CaseRules(int publicityDays, int minimumVisitStaff, int maxPhaseOutMonths, int recheckMonths,
                        int unstableRecheckMonths, int supplementReplyWorkingDays) {
    public static final int DEFAULT_SUPPLEMENT_REPLY_WORKING_DAYS = 10;

    public CaseRules {
        if (supplementReplyWorkingDays <= 0) {
            supplementReplyWorkingDays = DEFAULT_SUPPLEMENT_REPLY_WORKING_DAYS;
        }
    }

    public static CaseRules national() {
        return new CaseRules(7, 2, 6, 12, 6, DEFAULT_SUPPLEMENT_REPLY_WORKING_DAYS);
    }
}
