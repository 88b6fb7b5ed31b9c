package cn.minzheng.assistance.eligibility;

/** Result of a calculation. */
public enum Outcome {
    ELIGIBLE,
    /** 单人保: one member of a 低保边缘 family enrolled alone [57]§8 */
    ELIGIBLE_SINGLE_PERSON,
    NOT_ELIGIBLE
}
