package cn.minzheng.audit.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * One accepted case (or registration application) on its handling clock: accepted with a due
 * date, decided or not, withdrawn or not. Plain Java; the rule is {@link #outcome(LocalDate)}.
 *
 * @param program    the assistance program or organization type named by the application, null when the trail does not hold it
 * @param acceptedAt when it was accepted (the clock starts; also the case's period)
 * @param dueDate    {@code yyyy-MM-dd} as the acceptance event carried it; null or unreadable = unknown
 * @param decidedAt  when the decision that stops the clock was made, null while open
 * @param withdrawnAt when the applicant withdrew, null if not
 */
public record HandlingCase(String subject, String service, String program, String regionCode, Instant acceptedAt,
        String dueDate, String dueBasis, String decision, Instant decidedAt, Instant withdrawnAt) {

    /** Days (decision day, today) are counted in China Standard Time, as the producers count due dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** Where a case stands. Only the first four count toward the rate. */
    public enum Outcome {
        /** Decided on or before its due day. */
        ON_TIME,
        /** Decided after its due day. */
        LATE,
        /** Not decided and its due day has passed (as of the day asked). */
        OPEN_OVERDUE,
        /** Not decided, due day today or later: not yet counted either way. */
        OPEN_WITHIN_LIMIT,
        /** Accepted without a (readable) due date: shown, not guessed. */
        UNKNOWN,
        /** Withdrawn before a decision: leaves the statistics. */
        WITHDRAWN
    }

    /**
     * The rule (按时办结), as the case stood at {@code asOf}: a decision whose day in China Standard
     * Time is on or before the due date is on time, after it late; an undecided case is overdue
     * once the day of {@code asOf} is after the due date. A decision or withdrawal recorded after
     * {@code asOf} has not happened yet. A decision stands even if a withdrawal is also recorded
     * (no producer allows withdrawing after the decision); a withdrawal of an undecided case takes
     * it out. No due date, or one that is not a real {@code yyyy-MM-dd} day, is unknown.
     */
    public Outcome outcome(Instant asOf) {
        boolean decided = decidedAt != null && !decidedAt.isAfter(asOf);
        if (!decided && withdrawnAt != null && !withdrawnAt.isAfter(asOf)) {
            return Outcome.WITHDRAWN;
        }
        LocalDate due = due();
        if (due == null) {
            return Outcome.UNKNOWN;
        }
        if (decided) {
            return decidedAt.atZone(ZONE).toLocalDate().isAfter(due) ? Outcome.LATE : Outcome.ON_TIME;
        }
        return asOf.atZone(ZONE).toLocalDate().isAfter(due) ? Outcome.OPEN_OVERDUE : Outcome.OPEN_WITHIN_LIMIT;
    }

    /** The due date, or null when absent or not a real calendar day. */
    public LocalDate due() {
        if (dueDate == null || !DATE.matcher(dueDate).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(dueDate);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The acceptance day in China Standard Time (the case's period). */
    public LocalDate acceptedDay() {
        return acceptedAt.atZone(ZONE).toLocalDate();
    }
}
