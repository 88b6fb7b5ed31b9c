package cn.minzheng.audit.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an accepted case sits in the on-time projection (issue 20 item 7), and how it is written
 * there. Plain Java.
 *
 * <p>One bucket per generation and <b>China day of acceptance</b> ({@link #dayId}); in it one field
 * per case, named by its subject ({@link #field}), holding what the on-time rule and the groupings
 * need as one short string ({@link Entry#text}: service, program, region, acceptance instant, due day,
 * decision instant and day, withdrawal instant — the days in China Standard Time, computed once when
 * the entry is written). A case is always written whole, from its handling-clock document after
 * the batch's facts were set there: writing it again (a redelivered batch, a rebuild, a batch applied
 * twice after a stop) sets the same string, so a case never counts twice, and its later facts (the
 * decision, a withdrawal) replace its entry rather than add to a counter. The outcome is computed at
 * query time ({@link Entry#outcome}, the rule of {@link HandlingCase#outcome} on the precomputed
 * days), so any {@code asOf} is answered: a query over {@code [from, to)} reads the buckets of the China days it
 * touches — at most 367 documents for a year, whatever the trail's length — and keeps the entries
 * accepted inside it.
 */
public final class HandlingDays {

    /** A component that was null (no escaped value encodes to it: {@code %} itself is escaped). */
    static final String NULL = "%00";

    private HandlingDays() {
    }

    /** The bucket of a generation's cases accepted on {@code day} (China Standard Time). */
    public static String dayId(int generation, LocalDate day) {
        return generation + "|" + day;
    }

    /** The China days that {@code [from, to)} touches, in order; empty when {@code to} is not after {@code from}. */
    public static List<LocalDate> days(Instant from, Instant to) {
        List<LocalDate> days = new ArrayList<>();
        if (!to.isAfter(from)) {
            return days;
        }
        LocalDate last = to.minusMillis(1).atZone(HandlingCase.ZONE).toLocalDate();
        for (LocalDate d = from.atZone(HandlingCase.ZONE).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /** The case's field name in its bucket: the subject, escaped ({@code % . $}) to be a valid Mongo field name. */
    public static String field(String subject) {
        return subject.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    public static String subject(String field) {
        return field.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }

    /**
     * What the rule and the groupings read of one case, with its days already in China Standard Time,
     * so that a query judges a case by comparing numbers ({@link #outcome}) — no date parsing or time
     * zone lookup per case.
     *
     * @param acceptedDay the China day of acceptance (the bucket's day)
     * @param dueDay      the due date as an epoch day, null when absent or not a real calendar day
     * @param decidedMs   the decision instant, null while undecided
     * @param decidedDay  the decision's China day as an epoch day, null while undecided
     * @param withdrawnMs the withdrawal instant, null if not withdrawn
     */
    public record Entry(String service, String program, String regionCode, long acceptedMs, LocalDate acceptedDay,
            Long dueDay, Long decidedMs, Long decidedDay, Long withdrawnMs) {

        /** The case as the rule sees it. */
        public static Entry of(HandlingCase c) {
            LocalDate due = c.due();
            return new Entry(c.service(), c.program(), c.regionCode(), c.acceptedAt().toEpochMilli(), c.acceptedDay(),
                    due == null ? null : due.toEpochDay(),
                    c.decidedAt() == null ? null : c.decidedAt().toEpochMilli(),
                    c.decidedAt() == null ? null : c.decidedAt().atZone(HandlingCase.ZONE).toLocalDate().toEpochDay(),
                    c.withdrawnAt() == null ? null : c.withdrawnAt().toEpochMilli());
        }

        /**
         * {@link HandlingCase#outcome} on the precomputed days: {@code asOfDay} is the China day of
         * {@code asOfMs} as an epoch day.
         */
        public HandlingCase.Outcome outcome(long asOfMs, long asOfDay) {
            boolean decided = decidedMs != null && decidedMs <= asOfMs;
            if (!decided && withdrawnMs != null && withdrawnMs <= asOfMs) {
                return HandlingCase.Outcome.WITHDRAWN;
            }
            if (dueDay == null) {
                return HandlingCase.Outcome.UNKNOWN;
            }
            if (decided) {
                return decidedDay > dueDay ? HandlingCase.Outcome.LATE : HandlingCase.Outcome.ON_TIME;
            }
            return asOfDay > dueDay ? HandlingCase.Outcome.OPEN_OVERDUE : HandlingCase.Outcome.OPEN_WITHIN_LIMIT;
        }

        /**
         * Whether the query asks for this case: accepted in {@code [fromMs, toMs)}, of the service (null:
         * any), in the region prefix (null or empty: every case, one without a region included) — the
         * same selection as the handling-clock scan.
         */
        public boolean selected(String regionPrefix, String service, long fromMs, long toMs) {
            if (regionPrefix != null && !regionPrefix.isEmpty()
                    && (regionCode == null || !regionCode.startsWith(regionPrefix))) {
                return false;
            }
            return (service == null || service.equals(this.service)) && acceptedMs >= fromMs && acceptedMs < toMs;
        }

        /** As stored: service, program, region, acceptance, due day, decision, decision day, withdrawal. */
        public String text() {
            return String.join("|", enc(service), enc(program), enc(regionCode), Long.toString(acceptedMs),
                    number(dueDay), number(decidedMs), number(decidedDay), number(withdrawnMs));
        }

        /** An entry of the bucket of {@code acceptedDay} as {@link #text} wrote it. */
        public static Entry parse(String text, LocalDate acceptedDay) {
            String[] p = text.split("\\|", -1);
            if (p.length != 8) {
                throw new IllegalArgumentException("not a handling-day entry: " + text);
            }
            return new Entry(dec(p[0]), dec(p[1]), dec(p[2]), Long.parseLong(p[3]), acceptedDay, number(p[4]),
                    number(p[5]), number(p[6]), number(p[7]));
        }
    }

    static String enc(String s) {
        return s == null ? NULL : s.replace("%", "%25").replace("|", "%7C");
    }

    static String dec(String s) {
        if (NULL.equals(s)) {
            return null;
        }
        return s.indexOf('%') < 0 ? s : s.replace("%7C", "|").replace("%25", "%");
    }

    private static String number(Long n) {
        return n == null ? "" : Long.toString(n);
    }

    private static Long number(String s) {
        return s.isEmpty() ? null : Long.valueOf(s);
    }
}
