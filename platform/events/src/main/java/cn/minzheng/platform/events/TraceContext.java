package cn.minzheng.platform.events;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent} ({@code version-traceid-parentid-flags}, lower-case hex:
 * {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}), parsed in one place for the
 * whole platform: events carry it as {@code ce_traceparent}, HTTP requests as {@code traceparent},
 * the audit trail keeps its trace id. A value of another shape is not a trace context, and is
 * dropped (or refused, where an event is built) rather than passed on.
 *
 * @param version  two hex digits
 * @param traceId  32 hex digits
 * @param parentId 16 hex digits
 * @param flags    two hex digits
 */
public record TraceContext(String version, String traceId, String parentId, String flags) {

    private static final Pattern TRACEPARENT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    /** The trace context a {@code traceparent} value names, or empty when it is absent or of another shape. */
    public static Optional<TraceContext> parse(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        Matcher m = TRACEPARENT.matcher(traceparent);
        return m.matches() ? Optional.of(new TraceContext(m.group(1), m.group(2), m.group(3), m.group(4)))
                : Optional.empty();
    }

    /** Whether {@code traceparent} is a well-formed value. */
    public static boolean isTraceparent(String traceparent) {
        return traceparent != null && TRACEPARENT.matcher(traceparent).matches();
    }

    /** {@code traceparent} when well-formed, else null: for passing a caller's value on without trusting it. */
    public static String wellFormedOrNull(String traceparent) {
        return isTraceparent(traceparent) ? traceparent : null;
    }

    /** The header value. */
    public String traceparent() {
        return version + "-" + traceId + "-" + parentId + "-" + flags;
    }
}
