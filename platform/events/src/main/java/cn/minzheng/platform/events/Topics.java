package cn.minzheng.platform.events;

import java.util.List;

/** The Kafka topics of the platform: one per producing service, plus a dead-letter topic each. */
public final class Topics {

    public static final String ASSISTANCE_EVENTS = "assistance.events";
    public static final String ORG_EVENTS = "org.events";
    public static final String AUDIT_EVENTS = "audit.events";
    public static final String GATEWAY_SECURITY_EVENTS = "gateway.security-events";

    /** Every event topic (not the dead-letter topics), in a stable order. */
    public static final List<String> ALL =
            List.of(ASSISTANCE_EVENTS, ORG_EVENTS, AUDIT_EVENTS, GATEWAY_SECURITY_EVENTS);

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    /** The dead-letter topic where consumers of {@code topic} put records they cannot process. */
    public static String deadLetterOf(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Whether {@code topic} is a dead-letter topic. */
    public static boolean isDeadLetter(String topic) {
        return topic != null && topic.endsWith(DEAD_LETTER_SUFFIX);
    }
}
