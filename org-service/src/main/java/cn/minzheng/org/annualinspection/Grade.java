package cn.minzheng.org.annualinspection;

/** Annual-inspection grades. */
public enum Grade {
    /** 合格 */
    QUALIFIED("合格"),
    /** 基本合格: rectification ordered. */
    BASICALLY_QUALIFIED("基本合格"),
    /** 不合格: rectification ordered; no change of name or scope meanwhile. */
    UNQUALIFIED("不合格");

    private final String title;

    Grade(String title) {
        this.title = title;
    }

    /** The grade as written in notices (合格 / 基本合格 / 不合格). */
    public String title() {
        return title;
    }

    public boolean needsRectification() {
        return this != QUALIFIED;
    }
}
