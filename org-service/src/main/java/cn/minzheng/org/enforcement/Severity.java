package cn.minzheng.org.enforcement;

/** Circumstances of a violation in the 裁量基准: 轻微 / 一般 / 严重. */
public enum Severity {
    MINOR, GENERAL, SERIOUS
}
