package cn.minzheng.platform.codes.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * 节假日安排: one year's official arrangement of public holidays and make-up working days
 * (调休上班), as published each year by the General Office of the State Council.
 *
 * <p>Read from a UTF-8 text file, one statement a line, {@code #} starts a comment:
 * <pre>
 * year 2026
 * source 国务院办公厅关于2026年部分节假日安排的通知（国办发明电，2025年11月）
 * 2026-01-01..2026-01-03 off 元旦
 * 2026-01-04 work 元旦调休上班
 * </pre>
 * {@code off} days are rest days, {@code work} days are working days; every other day is a
 * working day from Monday to Friday. A {@code work} day must fall on a weekend and no day may be
 * listed twice. Dates may fall outside the notice's year (a 元旦 break can start in December).
 *
 * @param year   the year the notice is for
 * @param source the notice, as cited
 * @param days   each listed day: {@code true} = working (调休上班), {@code false} = rest
 */
public record HolidayNotice(int year, String source, Map<LocalDate, Boolean> days) {

    public HolidayNotice {
        Objects.requireNonNull(source, "source");
        days = Collections.unmodifiableMap(new TreeMap<>(days));
    }

    /**
     * Reads one notice; does not close {@code in}.
     *
     * @param origin names the input in error messages (a file name)
     * @throws CalendarDataException if the text is not a valid notice
     */
    public static HolidayNotice read(InputStream in, String origin) {
        Integer year = null;
        String source = null;
        Map<LocalDate, Boolean> days = new TreeMap<>();
        // Not closed here: the caller owns the stream.
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String where = origin + ":" + number + ": ";
                int hash = line.indexOf('#');
                String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (text.isEmpty()) {
                    continue;
                }
                String[] words = text.split("\\s+", 3);
                if (words[0].equals("year")) {
                    year = parseYear(words, where);
                } else if (words[0].equals("source")) {
                    if (words.length < 2) {
                        throw new CalendarDataException(where + "'source' needs the notice's title and number");
                    }
                    source = text.substring("source".length()).strip();
                } else {
                    readDays(words, where, days);
                }
            }
        } catch (IOException e) {
            throw new CalendarDataException(origin + ": cannot be read", e);
        }
        if (year == null) {
            throw new CalendarDataException(origin + ": missing 'year YYYY' line");
        }
        if (source == null) {
            throw new CalendarDataException(origin + ": missing 'source <official notice>' line");
        }
        return new HolidayNotice(year, source, days);
    }

    private static int parseYear(String[] words, String where) {
        try {
            if (words.length == 2) {
                int y = Integer.parseInt(words[1]);
                if (y >= 1949 && y <= 9999) {
                    return y;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CalendarDataException(where + "expected 'year YYYY'");
    }

    private static void readDays(String[] words, String where, Map<LocalDate, Boolean> days) {
        if (words.length < 2 || !(words[1].equals("off") || words[1].equals("work"))) {
            throw new CalendarDataException(where + "expected '<date>[..<date>] off|work [label]'");
        }
        boolean working = words[1].equals("work");
        LocalDate from;
        LocalDate to;
        try {
            int dots = words[0].indexOf("..");
            from = LocalDate.parse(dots < 0 ? words[0] : words[0].substring(0, dots));
            to = dots < 0 ? from : LocalDate.parse(words[0].substring(dots + 2));
        } catch (DateTimeParseException e) {
            throw new CalendarDataException(where + "not a date or date range (yyyy-MM-dd[..yyyy-MM-dd]): " + words[0]);
        }
        if (to.isBefore(from) || from.plusDays(31).isBefore(to)) {
            throw new CalendarDataException(where + "a range must run forwards and span at most a month: " + words[0]);
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (working && !isWeekend(d)) {
                throw new CalendarDataException(where + d + " is a weekday: a make-up working day is a Saturday or Sunday");
            }
            if (days.put(d, working) != null) {
                throw new CalendarDataException(where + d + " is listed twice");
            }
        }
    }

    static boolean isWeekend(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
    }
}
