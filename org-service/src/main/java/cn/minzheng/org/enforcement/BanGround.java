package cn.minzheng.org.enforcement;

/**
 * What makes a group an illegal organization to be 取缔 (《取缔非法民间组织暂行办法》第二条, 民政部令第21号):
 * the ground a 取缔 case is opened on.
 */
public enum BanGround {
    /** 未经批准，擅自开展社会团体筹备活动 */
    UNAPPROVED_PREPARATION("未经批准，擅自开展社会团体筹备活动"),
    /** 未经登记，擅自以社会团体、民办非企业单位（社会服务机构）或基金会名义进行活动 */
    UNREGISTERED_ACTIVITY("未经登记，擅自以社会组织名义进行活动"),
    /** 被撤销登记后继续以社会组织名义进行活动 */
    ACTIVE_AFTER_REVOCATION("被撤销登记后继续以社会组织名义进行活动");

    private final String text;

    BanGround(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
