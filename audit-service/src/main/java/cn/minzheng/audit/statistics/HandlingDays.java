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
 * need as one short string ({@link #entry}: service, program, region, acceptance, due date, decision
 * and withdrawal instants). A case is always written whole, from its handling-clock document after
 * the batch's facts were set there: writing it again (a redelivered batch, a rebuild, a batch applied
 * twice after a stop) sets the same string, so a case never counts twice, and its later facts (the
 * decision, a withdrawal) replace its entry rather than add to a counter. The outcome is computed at
 * query time by {@link HandlingCase#outcome}, exactly as over the cases themselves, so any
 * {@code asOf} is answered: a query over {@code [from, to)} reads the buckets of the China days it
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

    /** What the rule and the groupings read of a case, as one string. */
    public static String entry(HandlingCase c) {
        return String.join("|", enc(c.service()), enc(c.program()), enc(c.regionCode()),
                Long.toString(c.acceptedAt().toEpochMilli()), enc(c.dueDate()), millis(c.decidedAt()),
                millis(c.withdrawnAt()));
    }

    /** The case an {@link #entry} describes (its decision and due basis, which no tally reads, are not kept). */
    public static HandlingCase parse(String subject, String entry) {
        String[] p = entry.split("\\|", -1);
        if (p.length != 7) {
            throw new IllegalArgumentException("not a handling-day entry: " + entry);
        }
        return new HandlingCase(subject, dec(p[0]), dec(p[1]), dec(p[2]), Instant.ofEpochMilli(Long.parseLong(p[3])),
                dec(p[4]), null, null, instant(p[5]), instant(p[6]));
    }

    /**
     * Whether a case is one the query asks for: accepted in {@code [from, to)} (either open), of the
     * service (null: any), in the region prefix (null or empty: every case, one without a region
     * included) — the same selection as the handling-clock scan.
     */
    public static boolean selected(HandlingCase c, String regionPrefix, String service, Instant from, Instant to) {
        if (regionPrefix != null && !regionPrefix.isEmpty()
                && (c.regionCode() == null || !c.regionCode().startsWith(regionPrefix))) {
            return false;
        }
        if (service != null && !service.equals(c.service())) {
            return false;
        }
        long accepted = c.acceptedAt().toEpochMilli();
        return (from == null || accepted >= from.toEpochMilli()) && (to == null || accepted < to.toEpochMilli());
    }

    static String enc(String s) {
        return s == null ? NULL : s.replace("%", "%25").replace("|", "%7C");
    }

    static String dec(String s) {
        return NULL.equals(s) ? null : s.replace("%7C", "|").replace("%25", "%");
    }

    private static String millis(Instant at) {
        return at == null ? "" : Long.toString(at.toEpochMilli());
    }

    private static Instant instant(String s) {
        return s.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(s));
    }
}
