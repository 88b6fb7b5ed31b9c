package cn.minzheng.audit.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a trail record counts in the record-count projection (issue 20 item 7), and how a count
 * query is answered from it. Plain Java.
 *
 * <p>Two kinds of bucket, both keyed by the record's grouping fields and its chain
 * ({@link Key}):
 * <ul>
 *   <li>a <b>day</b> (China Standard Time, as the statistics count days) holds per key
 *       {@code (s, n)}: {@code n} records of that key and chain with a sequence ≤ {@code s}. The
 *       pair only grows, and both members are written with {@code $max}: a redelivered or
 *       re-read record (sequence ≤ {@code s}) is never counted twice, and two writers of the same
 *       chain that read the same pair compute the same (or a later, larger) pair;</li>
 *   <li>an <b>hour</b> holds per key the set of {@link #element(long, long) elements}
 *       {@code sequence × 3,600,000 + millisecond within the hour} (added with {@code $addToSet}:
 *       a record is its own key), so that a range starting or ending inside a day is counted to
 *       the millisecond from the hours it touches.</li>
 * </ul>
 * A query over {@code [from, to)} ({@link #plan}) reads the whole days inside the range from the
 * day buckets and the hours of a partial first or last day from the hour buckets: at most 367 day
 * and 48 hour documents, whatever the trail's length.
 */
public final class CountBuckets {

    /** Days are counted in China Standard Time (as {@code RecordDocuments.STATISTICS_ZONE}). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final long HOUR_MS = 3_600_000L;
    /** What a null component is stored as ({@code %} itself is always escaped, so no value encodes to this). */
    static final String NULL = "%00";

    private CountBuckets() {
    }

    /** The grouping fields of a record and its chain; {@link #field()} is its field name in a bucket. */
    public record Key(String service, String type, String regionCode, String chain) {

        /** Components escaped ({@code % . $ |}) so the name is a valid Mongo field name, joined by {@code |}. */
        public String field() {
            return enc(service) + "|" + enc(type) + "|" + enc(regionCode) + "|" + enc(chain);
        }

        public static Key parse(String field) {
            String[] p = field.split("\\|", -1);
            if (p.length != 4) {
                throw new IllegalArgumentException("not a count key: " + field);
            }
            return new Key(dec(p[0]), dec(p[1]), dec(p[2]), dec(p[3]));
        }
    }

    static String enc(String s) {
        if (s == null) {
            return NULL;
        }
        return s.replace("%", "%25").replace(".", "%2E").replace("$", "%24").replace("|", "%7C");
    }

    static String dec(String s) {
        if (NULL.equals(s)) {
            return null;
        }
        if (s.indexOf('%') < 0) {
            return s;
        }
        return s.replace("%7C", "|").replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }

    /** The China day of an instant. */
    public static LocalDate day(long timeMs) {
        return Instant.ofEpochMilli(timeMs).atZone(ZONE).toLocalDate();
    }

    /** The hour bucket of an instant: whole hours since the epoch (China is a whole number of hours off UTC). */
    public static long hour(long timeMs) {
        return Math.floorDiv(timeMs, HOUR_MS);
    }

    /** A record in an hour bucket: unique per record of a chain (its sequence), and its time to the millisecond. */
    public static long element(long sequence, long timeMs) {
        return Math.multiplyExact(sequence, HOUR_MS) + Math.floorMod(timeMs, HOUR_MS);
    }

    /** The time of an element of hour bucket {@code hour}. */
    public static long timeOf(long hour, long element) {
        return hour * HOUR_MS + Math.floorMod(element, HOUR_MS);
    }

    static long dayStart(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant().toEpochMilli();
    }

    /**
     * Which buckets answer {@code [from, to)}: the days wholly inside it and the hours of the
     * partial first and last days that overlap it. Empty when {@code to} is not after {@code from}.
     */
    public record Plan(List<LocalDate> days, List<Long> hours) {
    }

    public static Plan plan(Instant from, Instant to) {
        long f = from.toEpochMilli();
        long t = to.toEpochMilli();
        List<LocalDate> days = new ArrayList<>();
        List<Long> hours = new ArrayList<>();
        if (t <= f) {
            return new Plan(days, hours);
        }
        LocalDate first = day(f);
        LocalDate last = day(t - 1);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            long start = dayStart(d);
            long end = dayStart(d.plusDays(1));
            if (start >= f && end <= t) {
                days.add(d);
            } else {
                for (long h = hour(Math.max(f, start)); h <= hour(Math.min(t, end) - 1); h++) {
                    hours.add(h);
                }
            }
        }
        return new Plan(days, hours);
    }

    /**
     * Counts grouped by one field ({@code day}, {@code service}, {@code type} or {@code regionCode}),
     * of the records of one type (null: any) within a region prefix (null or empty: every record, a
     * record without region included; otherwise records whose region starts with it) — what the
     * statistics' aggregation over the records answers, in its order (a missing value first, then
     * ascending) and with its group names ({@code "null"} for a missing value).
     */
    public static final class Tally {
        private final String field;
        private final String type;
        private final String regionPrefix;
        private final TreeMap<String, Long> groups = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));

        public Tally(String field, String type, String regionPrefix) {
            if (!List.of("day", "service", "type", "regionCode").contains(field)) {
                throw new IllegalArgumentException("no count by " + field);
            }
            this.field = field;
            this.type = type;
            this.regionPrefix = regionPrefix;
        }

        /** {@code n} records of {@code key} on {@code day}. */
        public Tally add(Key key, LocalDate day, long n) {
            if (n == 0 || (type != null && !type.equals(key.type()))) {
                return this;
            }
            if (regionPrefix != null && !regionPrefix.isEmpty()
                    && (key.regionCode() == null || !key.regionCode().startsWith(regionPrefix))) {
                return this;
            }
            String group = switch (field) {
                case "day" -> day.toString();
                case "service" -> key.service();
                case "type" -> key.type();
                default -> key.regionCode();
            };
            groups.merge(group, n, Long::sum);
            return this;
        }

        public Map<String, Long> counts() {
            Map<String, Long> counts = new LinkedHashMap<>();
            groups.forEach((k, v) -> counts.merge(String.valueOf(k), v, Long::sum));
            return counts;
        }
    }
}
