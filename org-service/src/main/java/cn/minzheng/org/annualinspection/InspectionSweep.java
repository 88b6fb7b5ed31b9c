package cn.minzheng.org.annualinspection;

/**
 * The after-deadline rules: non-filers go on the 活动异常名录 with written notice; not inspected two
 * years running, or 不合格 two years running, is proposed for 撤销登记 — a case for a registrar,
 * never a revocation by itself.
 */
public final class InspectionSweep {
    private final InspectionPolicy policy;

    public InspectionSweep(InspectionPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param report   this year's report, or null when none was filed
     * @param previous the outcome fixed for the year before, or null when unknown (not yet registered, first sweep)
     */
    public SweepDecision decide(InspectionSubject subject, int year, AnnualReport report, YearOutcome previous) {
        if (policy.exempt(subject.registeredOn(), year)) {
            return new SweepDecision(subject.organizationId(), year, YearOutcome.EXEMPT, false, null);
        }
        YearOutcome outcome;
        if (report == null) {
            outcome = YearOutcome.NOT_FILED;
        } else if (report.grade() == null) {
            outcome = YearOutcome.FILED;
        } else {
            outcome = YearOutcome.of(report.grade());
        }
        String ground = null;
        if (outcome == YearOutcome.NOT_FILED && previous == YearOutcome.NOT_FILED) {
            ground = "连续两年未参加年度检查";
        } else if (outcome == YearOutcome.UNQUALIFIED && previous == YearOutcome.UNQUALIFIED) {
            ground = "连续两年年度检查不合格";
        }
        return new SweepDecision(subject.organizationId(), year, outcome, outcome == YearOutcome.NOT_FILED, ground);
    }
}
