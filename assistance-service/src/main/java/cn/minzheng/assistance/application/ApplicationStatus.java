package cn.minzheng.assistance.application;

/** States of an assistance case, from submission to the end of the benefit. */
public enum ApplicationStatus {
    SUBMITTED,
    /** 一次性告知 sent: every missing item at once; waiting for the applicant */
    SUPPLEMENT_REQUESTED,
    RESUBMITTED,
    /** 不予受理, with a reason and a written notice */
    NOT_ACCEPTED,
    /** 受理: the 3-working-day clock to start the investigation runs */
    ACCEPTED,
    /** 入户调查 and 家庭经济状况核对 under way */
    INVESTIGATING,
    /** 初审意见 given */
    OPINION_GIVEN,
    /** 公示 for 7 days */
    IN_PUBLICITY,
    /** 审核确认 by the county */
    AWAITING_DECISION,
    /** approved: benefit paid monthly from the month after approval */
    ACTIVE,
    /**
     * 临时救助 approved: a one-off award of the decided amount, closed at the decision (一次性救助，办结);
     * the county's next payment batch pays it once as a {@code ONE_OFF} line. No re-check.
     */
    ONE_OFF_AWARDED,
    DENIED,
    WITHDRAWN,
    /** 先行救助: 急难型 临时救助 paid before the record is complete */
    PAID_FIRST,
    RECORD_COMPLETED,
    /** periodic re-check (复核) */
    RECHECKING,
    SUSPENDED,
    /** 渐退期: payment continues for up to 6 months after finding work [57]§33 */
    PHASING_OUT,
    TERMINATED;

    public boolean terminal() {
        return this == NOT_ACCEPTED || this == DENIED || this == WITHDRAWN || this == RECORD_COMPLETED
                || this == TERMINATED || this == ONE_OFF_AWARDED;
    }

    /** Before the county decision: the citizen may still withdraw, deadlines still run. */
    public boolean beforeDecision() {
        return switch (this) {
            case SUBMITTED, SUPPLEMENT_REQUESTED, RESUBMITTED, ACCEPTED, INVESTIGATING, OPINION_GIVEN, IN_PUBLICITY,
                    AWAITING_DECISION -> true;
            default -> false;
        };
    }
}
