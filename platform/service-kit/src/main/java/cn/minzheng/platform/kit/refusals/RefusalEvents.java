package cn.minzheng.platform.kit.refusals;

import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventType;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Turns a {@link Refusal} into the service's security event {@code minzheng.<service>.security.forbidden.v1}
 * on the service's own topic ({@code <service>.events}), shaped like the gateway's
 * {@code minzheng.gateway.security.forbidden.v1} (aggregate {@code security}, data {@code status, path,
 * method, clientKey}, {@code reason} = the problem code). Plain Java.
 */
public final class RefusalEvents {

    public static final String AGGREGATE_TYPE = "security";
    /** The gateway reports its own refusals under {@code minzheng.gateway.security.*}. */
    private static final String GATEWAY = "gateway";
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

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

    public EventEnvelope toEnvelope(Refusal refusal) {
        EventData data = EventData.of(refusal.clientKey(), AGGREGATE_TYPE)
                .reason(refusal.code())
                .put("status", refusal.status())
                .put("path", refusal.path())
                .put("method", refusal.method())
                .put("clientKey", refusal.clientKey());
        boolean anonymous = refusal.subject() == null;
        return EventEnvelope.builder(type.name(), clock)
                .subject(refusal.clientKey())
                .actor(anonymous ? EventEnvelope.ANONYMOUS_ACTOR : refusal.subject(),
                        anonymous || refusal.roles().isEmpty() ? EventEnvelope.ANONYMOUS_ROLE : refusal.roles().get(0))
                .regionCode(refusal.region() != null && REGION_CODE.matcher(refusal.region()).matches()
                        ? refusal.region() : EventEnvelope.NATIONAL_REGION)
                .traceparent(refusal.traceparent() != null && TRACEPARENT.matcher(refusal.traceparent()).matches()
                        ? refusal.traceparent() : null)
                .data(data)
                .build();
    }
}
