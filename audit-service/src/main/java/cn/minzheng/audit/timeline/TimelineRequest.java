package cn.minzheng.audit.timeline;

import cn.minzheng.platform.events.EventTypes;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import java.util.regex.Pattern;

/**
 * What {@code GET /api/v1/audit/timeline/{subject}} asks: the subject (a case or organization number)
 * and whether the trail's own read records are shown ({@code includeReads}).
 *
 * @param excludedType the event type left out ({@link EventTypes#TIMELINE_READ}), or null to show all
 */
public record TimelineRequest(String subject, String excludedType) {

    private static final Pattern SUBJECT = Pattern.compile("[\\p{L}\\p{N}._:/-]{1,120}");

    /** The request, or the 400 problem {@code invalid-subject}. */
    public static TimelineRequest parse(String subject, boolean includeReads) {
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            throw new ValidationProblem(
                    FieldProblem.withMessage("/subject", "invalid-subject", "a case or organization number"));
        }
        return new TimelineRequest(subject, includeReads ? null : EventTypes.TIMELINE_READ);
    }

    /** An organization's timeline: the key (credit code or organization id) as the subject; 400 {@code invalid-subject} on {@code /key}. */
    public static TimelineRequest parseOrganization(String key, boolean includeReads) {
        if (key == null || !SUBJECT.matcher(key).matches()) {
            throw new ValidationProblem(FieldProblem.withMessage("/key", "invalid-subject",
                    "a credit code (统一社会信用代码) or an organization id"));
        }
        return new TimelineRequest(key, includeReads ? null : EventTypes.TIMELINE_READ);
    }
}
