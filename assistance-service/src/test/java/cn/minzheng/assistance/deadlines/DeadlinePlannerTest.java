package cn.minzheng.assistance.deadlines;

import cn.minzheng.assistance.fixtures.Calendar2026;
import cn.minzheng.assistance.fixtures.Schedules;
import cn.minzheng.assistance.standards.Program;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinePlannerTest {
    private final DeadlinePlanner planner = Schedules.planner();

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // ordinary week
            "2026-03-02, 3, 2026-03-05",
            // across a weekend
            "2026-03-05, 3, 2026-03-10",
            // 国庆: 10/1–10/7 off, 10/10 (Sat) works
            "2026-09-30, 3, 2026-10-10",
            // 春节: 2/14 (Sat) works, 2/15–2/23 off
            "2026-02-12, 3, 2026-02-24",
            // 元旦: 1/1–1/3 off, 1/4 (Sun) works
            "2025-12-31, 1, 2026-01-04",
            // 劳动节 then make-up Saturday 5/9
            "2026-04-30, 2, 2026-05-07",
            "2026-05-07, 2, 2026-05-09",
            // 低保 whole case of 30 working days from 2026-09-01
            "2026-09-01, 30, 2026-10-19",
    })
    void dueDatesSkipRestDaysAndCountMakeUpDays(LocalDate start, int days, LocalDate due) {
        assertThat(planner.addWorkingDays(start, days)).isEqualTo(due);
    }

    @ParameterizedTest
    @CsvSource({
            "DIBAO_URBAN, START_INVESTIGATION, 2026-09-30, 2026-10-10",
            "DIBAO_URBAN, COUNTY_DECISION, 2026-09-21, 2026-10-12",
            "TEKUN, TOWNSHIP_OPINION, 2026-09-21, 2026-10-19",
            "TEKUN, COUNTY_DECISION, 2026-09-21, 2026-10-19",
            "DIBAO_RURAL, REFUSAL_NOTICE, 2026-02-13, 2026-02-25",
    })
    void programsDeclareTheirSteps(Program program, Step step, LocalDate start, LocalDate due) {
        Deadline d = planner.start(program, "421303001001", step, start).orElseThrow();
        assertThat(d.promisedDue()).isEqualTo(due);
        assertThat(d.provisional()).isFalse();
    }

    @Test
    void aStepTheProgramDoesNotDeclareHasNoDeadline() {
        assertThat(planner.start(Program.TEKUN, "421303001001", Step.START_INVESTIGATION, LocalDate.of(2026, 3, 2)))
                .isEmpty();
    }

    @Test
    void beyondTheCalendarDataTheDueDateIsProvisional() {
        Deadline d = planner.start(Program.DIBAO_URBAN, "421303001001", Step.WHOLE_CASE, LocalDate.of(2026, 12, 10))
                .orElseThrow();
        assertThat(d.provisional()).isTrue();
    }

    @Test
    void aRegionMayPromiseShorterLimits() {
        ScheduleBook book = new ScheduleBook(
                Map.of(Program.DIBAO_URBAN, Schedules.national().limits(Program.DIBAO_URBAN, "42")),
                List.of(new ScheduleBook.RegionalLimits(Program.DIBAO_URBAN, "421303",
                        Map.of(Step.WHOLE_CASE, new StepLimit(30, 20)))));
        DeadlinePlanner p = new DeadlinePlanner(new Calendar2026(), book);
        Deadline d = p.start(Program.DIBAO_URBAN, "421303001001", Step.WHOLE_CASE, LocalDate.of(2026, 9, 1)).orElseThrow();
        assertThat(d.statutoryDue()).isEqualTo(LocalDate.of(2026, 10, 19));
        assertThat(d.promisedDue()).isEqualTo(planner.addWorkingDays(LocalDate.of(2026, 9, 1), 20));
        Deadline elsewhere = p.start(Program.DIBAO_URBAN, "420100001001", Step.WHOLE_CASE, LocalDate.of(2026, 9, 1))
                .orElseThrow();
        assertThat(elsewhere.promisedDue()).isEqualTo(elsewhere.statutoryDue());
    }

    @Test
    void overdueOnlyAfterThePromisedDayAndWhileOpen() {
        Deadline d = planner.start(Program.DIBAO_URBAN, "421303001001", Step.START_INVESTIGATION,
                LocalDate.of(2026, 3, 2)).orElseThrow();
        assertThat(d.overdueOn(LocalDate.of(2026, 3, 5))).isFalse();
        assertThat(d.overdueOn(LocalDate.of(2026, 3, 6))).isTrue();
        assertThat(d.met(LocalDate.of(2026, 3, 9)).overdueOn(LocalDate.of(2026, 3, 10))).isFalse();
        assertThat(d.met(LocalDate.of(2026, 3, 9)).metInTime()).isFalse();
        assertThat(d.met(LocalDate.of(2026, 3, 5)).metInTime()).isTrue();
    }

    /** National limits, and 421303 promising 20 instead of 30 working days for an urban 低保 case. */
    static DeadlinePlanner withPromise() {
        ScheduleBook national = Schedules.national();
        Map<Program, Map<Step, StepLimit>> defaults = new java.util.EnumMap<>(Program.class);
        for (Program p : Program.values()) {
            defaults.put(p, national.limits(p, "42"));
        }
        return new DeadlinePlanner(new Calendar2026(), new ScheduleBook(defaults, List.of(
                new ScheduleBook.RegionalLimits(Program.DIBAO_URBAN, "421303", Map.of(Step.WHOLE_CASE, new StepLimit(30, 20))))));
    }

    @ParameterizedTest(name = "{0} in {1}, {2} from {3}: due {4} ({5}, {6} days), statutory {7}")
    @CsvSource({
            // 30 working days across 中秋 (9/25–27) and 国庆 (10/1–7, 10/10 Sat works)
            "DIBAO_URBAN, 420100001001, WHOLE_CASE,      2026-09-21, 2026-11-09, STATUTORY, 30, 2026-11-09, false",
            // the region promised 20: due earlier, the statutory date kept beside it
            "DIBAO_URBAN, 421303001001, WHOLE_CASE,      2026-09-21, 2026-10-26, PROMISED,  20, 2026-11-09, false",
            // 春节: 2/15–23 off, 2/28 (Sat) works
            "DIBAO_RURAL, 421303001001, WHOLE_CASE,      2026-02-10, 2026-03-30, STATUTORY, 30, 2026-03-30, false",
            // 特困: no whole-case limit, the county's 15 days from the end of 公示 across 国庆
            "TEKUN,       421303001001, COUNTY_DECISION, 2026-09-24, 2026-10-22, STATUTORY, 15, 2026-10-22, false",
            // beyond the calendar data: weekends only, marked provisional
            "DIBAO_URBAN, 420100001001, WHOLE_CASE,      2026-12-01, 2027-01-12, STATUTORY, 30, 2027-01-12, true",
    })
    void theDecisionIsDueOnTheWorkingDayOfItsLimit(Program program, String region, Step step, LocalDate start,
                                                   LocalDate due, DecisionDue.Basis basis, int days,
                                                   LocalDate statutory, boolean provisional) {
        assertThat(withPromise().decisionDue(program, region, step, start))
                .contains(new DecisionDue(due, basis, days, statutory, provisional));
    }

    @ParameterizedTest(name = "{0}: {1} does not bound the decision")
    @CsvSource({
            "DIBAO_URBAN, START_INVESTIGATION",
            "DIBAO_URBAN, COUNTY_DECISION",
            "DIBAO_URBAN, REFUSAL_NOTICE",
            "TEKUN, TOWNSHIP_OPINION",
            "TEKUN, WHOLE_CASE",
            "TEKUN, REFUSAL_NOTICE",
    })
    void onlyTheStepThatBoundsTheDecisionSetsItsDueDate(Program program, Step step) {
        assertThat(planner.decisionDue(program, "421303001001", step, LocalDate.of(2026, 9, 1))).isEmpty();
    }

    @Test
    void aRegionThatDeclaresAWholeCaseLimitForTekunMovesTheDueDateToAcceptance() {
        ScheduleBook book = new ScheduleBook(Map.of(Program.TEKUN, Schedules.national().limits(Program.TEKUN, "42")),
                List.of(new ScheduleBook.RegionalLimits(Program.TEKUN, "421303", Map.of(Step.WHOLE_CASE, new StepLimit(40, 35)))));
        DeadlinePlanner p = new DeadlinePlanner(new Calendar2026(), book);
        assertThat(p.decisionStep(Program.TEKUN, "421303001001")).contains(Step.WHOLE_CASE);
        assertThat(p.decisionStep(Program.TEKUN, "420100001001")).contains(Step.COUNTY_DECISION);
        assertThat(p.decisionDue(Program.TEKUN, "421303001001", Step.COUNTY_DECISION, LocalDate.of(2026, 9, 1))).isEmpty();
        assertThat(p.decisionDue(Program.TEKUN, "421303001001", Step.WHOLE_CASE, LocalDate.of(2026, 9, 1)))
                .get().extracting(DecisionDue::basis, DecisionDue::limitWorkingDays)
                .containsExactly(DecisionDue.Basis.PROMISED, 35);
    }

    @Property(tries = 200)
    void aDecisionDueDateIsItsLimitInWorkingDaysAndNeverAfterTheStatutoryOne(
            @ForAll @IntRange(min = 0, max = 300) int offset, @ForAll @IntRange(min = 1, max = 45) int statutory,
            @ForAll @IntRange(min = 1, max = 45) int promised) {
        net.jqwik.api.Assume.that(promised <= statutory);
        DeadlinePlanner p = new DeadlinePlanner(new Calendar2026(), new ScheduleBook(
                Map.of(Program.DIBAO_URBAN, Map.of(Step.WHOLE_CASE, new StepLimit(statutory, promised))), List.of()));
        LocalDate start = LocalDate.of(2026, 1, 1).plusDays(offset);
        DecisionDue due = p.decisionDue(Program.DIBAO_URBAN, "421303001001", Step.WHOLE_CASE, start).orElseThrow();
        assertThat(due.limitWorkingDays()).isEqualTo(promised);
        assertThat(p.workingDaysBetween(start, due.dueDate())).isEqualTo(promised);
        assertThat(p.workingDaysBetween(start, due.statutoryDueDate())).isEqualTo(statutory);
        assertThat(due.dueDate()).isBeforeOrEqualTo(due.statutoryDueDate());
        assertThat(due.basis()).isEqualTo(promised < statutory ? DecisionDue.Basis.PROMISED : DecisionDue.Basis.STATUTORY);
    }

    @Property(tries = 200)
    void theDueDayIsAWorkingDayExactlyNWorkingDaysLater(@ForAll @IntRange(min = 0, max = 330) int offset,
                                                        @ForAll @IntRange(min = 1, max = 30) int days) {
        Calendar2026 cal = new Calendar2026();
        LocalDate start = LocalDate.of(2026, 1, 1).plusDays(offset);
        LocalDate due = planner.addWorkingDays(start, days);
        assertThat(cal.isWorkingDay(due)).isTrue();
        assertThat(planner.workingDaysBetween(start, due)).isEqualTo(days);
    }
}
