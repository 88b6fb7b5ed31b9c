package cn.minzheng.org.deadlines;

/**
 * Time limits of one registration matter, counted from acceptance of complete documents: the
 * statutory limit (法定时限) and the locally promised one (承诺时限, never longer), in {@code unit}
 * (calendar days when not configured).
 */
public record MatterLimit(int statutoryDays, int promisedDays, DayCount unit) {
    public MatterLimit {
        if (statutoryDays <= 0 || promisedDays <= 0 || promisedDays > statutoryDays) {
            throw new IllegalArgumentException("need 0 < promised <= statutory, got " + promisedDays + "/" + statutoryDays);
        }
        unit = unit == null ? DayCount.CALENDAR_DAYS : unit;
    }

    public static MatterLimit calendarDays(int statutoryDays, int promisedDays) {
        return new MatterLimit(statutoryDays, promisedDays, DayCount.CALENDAR_DAYS);
    }

    public static MatterLimit workingDays(int statutoryDays, int promisedDays) {
        return new MatterLimit(statutoryDays, promisedDays, DayCount.WORKING_DAYS);
    }

    /** Which limit the due date follows: the promise when it is shorter than the law, else the law. */
    public DueBasis basis() {
        return promisedDays < statutoryDays ? DueBasis.PROMISED : DueBasis.STATUTORY;
    }
}
