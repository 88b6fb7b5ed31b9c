package cn.minzheng.org.organization;

/** Registration matters (登记事项) an application can be about; each has its own time limits. */
public enum Matter {
    /** 成立登记 */
    FOUNDING,
    /** 变更登记 */
    CHANGE,
    /** 注销登记 */
    DEREGISTRATION
}
