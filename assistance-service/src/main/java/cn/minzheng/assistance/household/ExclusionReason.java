package cn.minzheng.assistance.household;

/** Why a listed person is not counted as a household member [57]§7. */
public enum ExclusionReason {
    /** 服刑 or 强制隔离戒毒 */
    CONFINED,
    /** 宣告失踪 */
    DECLARED_MISSING,
    /** 宗教教职人员 living apart three years or more */
    CLERGY_LIVING_APART
}
