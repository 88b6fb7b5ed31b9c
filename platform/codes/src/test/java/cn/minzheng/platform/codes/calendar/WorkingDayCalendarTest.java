package cn.minzheng.platform.codes.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.builtIn();

    @Test
    void shipsTheOfficialNoticesFor2025And2026() {
        assertThat(CALENDAR.notices()).containsOnlyKeys(2025, 2026);
        assertThat(CALENDAR.notices().get(2025).source()).contains("国办发明电〔2024〕12号");
        assertThat(CALENDAR.notices().get(2026).source()).contains("2026年部分节假日安排");
    }

    @ParameterizedTest(name = "{0} ({1}) working: {2}")
    @CsvSource({
            "2026-01-01, 元旦 Thu,                 false",
            "2026-01-03, 元旦 Sat,                 false",
            "2026-01-04, 元旦 make-up Sun,         true",
            "2026-01-05, ordinary Mon,             true",
            "2026-02-14, 春节 make-up Sat,         true",
            "2026-02-16, 春节 Mon,                 false",
            "2026-02-23, 春节 last day Mon,        false",
            "2026-02-24, after 春节 Tue,           true",
            "2026-02-28, 春节 make-up Sat,         true",
            "2026-04-06, 清明 Mon,                 false",
            "2026-05-05, 劳动节 Tue,               false",
            "2026-05-09, 劳动节 make-up Sat,       true",
            "2026-06-19, 端午 Fri,                 false",
            "2026-09-20, 国庆 make-up Sun,         true",
            "2026-09-25, 中秋 Fri,                 false",
            "2026-10-07, 国庆 Wed,                 false",
            "2026-10-10, 国庆 make-up Sat,         true",
            "2026-10-11, ordinary Sun,             false",
            "2025-01-26, 春节 make-up Sun,         true",
            "2025-02-04, 春节 Tue,                 false",
            "2025-04-27, 劳动节 make-up Sun,       true",
            "2025-06-02, 端午 Mon,                 false",
            "2025-09-28, 国庆 make-up Sun,         true",
            "2025-10-08, 国庆中秋 Wed,             false",
            "2025-10-11, 国庆 make-up Sat,         true",
            "2027-01-01, no data: plain Fri,       true",
            "2027-01-02, no data: plain Sat,       false",
    })
    void knowsHolidaysAndMakeUpDays(LocalDate date, String what, boolean working) {
        assertThat(CALENDAR.isWorkingDay(date)).as(what).isEqualTo(working);
    }

    @ParameterizedTest(name = "{1} working days after {0} → {2} (provisional {3})")
    @CsvSource({
            // the worked example: across the 2026 国庆 holiday, with the Saturday make-up day
            "2026-09-30, 3,  2026-10-10, false",
            "2026-09-30, 1,  2026-10-08, false",
            "2026-09-30, 4,  2026-10-12, false",
            "2025-09-30, 3,  2025-10-11, false",
            "2026-02-13, 1,  2026-02-14, false",
            "2026-02-13, 2,  2026-02-24, false",
            "2025-12-31, 1,  2026-01-04, false",
            "2026-06-17, 3,  2026-06-23, false",
            "2026-03-04, 3,  2026-03-09, false",
            "2026-03-04, 0,  2026-03-04, false",
            "2024-12-31, 1,  2025-01-02, false",
            "2024-12-30, 2,  2025-01-02, true",
            "2026-12-30, 2,  2027-01-01, true",
            "2026-12-30, 1,  2026-12-31, false",
            "2026-01-01, 30, 2026-02-12, false",
    })
    void dueDates(LocalDate start, int n, LocalDate due, boolean provisional) {
        assertThat(CALENDAR.addWorkingDays(start, n)).isEqualTo(new DueDate(due, provisional));
    }

    @ParameterizedTest(name = "({0}, {1}] has {2} working days")
    @CsvSource({
            // 261 weekdays − 13 statutory holidays each year: both notices agree with the law
            "2025-12-31, 2026-12-31, 248,  false",
            "2024-12-31, 2025-12-31, 248,  false",
            "2026-09-30, 2026-10-10, 3,    false",
            "2026-10-10, 2026-09-30, -3,   false",
            "2026-09-30, 2026-09-30, 0,    false",
            "2026-10-01, 2026-10-07, 0,    false",
            "2026-12-31, 2027-12-31, 261,  true",
            "2023-12-31, 2024-01-07, 5,    true",
    })
    void countsBetween(LocalDate from, LocalDate to, long days, boolean provisional) {
        assertThat(CALENDAR.workingDaysBetween(from, to)).isEqualTo(new WorkingDayCount(days, provisional));
    }

    @Test
    void aDeploymentAddsAYearFromADirectoryWithoutARebuild(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cn-2027.txt"), """
                # test notice, not official
                year 2027
                source 测试用通知
                2027-01-01 off 元旦
                2027-01-02..2027-01-03 off 元旦
                """);
        WorkingDayCalendar calendar = WorkingDayCalendar.builder().addBuiltIn().addDirectory(dir).build();

        assertThat(calendar.covers(2027)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 31), 1))
                .isEqualTo(new DueDate(LocalDate.of(2027, 1, 4), false));
    }

    @Test
    void aLaterNoticeForTheSameYearReplacesTheEarlierOne() {
        WorkingDayCalendar calendar = WorkingDayCalendar.builder()
                .addBuiltIn()
                .add(stream("year 2026\nsource correction\n2026-01-05 off 测试\n"), "correction")
                .build();

        assertThat(calendar.notices().get(2026).source()).isEqualTo("correction");
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 5))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 1))).isTrue();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "source x\\n2026-01-01 off                    | missing 'year",
            "year 2026\\n2026-01-01 off                   | missing 'source",
            "year 2026\\nsource x\\n2026-01-05 work        | is a weekday",
            "year 2026\\nsource x\\n2026-01-01 off\\n2026-01-01 off | listed twice",
            "year 2026\\nsource x\\n2026-02-30 off         | not a date",
            "year 2026\\nsource x\\n2026-01-03..2026-01-01 off | run forwards",
            "year 2026\\nsource x\\n2026-01-01 holiday     | expected '<date>",
            "year twenty\\nsource x                       | expected 'year YYYY'",
    })
    void rejectsBrokenDataWithTheLine(String text, String problem) {
        assertThatThrownBy(() -> HolidayNotice.read(stream(text.replace("\\n", "\n")), "cn-test.txt"))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("cn-test.txt")
                .hasMessageContaining(problem);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
