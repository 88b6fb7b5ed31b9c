package cn.minzheng.assistance.selfcare;

/** 生活自理能力 of a 特困 person [43]§21–22; it decides the kind of care to provide. */
public enum SelfCareLevel {
    /** 具备生活自理能力: all six items achieved. */
    SELF_CARE,
    /** 部分丧失生活自理能力: one to three items not achieved. */
    PARTIAL_LOSS,
    /** 完全丧失生活自理能力: four or more items not achieved. */
    FULL_LOSS
}
