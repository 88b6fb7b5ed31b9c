package cn.minzheng.platform.codes.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class WorkingDayCalendarProperties {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.builtIn();

    @Property
    void aDueDateIsAWorkingDay(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = 1, max = 400) int n) {
        assertThat(CALENDAR.isWorkingDay(CALENDAR.addWorkingDays(start, n).date())).isTrue();
    }

    @Property
    void countingBackGivesTheNumberAdded(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = 0, max = 400) int n) {
        DueDate due = CALENDAR.addWorkingDays(start, n);
        WorkingDayCount count = CALENDAR.workingDaysBetween(start, due.date());

        assertThat(count.days()).isEqualTo(n);
        assertThat(count.provisional()).isEqualTo(due.provisional());
    }

    @Property
    void moreWorkingDaysNeverEndEarlier(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = 0, max = 400) int n) {
        LocalDate due = CALENDAR.addWorkingDays(start, n).date();
        LocalDate next = CALENDAR.addWorkingDays(start, n + 1).date();

        assertThat(next).isAfter(due);
        // nothing but rest days lies strictly between two consecutive due dates
        for (LocalDate d = due.plusDays(1); d.isBefore(next); d = d.plusDays(1)) {
            assertThat(CALENDAR.isWorkingDay(d)).as(d.toString()).isFalse();
        }
    }

    @Property
    void countsAddUpAndMatchADayByDayCount(@ForAll("dates") LocalDate a, @ForAll("dates") LocalDate b, @ForAll("dates") LocalDate c) {
        long ab = CALENDAR.workingDaysBetween(a, b).days();
        long bc = CALENDAR.workingDaysBetween(b, c).days();
        assertThat(ab + bc).isEqualTo(CALENDAR.workingDaysBetween(a, c).days());

        LocalDate from = a.isBefore(b) ? a : b;
        LocalDate to = a.isBefore(b) ? b : a;
        long dayByDay = from.plusDays(1).datesUntil(to.plusDays(1)).filter(CALENDAR::isWorkingDay).count();
        assertThat(Math.abs(ab)).isEqualTo(dayByDay);
    }

    @Property
    void onlyDaysOutsideTheNoticesAreProvisional(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = 1, max = 400) int n) {
        DueDate due = CALENDAR.addWorkingDays(start, n);
        boolean outside = start.plusDays(1).datesUntil(due.date().plusDays(1))
                .anyMatch(d -> !CALENDAR.covers(d.getYear()));

        assertThat(due.provisional()).isEqualTo(outside);
    }

    /** Mostly inside the covered years, with margins on both sides. */
    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs()
                .between(LocalDate.of(2024, 6, 1).toEpochDay(), LocalDate.of(2027, 6, 30).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }
}
