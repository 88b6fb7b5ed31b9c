package cn.minzheng.org.annualinspection;

/** Counts of a sweep, reported while it runs and kept when it ends. */
public record SweepProgress(long examined, long exempt, long abnormalListed, long revocationsProposed) {
    public static SweepProgress none() {
        return new SweepProgress(0, 0, 0, 0);
    }

    public SweepProgress plus(SweepDecision d) {
        return new SweepProgress(examined + 1,
                exempt + (d.outcome() == YearOutcome.EXEMPT ? 1 : 0),
                abnormalListed + (d.listAbnormal() ? 1 : 0),
                revocationsProposed + (d.proposeRevocation() ? 1 : 0));
    }

    public SweepProgress plus(SweepProgress o) {
        return new SweepProgress(examined + o.examined, exempt + o.exempt, abnormalListed + o.abnormalListed,
                revocationsProposed + o.revocationsProposed);
    }
}
