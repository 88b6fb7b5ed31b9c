package cn.minzheng.org.creditlist;

/** The commands on a 拟列入告知. */
public enum NoticeAction {
    /** the organization files its statement (陈述、申辩) */
    RESPOND,
    /** a registrar accepts the statement: no listing */
    ACCEPT,
    /** a registrar rejects the statement with reasons */
    REJECT,
    /** the listing itself: after the period ran without a statement, or after a rejection */
    LIST
}
