package cn.minzheng.assistance.deadlines;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The day the decision of a case is due, published on the event that sets it so the audit trail can
 * derive on-time rates (按时办结率) without repeating the programs' limits.
 *
 * @param dueDate          the promised due date (the statutory one where the region promised no shorter limit)
 * @param basis            which limit {@code dueDate} follows
 * @param limitWorkingDays the limit {@code dueDate} was counted with, in working days
 * @param statutoryDueDate the legal due date; later than {@code dueDate} when a shorter limit is promised
 * @param provisional      the dates lie beyond the calendar data: only weekends were skipped
 */
public record DecisionDue(LocalDate dueDate, Basis basis, int limitWorkingDays, LocalDate statutoryDueDate,
                          boolean provisional) {

    /** Which limit the due date follows: the law's, or the shorter one the region promised (承诺时限). */
    public enum Basis { STATUTORY, PROMISED }

    static DecisionDue of(Deadline started, StepLimit limit) {
        boolean promised = limit.promisedDays() < limit.statutoryDays();
        return new DecisionDue(started.promisedDue(), promised ? Basis.PROMISED : Basis.STATUTORY,
                limit.promisedDays(), started.statutoryDue(), started.provisional());
    }

    /**
     * The event fields, named as in the {@code accepted} schema; {@code dueDateProvisional} is an extra
     * field (the schemas let producers add fields) so nobody mistakes a weekends-only date for a final one.
     */
    public Map<String, Object> eventFields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dueDate", dueDate.toString());
        out.put("dueBasis", basis.name());
        out.put("limitWorkingDays", limitWorkingDays);
        out.put("statutoryDueDate", statutoryDueDate.toString());
        out.put("dueDateProvisional", provisional);
        return out;
    }
}
