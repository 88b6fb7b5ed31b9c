package cn.minzheng.org.annualinspection;

/**
 * The sweep's decision for one organization and year.
 *
 * @param listAbnormal      put on the 活动异常名录 (after written notice) for not filing
 * @param revocationGround  non-null when 撤销登记 is to be proposed to a registrar
 */
public record SweepDecision(String organizationId, int year, YearOutcome outcome, boolean listAbnormal,
                            String revocationGround) {
    public boolean proposeRevocation() {
        return revocationGround != null;
    }
}
