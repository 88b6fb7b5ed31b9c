package cn.minzheng.assistance.eligibility;

import cn.minzheng.assistance.standards.StandardKind;

import java.time.YearMonth;

/** No standard is in force for the region and month: the calculation cannot be made. */
public class NoStandardException extends RuntimeException {
    public NoStandardException(String region, StandardKind kind, YearMonth month) {
        super("no " + kind + " standard in force for " + region + " in " + month);
    }
}
