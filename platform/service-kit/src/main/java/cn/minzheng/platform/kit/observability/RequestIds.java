package cn.minzheng.platform.kit.observability;

import cn.minzheng.platform.events.TraceContext;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rules for the request id and trace id, plain Java. A trace id is the W3C trace-id (32 lowercase
 * hex) taken from an incoming {@code traceparent}, or a new random one. The response's
 * {@code X-Request-Id} is the client's own value when it is safe to echo, else the trace id.
 */
public final class RequestIds {

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    /** True when an incoming {@code X-Request-Id} may be reused as is (no header injection, bounded). */
    public static boolean isSafeRequestId(String value) {
        return value != null && SAFE_REQUEST_ID.matcher(value).matches();
    }

    /** The trace id from a {@code traceparent} header, or null when absent or malformed. */
    public static String traceIdFromTraceparent(String traceparent) {
        return usable(traceparent).map(TraceContext::traceId).orElse(null);
    }

    /** The parent-id (span id) of a {@code traceparent}, or null when absent or malformed. */
    public static String spanIdFromTraceparent(String traceparent) {
        return usable(traceparent).map(TraceContext::parentId).orElse(null);
    }

    /**
     * This service's own span within the caller's trace: same version, trace id and flags, a new
     * span id (the caller's span becomes its parent). Null when {@code traceparent} is malformed.
     */
    public static String childOf(String traceparent) {
        return usable(traceparent).map(c -> {
            byte[] span = new byte[8];
            RANDOM.nextBytes(span);
            return new TraceContext(c.version(), c.traceId(), HexFormat.of().formatHex(span), c.flags()).traceparent();
        }).orElse(null);
    }

    /** A header value parsed by the platform's one parser ({@link TraceContext}), surrounding blanks ignored; the all-zero trace id is invalid (W3C). */
    private static Optional<TraceContext> usable(String traceparent) {
        return traceparent == null ? Optional.empty()
                : TraceContext.parse(traceparent.trim()).filter(c -> !INVALID_TRACE_ID.equals(c.traceId()));
    }

    public static String newTraceId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A {@code traceparent} value (sampled) for a given trace id and a fresh span id. */
    public static String traceparentFor(String traceId) {
        byte[] span = new byte[8];
        RANDOM.nextBytes(span);
        return "00-" + traceId + "-" + HexFormat.of().formatHex(span) + "-01";
    }
}
