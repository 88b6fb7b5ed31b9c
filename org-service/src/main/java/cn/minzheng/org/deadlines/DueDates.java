package cn.minzheng.org.deadlines;

import java.time.LocalDate;

/** When a decision is due: by the promise and by the law. */
public record DueDates(LocalDate promised, LocalDate statutory) {

    public static DueDates from(LocalDate acceptedOn, MatterLimit limit) {
        return new DueDates(acceptedOn.plusDays(limit.promisedDays()), acceptedOn.plusDays(limit.statutoryDays()));
    }

    public boolean overdue(LocalDate today) {
        return today.isAfter(promised);
    }

    public boolean decidedOnTime(LocalDate decidedOn) {
        return !decidedOn.isAfter(promised);
    }
}
