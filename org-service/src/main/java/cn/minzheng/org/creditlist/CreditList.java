package cn.minzheng.org.creditlist;

/** The two public credit lists of 《社会组织信用信息管理办法》(民政部令60). */
public enum CreditList {
    /** 活动异常名录 */
    ABNORMAL,
    /** 严重违法失信名单 */
    SERIOUS
}
