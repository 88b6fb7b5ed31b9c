package cn.minzheng.org.enforcement;

/**
 * Figures of the 取缔 procedure, each from configuration with its source (application.yml):
 * the decision within {@code decisionDays} calendar days of 立案 (as a penalty case, [处罚法]§60), the
 * party's 陈述、申辩 within {@code statementWorkingDays} working days of the notice, the 取缔 announced
 * (公告) within {@code announcementWorkingDays} working days of the decision (行政执法公示). Working days
 * are counted on the platform calendar.
 */
public record BanPolicy(int decisionDays, int statementWorkingDays, int announcementWorkingDays, String source) {
    public BanPolicy {
        if (decisionDays <= 0 || statementWorkingDays <= 0 || announcementWorkingDays <= 0) {
            throw new IllegalArgumentException("ban policy figures must be positive: " + decisionDays + ", " + statementWorkingDays
                    + ", " + announcementWorkingDays);
        }
    }

    public static BanPolicy defaults() {
        return new BanPolicy(90, 5, 7, "《取缔非法民间组织暂行办法》(民政部令第21号); 《行政处罚法》第六十条; 行政执法公示7个工作日（本地规定）");
    }
}
