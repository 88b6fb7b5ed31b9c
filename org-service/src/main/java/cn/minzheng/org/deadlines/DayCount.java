package cn.minzheng.org.deadlines;

/**
 * How a matter's limit is counted. The organizations domain states its limits in days ("60 days from
 * complete documents"), so calendar days are the default; a province whose 办事指南 states the limit in
 * 工作日 (the 行政许可法 第八十二条 way of counting) sets {@code WORKING_DAYS}, counted on the
 * platform's working-day calendar (调休 and holidays included).
 */
public enum DayCount {
    CALENDAR_DAYS,
    WORKING_DAYS
}
