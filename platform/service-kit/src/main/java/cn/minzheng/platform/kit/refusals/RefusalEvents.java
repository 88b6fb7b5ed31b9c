package cn.minzheng.platform.kit.refusals;

import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventType;
import cn.minzheng.platform.events.TraceContext;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a {@link Refusal} into the service's security event {@code minzheng.<service>.security.forbidden.v1}
 * on the service's own topic ({@code <service>.events}), shaped like the gateway's
 * {@code minzheng.gateway.security.forbidden.v1} (aggregate {@code security}, data {@code status, path,
 * method, clientKey}, {@code reason} = the problem code). Plain Java.
 *
 * <p>Where it is recorded (the envelope's region code, which scopes what an auditor sees): under the
 * refused case's region when the refusal concerns one, so the auditors of the probed region see it; when
 * the caller's own region (a full 区划 code) does not contain the case's, a second event records it under
 * the caller's region too, so their own auditors keep seeing it. Both carry {@code callerRegion},
 * {@code targetRegion} and {@code recordedUnder} ({@code target-region} / {@code caller-region}), so a
 * count of refusals takes the {@code target-region} ones (or the {@code caller-region} ones) only.
 * Without a case: under the caller's region as before.
 */
public final class RefusalEvents {

    public static final String AGGREGATE_TYPE = "security";
    /** The gateway reports its own refusals under {@code minzheng.gateway.security.*}. */
    private static final String GATEWAY = "gateway";
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

    private final EventType type;
    private final Clock clock;

    /** {@code service}: the platform service name that is the type's second part, e.g. {@code assistance}. */
    public RefusalEvents(String service, Clock clock) {
        String name = typeName(service);
        this.type = EventType.parse(name).filter(t -> !GATEWAY.equals(t.service())).orElseThrow(() ->
                new IllegalArgumentException("not a platform service behind the gateway: " + service
                        + " (expected e.g. assistance, org, audit)"));
        this.clock = clock;
    }

    public static String typeName(String service) {
        return "minzheng." + service + ".security.forbidden.v1";
    }

    public EventType type() {
        return type;
    }

    /** The refusal's first (or only) event: under the target case's region when known, else the caller's. */
    public EventEnvelope toEnvelope(Refusal refusal) {
        return toEnvelopes(refusal).get(0);
    }

    /**
     * The events recording the refusal: one under the target case's region (or the caller's, when there is
     * no case), and one under the caller's region when that does not contain the case's.
     */
    public List<EventEnvelope> toEnvelopes(Refusal refusal) {
        String caller = regionCode(refusal.region());
        String target = regionCode(refusal.targetRegion());
        if (target == null) {
            return List.of(envelope(refusal, caller == null ? EventEnvelope.NATIONAL_REGION : caller, null));
        }
        if (caller == null || target.startsWith(caller)) {
            return List.of(envelope(refusal, target, "target-region"));
        }
        return List.of(envelope(refusal, target, "target-region"), envelope(refusal, caller, "caller-region"));
    }

    private EventEnvelope envelope(Refusal refusal, String region, String recordedUnder) {
        EventData data = EventData.of(refusal.clientKey(), AGGREGATE_TYPE)
                .reason(refusal.code())
                .put("status", refusal.status())
                .put("path", refusal.path())
                .put("method", refusal.method())
                .put("clientKey", refusal.clientKey());
        if (recordedUnder != null) {
            data.put("recordedUnder", recordedUnder)
                    .put("targetRegion", refusal.targetRegion());
            if (refusal.region() != null) {
                data.put("callerRegion", refusal.region());
            }
        }
        boolean anonymous = refusal.subject() == null;
        return EventEnvelope.builder(type.name(), clock)
                .subject(refusal.clientKey())
                .actor(anonymous ? EventEnvelope.ANONYMOUS_ACTOR : refusal.subject(),
                        anonymous || refusal.roles().isEmpty() ? EventEnvelope.ANONYMOUS_ROLE : refusal.roles().get(0))
                .regionCode(region)
                .traceparent(TraceContext.wellFormedOrNull(refusal.traceparent()))
                .data(data)
                .build();
    }

    /** A full 区划 code (6, 9 or 12 digits), or {@code null}: staff claims may be shorter prefixes. */
    private static String regionCode(String region) {
        return region != null && REGION_CODE.matcher(region).matches() ? region : null;
    }
}
