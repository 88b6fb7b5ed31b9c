package cn.minzheng.gateway.securityevents;

import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.TraceContext;
import java.time.Clock;
import java.util.regex.Pattern;

/** Turns a {@link SecurityDenial} into the platform's event envelope (see platform/events). */
public final class SecurityEventMapping {

    /** The aggregate every gateway security event is about. */
    public static final String AGGREGATE_TYPE = "security";

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

    private final Clock clock;

    public SecurityEventMapping(Clock clock) {
        this.clock = clock;
    }

    public EventEnvelope toEnvelope(SecurityDenial denial) {
        return envelope(denial, data(denial).reason(denial.reason()));
    }

    /**
     * One event for a window of denials: the first one's fields, plus {@code count}, {@code firstAt},
     * {@code lastAt}, {@code windowStart}, {@code windowEnd}, {@code reasons} (distinct, bounded) and
     * {@code otherReasons}; {@code reason} says it in a sentence. Fields the type's schema does not name
     * (platform-events lets producers add them).
     */
    public EventEnvelope toEnvelope(DenialSummary summary) {
        SecurityDenial first = summary.first();
        String reason = summary.count() + " × " + String.join("; ", summary.reasons())
                + (summary.otherReasons() > 0 ? "; " + summary.otherReasons() + " × other reasons" : "")
                + " (" + summary.firstAt() + " .. " + summary.lastAt() + ")";
        EventData data = data(first).reason(reason)
                .put("count", summary.count())
                .put("firstAt", summary.firstAt().toString())
                .put("lastAt", summary.lastAt().toString())
                .put("windowStart", summary.windowStart().toString())
                .put("windowEnd", summary.windowEnd().toString())
                .put("reasons", summary.reasons())
                .put("otherReasons", summary.otherReasons());
        return envelope(first, data);
    }

    private static EventData data(SecurityDenial denial) {
        return EventData.of(denial.clientKey(), AGGREGATE_TYPE)
                .put("status", denial.kind().status())
                .put("path", denial.path())
                .put("method", denial.method())
                .put("clientKey", denial.clientKey());
    }

    private EventEnvelope envelope(SecurityDenial denial, EventData data) {
        boolean anonymous = denial.subject() == null;
        return EventEnvelope.builder(denial.kind().eventType(), clock)
                .subject(denial.clientKey())
                .actor(anonymous ? EventEnvelope.ANONYMOUS_ACTOR : denial.subject(),
                        anonymous || denial.roles().isEmpty() ? EventEnvelope.ANONYMOUS_ROLE : denial.roles().get(0))
                .regionCode(denial.region() != null && REGION_CODE.matcher(denial.region()).matches()
                        ? denial.region() : EventEnvelope.NATIONAL_REGION)
                .traceparent(TraceContext.wellFormedOrNull(denial.traceparent()))
                .data(data)
                .build();
    }
}
