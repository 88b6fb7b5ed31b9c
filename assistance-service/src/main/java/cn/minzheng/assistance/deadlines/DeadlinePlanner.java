package cn.minzheng.assistance.deadlines;

import cn.minzheng.assistance.standards.Program;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Due dates in working days. A limit of n working days started on day d ends on the n-th working
 * day after d (the start day itself does not count).
 */
public final class DeadlinePlanner {
    private final WorkingCalendar calendar;
    private final ScheduleBook schedules;

    public DeadlinePlanner(WorkingCalendar calendar, ScheduleBook schedules) {
        this.calendar = calendar;
        this.schedules = schedules;
    }

    /** Starts the step's clock, if the program declares the step for the region. */
    public Optional<Deadline> start(Program program, String regionCode, Step step, LocalDate on) {
        Map<Step, StepLimit> limits = schedules.limits(program, regionCode);
        StepLimit limit = limits.get(step);
        if (limit == null) {
            return Optional.empty();
        }
        LocalDate promised = addWorkingDays(on, limit.promisedDays());
        LocalDate statutory = addWorkingDays(on, limit.statutoryDays());
        boolean provisional = !calendar.covers(statutory) || !calendar.covers(on);
        return Optional.of(new Deadline(step, on, promised, statutory, provisional, null));
    }

    /** A clock of {@code workingDays} that no schedule declares (the configured reply time of a 一次性告知). */
    public Deadline startFixed(Step step, LocalDate on, int workingDays) {
        LocalDate due = addWorkingDays(on, workingDays);
        return new Deadline(step, on, due, due, !calendar.covers(due) || !calendar.covers(on), null);
    }

    /**
     * The step whose limit the decision must meet: the whole case where the program (or the region)
     * declares one ([57]§22, counted from acceptance), else the county decision's own limit ([43]§17,
     * counted from the end of 公示).
     */
    public Optional<Step> decisionStep(Program program, String regionCode) {
        Map<Step, StepLimit> limits = schedules.limits(program, regionCode);
        if (limits.containsKey(Step.WHOLE_CASE)) {
            return Optional.of(Step.WHOLE_CASE);
        }
        return limits.containsKey(Step.COUNTY_DECISION) ? Optional.of(Step.COUNTY_DECISION) : Optional.empty();
    }

    /** The decision's due date when {@code step}'s clock starts on {@code on}; empty unless that step bounds the decision. */
    public Optional<DecisionDue> decisionDue(Program program, String regionCode, Step step, LocalDate on) {
        if (decisionStep(program, regionCode).filter(s -> s == step).isEmpty()) {
            return Optional.empty();
        }
        StepLimit limit = schedules.limits(program, regionCode).get(step);
        return start(program, regionCode, step, on).map(started -> DecisionDue.of(started, limit));
    }

    public LocalDate addWorkingDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate d = start;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (calendar.isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Working days from {@code from} (exclusive) to {@code to} (inclusive); 0 when {@code to} is not later. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
