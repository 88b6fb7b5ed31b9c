package cn.minzheng.platform.kit.observability;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Rules for the request id and trace id, plain Java. A trace id is the W3C trace-id (32 lowercase
 * hex) taken from an incoming {@code traceparent}, or a new random one. The response's
 * {@code X-Request-Id} is the client's own value when it is safe to echo, else the trace id.
 */
public final class RequestIds {

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final Pattern TRACEPARENT =
            Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
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
        if (traceparent == null) {
            return null;
        }
        var m = TRACEPARENT.matcher(traceparent.trim());
        if (!m.matches() || INVALID_TRACE_ID.equals(m.group(1))) {
            return null;
        }
        return m.group(1);
    }

    /** The parent-id (span id) of a {@code traceparent}, or null when absent or malformed. */
    public static String spanIdFromTraceparent(String traceparent) {
        if (traceIdFromTraceparent(traceparent) == null) {
            return null;
        }
        return traceparent.trim().substring(36, 52);
    }

    /**
     * This service's own span within the caller's trace: same version, trace id and flags, a new
     * span id (the caller's span becomes its parent). Null when {@code traceparent} is malformed.
     */
    public static String childOf(String traceparent) {
        if (traceIdFromTraceparent(traceparent) == null) {
            return null;
        }
        String t = traceparent.trim();
        byte[] span = new byte[8];
        RANDOM.nextBytes(span);
        return t.substring(0, 36) + HexFormat.of().formatHex(span) + t.substring(52);
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
