package cn.minzheng.org.annualinspection;

public enum ReportStatus {
    FILED, GRADED
}
