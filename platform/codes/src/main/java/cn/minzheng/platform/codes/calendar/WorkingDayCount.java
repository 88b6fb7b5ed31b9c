package cn.minzheng.platform.codes.calendar;

/**
 * A number of working days between two dates.
 *
 * @param days        the count; negative when the end lies before the start
 * @param provisional true if some day counted over lies in a year without an official holiday
 *                    notice (weekends-only there)
 */
public record WorkingDayCount(long days, boolean provisional) {
}
