package cn.minzheng.audit.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pre-aggregated tallies of one China day of acceptance (issue 20 item 7): how many of the day's
 * cases share each <b>signature</b> ({@link Key}: service, program, region, due day, decision day,
 * withdrawal day), so that a query reads one small document per day instead of one entry per case.
 * Plain Java.
 *
 * <p>Derived whole from the day's per-case entries ({@link #of}) — never incremented — so writing it
 * again (a redelivered batch, a batch applied twice after a stop, a rebuild) gives the same tallies,
 * and a case whose facts change later (decided after being open, withdrawn) moves from one signature
 * to another instead of counting twice.
 *
 * <p>A signature's outcome at {@code asOf} follows from its days alone ({@link #outcome}) except on
 * the China day of {@code asOf} itself, when a decision or withdrawal made that day may be before or
 * after {@code asOf}: for those the tallies keep, per closing day and signature, each case's decision
 * and withdrawal instants ({@link #closings}), and the query judges them one by one — only the cases
 * that closed on the day of {@code asOf}.
 *
 * @param counts   signature field name ({@link Key#field}) → number of cases
 * @param closings China epoch day (as text) → signature field name → the instants of the cases with that
 *                 signature closing that day ({@code decidedMs:withdrawnMs}, either empty, joined by {@code ,})
 */
public record DayTallies(Map<String, Long> counts, Map<String, Map<String, String>> closings) {

    /** The tallies of the entries of one day's bucket. */
    public static DayTallies of(Iterable<HandlingDays.Entry> entries) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Map<String, StringBuilder>> closing = new TreeMap<>();
        for (HandlingDays.Entry e : entries) {
            Key key = Key.of(e);
            String field = key.field();
            counts.merge(field, 1L, Long::sum);
            String instants = (e.decidedMs() == null ? "" : e.decidedMs()) + ":"
                    + (e.withdrawnMs() == null ? "" : e.withdrawnMs());
            if (key.decidedDay() != null) {
                append(closing, key.decidedDay(), field, instants);
            }
            if (key.withdrawnDay() != null && !key.withdrawnDay().equals(key.decidedDay())) {
                append(closing, key.withdrawnDay(), field, instants);
            }
        }
        Map<String, Map<String, String>> closings = new TreeMap<>();
        closing.forEach((day, byKey) -> {
            Map<String, String> texts = new TreeMap<>();
            byKey.forEach((k, b) -> texts.put(k, b.toString()));
            closings.put(day, texts);
        });
        return new DayTallies(counts, closings);
    }

    private static void append(Map<String, Map<String, StringBuilder>> closing, long day, String field, String instants) {
        StringBuilder b = closing.computeIfAbsent(Long.toString(day), d -> new TreeMap<>())
                .computeIfAbsent(field, f -> new StringBuilder());
        if (!b.isEmpty()) {
            b.append(',');
        }
        b.append(instants);
    }

    /**
     * What a case is counted under: its groupings (service, program, region) and its days as epoch
     * days in China Standard Time (null: none).
     */
    public record Key(String service, String program, String regionCode, Long dueDay, Long decidedDay,
            Long withdrawnDay) {

        static Key of(HandlingDays.Entry e) {
            return new Key(e.service(), e.program(), e.regionCode(), e.dueDay(), e.decidedDay(),
                    e.withdrawnMs() == null ? null
                            : java.time.Instant.ofEpochMilli(e.withdrawnMs()).atZone(HandlingCase.ZONE).toLocalDate()
                                    .toEpochDay());
        }

        /** As a field name of the tallies' document (escaped like a subject: no {@code .} or {@code $}). */
        public String field() {
            return HandlingDays.field(String.join("|", HandlingDays.enc(service), HandlingDays.enc(program),
                    HandlingDays.enc(regionCode), number(dueDay), number(decidedDay), number(withdrawnDay)));
        }

        public static Key parse(String field) {
            String[] p = HandlingDays.subject(field).split("\\|", -1);
            if (p.length != 6) {
                throw new IllegalArgumentException("not a tally signature: " + field);
            }
            return new Key(HandlingDays.dec(p[0]), HandlingDays.dec(p[1]), HandlingDays.dec(p[2]), number(p[3]),
                    number(p[4]), number(p[5]));
        }

        /** Whether its outcome at a moment of China day {@code asOfDay} needs the cases' instants. */
        public boolean closesOn(long asOfDay) {
            return (decidedDay != null && decidedDay == asOfDay) || (withdrawnDay != null && withdrawnDay == asOfDay);
        }

        /**
         * {@link HandlingCase#outcome} at a moment of China day {@code asOfDay} for a signature that does not
         * {@link #closesOn} that day: a decision or withdrawal on an earlier day has happened, on a later day not.
         */
        public HandlingCase.Outcome outcome(long asOfDay) {
            boolean decided = decidedDay != null && decidedDay < asOfDay;
            if (!decided && withdrawnDay != null && withdrawnDay < asOfDay) {
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

        /** A case of this signature accepted on {@code acceptedDay}, as the groupings read it (no instants). */
        public HandlingDays.Entry representative(LocalDate acceptedDay) {
            return new HandlingDays.Entry(service, program, regionCode, 0L, acceptedDay, dueDay, null, decidedDay, null);
        }

        /**
         * The cases of this signature closing on {@code asOfDay}, from their instants as {@link #of} stored them
         * ({@code decidedMs:withdrawnMs,…}), each judged by {@link HandlingDays.Entry#outcome}.
         */
        public List<HandlingCase.Outcome> outcomes(String instants, long asOfMs, long asOfDay) {
            List<HandlingCase.Outcome> outcomes = new ArrayList<>();
            for (String pair : instants.split(",")) {
                int colon = pair.indexOf(':');
                Long decidedMs = number(pair.substring(0, colon));
                Long withdrawnMs = number(pair.substring(colon + 1));
                outcomes.add(new HandlingDays.Entry(service, program, regionCode, 0L, null, dueDay, decidedMs, decidedDay,
                        withdrawnMs).outcome(asOfMs, asOfDay));
            }
            return outcomes;
        }

        /** Whether the query's region prefix and service select it — as {@link HandlingDays.Entry#selected}. */
        public boolean selected(String regionPrefix, String service) {
            if (regionPrefix != null && !regionPrefix.isEmpty()
                    && (regionCode == null || !regionCode.startsWith(regionPrefix))) {
                return false;
            }
            return service == null || service.equals(this.service);
        }
    }

    private static String number(Long n) {
        return n == null ? "" : Long.toString(n);
    }

    private static Long number(String s) {
        return s.isEmpty() ? null : Long.valueOf(s);
    }
}
