package cn.minzheng.audit.statistics;

import cn.minzheng.platform.events.EventTypes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an event says about the handling clock of its case (办理时限): the program or organization
 * type (from the application), the acceptance and its due date (starts the clock), the decision
 * (stops it) and the withdrawal (takes the case out of the statistics). Plain Java.
 *
 * <p>Each kind of event writes its own fields only, so applying the facts of a case in any order,
 * or twice (redelivery, a rebuild racing ingest), gives the same case: the projection is
 * commutative and idempotent by construction.
 *
 * <p>Decisions that stop the clock, checked against the catalogue and the producers' state tables:
 * assistance {@code approved}, {@code denied} and {@code emergency-paid} (先行救助 on an accepted
 * case: the aid is granted at once and the case never reaches approved/denied, so it is the
 * decision); org {@code registration-approved}, {@code registration-refused}. Not decisions on an
 * accepted case: {@code not-accepted} (refuses acceptance itself, only before acceptance),
 * {@code terminated} (ends a running benefit, after approval), {@code change-approved}/
 * {@code change-refused} (other matters of an already registered organization).
 *
 * <p>The due date comes with the acceptance, or — for programs whose decision limit runs from the
 * end of 公示 (特困) — with {@code publicity-completed}. Only due fields an event actually carries
 * are set, so the two never overwrite each other whatever order they are applied in.
 */
public final class HandlingFacts {

    /** What kind of fact an event type carries. */
    public enum Kind { APPLICATION, ACCEPTED, DUE_SET, DECIDED, WITHDRAWN }

    static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry(EventTypes.APPLICATION_SUBMITTED, Kind.APPLICATION),
            Map.entry(EventTypes.ORGANIZATION_REGISTRATION_APPLIED, Kind.APPLICATION),
            Map.entry(EventTypes.APPLICATION_ACCEPTED, Kind.ACCEPTED),
            Map.entry(EventTypes.ORGANIZATION_REGISTRATION_ACCEPTED, Kind.ACCEPTED),
            // 特困: no whole-case limit from acceptance; the decision is due from the end of 公示
            Map.entry(EventTypes.APPLICATION_PUBLICITY_COMPLETED, Kind.DUE_SET),
            Map.entry(EventTypes.APPLICATION_APPROVED, Kind.DECIDED),
            Map.entry(EventTypes.APPLICATION_DENIED, Kind.DECIDED),
            Map.entry(EventTypes.APPLICATION_EMERGENCY_PAID, Kind.DECIDED),
            Map.entry(EventTypes.ORGANIZATION_REGISTRATION_APPROVED, Kind.DECIDED),
            Map.entry(EventTypes.ORGANIZATION_REGISTRATION_REFUSED, Kind.DECIDED),
            Map.entry(EventTypes.APPLICATION_WITHDRAWN, Kind.WITHDRAWN),
            Map.entry(EventTypes.ORGANIZATION_APPLICATION_WITHDRAWN, Kind.WITHDRAWN));

    /** The data field naming the program (assistance) or the organization type (org) on the application. */
    static final Map<String, String> PROGRAM_FIELD = Map.of(
            EventTypes.APPLICATION_SUBMITTED, "program",
            EventTypes.ORGANIZATION_REGISTRATION_APPLIED, "orgType");

    /** The acceptance fields copied as they came (validated when a case is classified, never guessed). */
    static final String[] DUE_FIELDS = {"dueDate", "dueBasis", "limitWorkingDays", "statutoryDueDate"};

    private HandlingFacts() {
    }

    public static boolean relevant(String type) {
        return type != null && KINDS.containsKey(type);
    }

    /**
     * The fields this event sets on its case's document, or empty when the event says nothing
     * about a handling clock (other types, no subject, an unreadable time).
     *
     * @param service the producing service ({@code assistance}, {@code org})
     * @param time    the event's RFC 3339 time as it came
     * @param data    the event's data as a plain-Java tree
     */
    public static Optional<Map<String, Object>> of(String type, String subject, String service, String regionCode,
            String time, String eventId, Object data) {
        Kind kind = type == null ? null : KINDS.get(type);
        if (kind == null || subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        Instant at = instant(time);
        if (at == null) {
            return Optional.empty();
        }
        Map<?, ?> fields = data instanceof Map<?, ?> m ? m : Map.of();
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("service", service);
        switch (kind) {
            case APPLICATION -> {
                Object program = fields.get(PROGRAM_FIELD.get(type));
                if (!(program instanceof String p) || p.isBlank()) {
                    return Optional.of(set);
                }
                set.put("program", p);
            }
            case ACCEPTED -> {
                set.put("acceptedAt", time);
                set.put("acceptedMs", at.toEpochMilli());
                set.put("acceptedEventId", eventId);
                set.put("regionCode", regionCode);
                putDueFields(fields, set);
            }
            case DUE_SET -> putDueFields(fields, set);
            case DECIDED -> {
                set.put("decision", shortName(type));
                set.put("decidedAt", time);
                set.put("decidedMs", at.toEpochMilli());
            }
            case WITHDRAWN -> {
                set.put("withdrawnAt", time);
                set.put("withdrawnMs", at.toEpochMilli());
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return Optional.of(set);
    }

    /** The due fields the event carries (a field it does not carry is left as it is on the case). */
    private static void putDueFields(Map<?, ?> fields, Map<String, Object> set) {
        for (String f : DUE_FIELDS) {
            Object v = fields.get(f);
            if (v instanceof String || v instanceof Number) {
                set.put(f, v);
            }
        }
    }

    /** {@code minzheng.assistance.application.approved.v1} → {@code approved}. */
    static String shortName(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : type;
    }

    static Instant instant(String time) {
        if (time == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
