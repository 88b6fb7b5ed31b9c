package cn.minzheng.org.annualinspection;

/** Counts of a sweep, reported while it runs and kept when it ends; non-filers get a 拟列入告知 ({@code listingNoticesIssued}), not a listing. */
public record SweepProgress(long examined, long exempt, long listingNoticesIssued, long revocationsProposed) {
    public static SweepProgress none() {
        return new SweepProgress(0, 0, 0, 0);
    }

    public SweepProgress plus(SweepDecision d) {
        return new SweepProgress(examined + 1,
                exempt + (d.outcome() == YearOutcome.EXEMPT ? 1 : 0),
                listingNoticesIssued + (d.listAbnormal() ? 1 : 0),
                revocationsProposed + (d.proposeRevocation() ? 1 : 0));
    }

    public SweepProgress plus(SweepProgress o) {
        return new SweepProgress(examined + o.examined, exempt + o.exempt, listingNoticesIssued + o.listingNoticesIssued,
                revocationsProposed + o.revocationsProposed);
    }
}
