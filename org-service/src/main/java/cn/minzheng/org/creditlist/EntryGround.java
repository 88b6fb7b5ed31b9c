package cn.minzheng.org.creditlist;

/**
 * Grounds for entering a credit list ([信用] §§8, 10). {@code needsFix}: the organization can put it
 * right and then apply for removal; otherwise an 异常名录 entry ends by itself after 6 months.
 */
public enum EntryGround {
    LATE_ANNUAL_REPORT(CreditList.ABNORMAL, true, "未按照规定时限报送年度工作报告"),
    RECTIFICATION_NOT_MET(CreditList.ABNORMAL, true, "未按照有关规定设立党组织或未按期整改"),
    WARNING_OR_SMALL_FINE(CreditList.ABNORMAL, false, "受到警告或者不满5万元罚款处罚"),
    UNREACHABLE(CreditList.ABNORMAL, true, "通过登记的住所无法与社会组织取得联系"),
    OTHER_ABNORMAL(CreditList.ABNORMAL, false, "法律、行政法规规定的其他情形"),
    ABNORMAL_TWO_YEARS(CreditList.SERIOUS, false, "被列入活动异常名录满2年"),
    FRAUDULENT_CHANGE_REVOKED(CreditList.SERIOUS, false, "弄虚作假办理变更登记，被撤销变更登记"),
    ORDERED_TO_STOP(CreditList.SERIOUS, false, "受到限期停止活动行政处罚"),
    LARGE_FINE(CreditList.SERIOUS, false, "受到5万元以上罚款处罚"),
    REPEATED_PENALTIES(CreditList.SERIOUS, false, "三年内两次以上受到警告或者不满5万元罚款处罚"),
    REGISTRATION_REVOKED(CreditList.SERIOUS, false, "被撤销登记"),
    OTHER_SERIOUS(CreditList.SERIOUS, false, "法律、行政法规规定的其他情形");

    private final CreditList list;
    private final boolean needsFix;
    private final String text;

    EntryGround(CreditList list, boolean needsFix, String text) {
        this.list = list;
        this.needsFix = needsFix;
        this.text = text;
    }

    public CreditList list() {
        return list;
    }

    public boolean needsFix() {
        return needsFix;
    }

    public String text() {
        return text;
    }
}
