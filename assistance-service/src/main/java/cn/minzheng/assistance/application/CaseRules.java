package cn.minzheng.assistance.application;

/**
 * Figures the lifecycle needs (configuration).
 *
 * @param publicityDays          公示 length in days [57]§19
 * @param minimumVisitStaff      home visit staff [57]§16
 * @param maxPhaseOutMonths      渐退期 at most [57]§33
 * @param recheckMonths          yearly re-check [57]§31
 * @param unstableRecheckMonths  re-check where income is unstable and members can work [57]§31
 */
public record CaseRules(int publicityDays, int minimumVisitStaff, int maxPhaseOutMonths, int recheckMonths,
                        int unstableRecheckMonths) {
    public static CaseRules national() {
        return new CaseRules(7, 2, 6, 12, 6);
    }
}
