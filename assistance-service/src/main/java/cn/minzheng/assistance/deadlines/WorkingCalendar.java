package cn.minzheng.assistance.deadlines;

import java.time.LocalDate;

/** 工作日 calendar port: rest days, make-up working days (调休上班), and which dates the data covers. */
public interface WorkingCalendar {
    boolean isWorkingDay(LocalDate date);

    /** Whether the loaded data covers the date; beyond it only weekends are known. */
    boolean covers(LocalDate date);
}
