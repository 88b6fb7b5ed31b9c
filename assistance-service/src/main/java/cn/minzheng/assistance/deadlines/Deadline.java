package cn.minzheng.assistance.deadlines;

import java.time.LocalDate;

/**
 * A running or finished time limit of one case.
 *
 * @param provisional the due date lies beyond the calendar data: weekends only were skipped
 * @param metOn       the date the step was done, null while open
 */
public record Deadline(Step step, LocalDate startedOn, LocalDate promisedDue, LocalDate statutoryDue,
                       boolean provisional, LocalDate metOn) {
    public boolean open() {
        return metOn == null;
    }

    public boolean overdueOn(LocalDate today) {
        return open() && today.isAfter(promisedDue);
    }

    public boolean metInTime() {
        return metOn != null && !metOn.isAfter(promisedDue);
    }

    public Deadline met(LocalDate on) {
        return new Deadline(step, startedOn, promisedDue, statutoryDue, provisional, on);
    }
}
