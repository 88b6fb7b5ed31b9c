package cn.minzheng.org.enforcement;

/** Where an enforcement case (行政处罚案件) stands. */
public enum CaseStatus {
    /** 立案, investigating (调查取证) */
    OPEN,
    /** a penalty is proposed, not yet notified */
    PROPOSED,
    /** 告知书 served: facts, reasons, basis, rights to 陈述、申辩、听证 */
    NOTIFIED,
    HEARING_REQUESTED,
    /** time and place of the 听证 noticed to the party (≥ 7 days ahead) */
    HEARING_SCHEDULED,
    HEARING_HELD,
    /** 法制审核 passed */
    REVIEWED,
    DECIDED,
    DELIVERED,
    EXECUTED,
    CLOSED
}
