package cn.minzheng.org.dormancy;

/** Why an organization looks dormant. */
public enum DormancyGround {
    /** no annual report (no activity reported) within the window after registration */
    NO_ACTIVITY_AFTER_REGISTRATION("成立后一年内未报告开展活动"),
    /** no annual report for the configured number of years running */
    CONSECUTIVE_NON_FILING("连续多年未报送年度工作报告");

    private final String text;

    DormancyGround(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
