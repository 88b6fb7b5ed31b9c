package cn.minzheng.platform.codes.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * 工作日历: which days are working days (工作日) in mainland China, for deadlines counted in
 * working days.
 *
 * <p>A day is a working day if it is Monday to Friday and not an official holiday, or if it is
 * an official make-up working day (调休上班). Holidays are data, one {@link HolidayNotice} per
 * year: the built-in ones come from the class path ({@code /calendar/cn-YYYY.txt}), and a
 * deployment can add or correct a year from a directory or stream without a rebuild. For a year
 * without a notice only weekends are rest days, and every result that counted over such a year is
 * flagged {@code provisional}.
 *
 * <p>Immutable and thread-safe; build it once at start-up.
 */
public final class WorkingDayCalendar {

    /** Built-in notices are looked up for these years. */
    private static final int FIRST_BUILT_IN_YEAR = 2000;
    private static final int LAST_BUILT_IN_YEAR = 2099;

    /** Monday, 1970-01-05, as an epoch day: the anchor of the weekday count. */
    private static final long MONDAY_EPOCH_DAY = 4;

    private final NavigableMap<LocalDate, Boolean> listedDays;
    private final SortedMap<Integer, HolidayNotice> notices;

    private WorkingDayCalendar(SortedMap<Integer, HolidayNotice> notices) {
        this.notices = Collections.unmodifiableSortedMap(new TreeMap<>(notices));
        TreeMap<LocalDate, Boolean> days = new TreeMap<>();
        // A later year's notice wins where two notices list the same day (a 元旦 break in late December).
        notices.values().forEach(n -> days.putAll(n.days()));
        this.listedDays = Collections.unmodifiableNavigableMap(days);
    }

    /** The calendar of the notices shipped in this library. */
    public static WorkingDayCalendar builtIn() {
        return builder().addBuiltIn().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The years with an official notice, and the notice each came from. */
    public SortedMap<Integer, HolidayNotice> notices() {
        return notices;
    }

    /** Whether {@code year} has an official notice, so results in it are final. */
    public boolean covers(int year) {
        return notices.containsKey(year);
    }

    public boolean isWorkingDay(LocalDate date) {
        Boolean listed = listedDays.get(date);
        return listed != null ? listed : !HolidayNotice.isWeekend(date);
    }

    /**
     * The due date {@code n} working days after {@code start}: the n-th working day strictly after
     * it ("within 3 working days of acceptance" on a Wednesday ends on the following Monday). For
     * {@code n == 0} the start itself.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws java.time.DateTimeException if the result lies beyond {@link LocalDate#MAX}
     */
    public DueDate addWorkingDays(LocalDate start, long n) {
        Objects.requireNonNull(start, "start");
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (n == 0) {
            return new DueDate(start, false);
        }
        // Find the smallest offset whose count reaches n: grow an upper bound, then bisect.
        long low = 0;
        long high = n;
        while (countBetween(start, start.plusDays(high)) < n) {
            low = high;
            high *= 2;
        }
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            if (countBetween(start, start.plusDays(mid)) >= n) {
                high = mid;
            } else {
                low = mid;
            }
        }
        LocalDate due = start.plusDays(high);
        return new DueDate(due, touchesUncoveredYear(start, due));
    }

    /**
     * The working days in the half-open range (from, to]: the days counted when going from
     * {@code from} to {@code to}, so that {@code workingDaysBetween(d, addWorkingDays(d, n).date())}
     * is {@code n}. Negative when {@code to} is before {@code from}.
     */
    public WorkingDayCount workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            WorkingDayCount reverse = workingDaysBetween(to, from);
            return new WorkingDayCount(-reverse.days(), reverse.provisional());
        }
        return new WorkingDayCount(countBetween(from, to), touchesUncoveredYear(from, to));
    }

    /** Working days in (from, to], from ≤ to. */
    private long countBetween(LocalDate from, LocalDate to) {
        long count = weekdaysUpTo(to) - weekdaysUpTo(from);
        for (Map.Entry<LocalDate, Boolean> e : listedDays.subMap(from, false, to, true).entrySet()) {
            boolean weekend = HolidayNotice.isWeekend(e.getKey());
            if (e.getValue() && weekend) {
                count++;
            } else if (!e.getValue() && !weekend) {
                count--;
            }
        }
        return count;
    }

    /**
     * A prefix count of Monday-to-Friday days: weekdaysUpTo(d) − weekdaysUpTo(d − 1) is 1 exactly
     * when d is a weekday. Works for any date, also before the anchor.
     */
    private static long weekdaysUpTo(LocalDate date) {
        long m = date.toEpochDay() - MONDAY_EPOCH_DAY + 1;
        return 5 * Math.floorDiv(m, 7) + Math.min(Math.floorMod(m, 7), 5);
    }

    /** Whether a day in (from, to] lies in a year without a notice. */
    private boolean touchesUncoveredYear(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return false;
        }
        for (int y = from.plusDays(1).getYear(); y <= to.getYear(); y++) {
            if (!covers(y)) {
                return true;
            }
        }
        return false;
    }

    /** Collects notices; for the same year the last one added wins, so a deployment can correct a built-in year. */
    public static final class Builder {

        private final List<HolidayNotice> added = new ArrayList<>();

        private Builder() {
        }

        /** Adds the notices shipped in this library ({@code /calendar/cn-YYYY.txt} on the class path). */
        public Builder addBuiltIn() {
            for (int y = FIRST_BUILT_IN_YEAR; y <= LAST_BUILT_IN_YEAR; y++) {
                String name = "/calendar/cn-" + y + ".txt";
                try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(name)) {
                    if (in != null) {
                        add(HolidayNotice.read(in, name));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(name, e);
                }
            }
            return this;
        }

        /** Adds every {@code *.txt} file of {@code directory}, in file-name order. */
        public Builder addDirectory(Path directory) {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.txt")) {
                stream.forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + directory, e);
            }
            files.sort(null);
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    add(HolidayNotice.read(in, file.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
            return this;
        }

        /** Reads one notice from {@code in} (not closed). */
        public Builder add(InputStream in, String origin) {
            return add(HolidayNotice.read(in, origin));
        }

        public Builder add(HolidayNotice notice) {
            added.add(Objects.requireNonNull(notice, "notice"));
            return this;
        }

        public WorkingDayCalendar build() {
            TreeMap<Integer, HolidayNotice> byYear = new TreeMap<>();
            added.forEach(n -> byYear.put(n.year(), n));
            return new WorkingDayCalendar(byYear);
        }
    }
}
