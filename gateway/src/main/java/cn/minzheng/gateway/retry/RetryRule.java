package cn.minzheng.gateway.retry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether the gateway may send a request again, to another instance of the service, after one try.
 *
 * <ul>
 *   <li><b>Never sent</b> — the connection to the instance was never established (refused, connect
 *       timeout, no route to host): the service cannot have seen the request, so any method may go
 *       again. This is what an instance that died but is still listed by discovery looks like.</li>
 *   <li><b>Sent</b> — the connection was up, so the service may have acted on the request: only the
 *       idempotent methods go again, after an I/O failure (connection dropped mid-call) or one of the
 *       retryable answers (502/503). A write that got a 5xx answer is never repeated.</li>
 * </ul>
 * Read timeouts are not retried at all: the route's time limit bounds the whole call instead.
 */
public final class RetryRule {

    /** Why a try is repeated; also the {@code reason} tag of {@code gateway.retries}. */
    public enum Reason {
        NOT_CONNECTED("not-connected"), FAILED("failed"), ANSWERED("answered");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final Set<String> idempotentMethods;
    private final Set<Integer> retryableStatuses;

    /**
     * @param idempotentMethods methods repeated after they were sent (upper case, e.g. {@code GET})
     * @param retryableStatuses answers after which those methods are repeated (e.g. 502, 503)
     */
    public RetryRule(Set<String> idempotentMethods, Set<Integer> retryableStatuses) {
        this.idempotentMethods = idempotentMethods.stream().map(m -> m.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.retryableStatuses = Set.copyOf(retryableStatuses);
    }

    /** After a try that ended in {@code failure}: the reason to try again, or {@code null} for none. */
    public Reason afterFailure(String method, Throwable failure) {
        if (neverConnected(failure)) {
            return Reason.NOT_CONNECTED;
        }
        return idempotent(method) && causedBy(failure, IOException.class) ? Reason.FAILED : null;
    }

    /** After a try the service answered with {@code status}: the reason to try again, or {@code null}. */
    public Reason afterAnswer(String method, int status) {
        return idempotent(method) && retryableStatuses.contains(status) ? Reason.ANSWERED : null;
    }

    /**
     * The connection was never established, so no byte of the request reached the service. Netty's
     * connect timeout and its annotated "connection refused" are {@link ConnectException}s.
     */
    public static boolean neverConnected(Throwable failure) {
        return causedBy(failure, ConnectException.class) || causedBy(failure, NoRouteToHostException.class);
    }

    private boolean idempotent(String method) {
        return method != null && idempotentMethods.contains(method.toUpperCase(Locale.ROOT));
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
