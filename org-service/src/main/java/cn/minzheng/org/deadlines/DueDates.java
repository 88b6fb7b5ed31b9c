package cn.minzheng.org.deadlines;

import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When a decision is due: by the promise and by the law, and how that was counted.
 *
 * @param limitDays the limit {@code promised} was counted with (the promised days, which equal the
 *                  statutory ones when nothing shorter is promised)
 */
public record DueDates(LocalDate promised, LocalDate statutory, DueBasis basis, int limitDays, DayCount unit) {

    public DueDates {
        unit = unit == null ? DayCount.CALENDAR_DAYS : unit;
    }

    /** Counts both limits from the day of acceptance (the day itself does not count). */
    public static DueDates from(LocalDate acceptedOn, MatterLimit limit, WorkingDayCalendar calendar) {
        return new DueDates(count(acceptedOn, limit.promisedDays(), limit.unit(), calendar),
                count(acceptedOn, limit.statutoryDays(), limit.unit(), calendar), limit.basis(), limit.promisedDays(), limit.unit());
    }

    private static LocalDate count(LocalDate from, int days, DayCount unit, WorkingDayCalendar calendar) {
        return unit == DayCount.WORKING_DAYS ? calendar.addWorkingDays(from, days).date() : from.plusDays(days);
    }

    public boolean overdue(LocalDate today) {
        return today.isAfter(promised);
    }

    public boolean decidedOnTime(LocalDate decidedOn) {
        return !decidedOn.isAfter(promised);
    }

    /**
     * The due-date fields of {@code registration-accepted} (auditors derive on-time rates from them).
     * {@code limitWorkingDays} only when the limit is counted in working days, as the schema names it;
     * {@code limitDays} and {@code limitUnit} always, so a calendar-day limit is stated too.
     */
    public Map<String, Object> eventFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dueDate", promised.toString());
        m.put("dueBasis", (basis == null ? DueBasis.PROMISED : basis).name());
        if (unit == DayCount.WORKING_DAYS && limitDays > 0) {
            m.put("limitWorkingDays", limitDays);
        }
        m.put("statutoryDueDate", statutory.toString());
        if (limitDays > 0) {
            m.put("limitDays", limitDays);
        }
        m.put("limitUnit", unit.name());
        return m;
    }
}
