package cn.minzheng.org.annualinspection;

/** Annual-inspection grades. */
public enum Grade {
    /** 合格 */
    QUALIFIED,
    /** 基本合格: rectification ordered. */
    BASICALLY_QUALIFIED,
    /** 不合格: rectification ordered; no change of name or scope meanwhile. */
    UNQUALIFIED;

    public boolean needsRectification() {
        return this != QUALIFIED;
    }
}
