package cn.minzheng.platform.codes.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A deadline counted in working days.
 *
 * @param date        the day the period ends (inclusive: the last day to act)
 * @param provisional true if some day counted over lies in a year the calendar has no official
 *                    holiday notice for, so that only weekends were treated as rest days; the date
 *                    may move once that year's notice is loaded
 */
public record DueDate(LocalDate date, boolean provisional) {
    public DueDate {
        Objects.requireNonNull(date, "date");
    }
}
