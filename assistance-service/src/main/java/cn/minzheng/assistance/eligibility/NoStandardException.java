package cn.minzheng.assistance.eligibility;

import cn.minzheng.assistance.standards.StandardKind;

import java.time.YearMonth;

/** No standard is in force for the region and month: the calculation cannot be made. */
public class NoStandardException extends RuntimeException {
    private final String region;
    private final StandardKind kind;
    private final YearMonth month;

    public NoStandardException(String region, StandardKind kind, YearMonth month) {
        super("no " + kind + " standard in force for " + region + " in " + month);
        this.region = region;
        this.kind = kind;
        this.month = month;
    }

    public String region() {
        return region;
    }

    public StandardKind kind() {
        return kind;
    }

    public YearMonth month() {
        return month;
    }
}
