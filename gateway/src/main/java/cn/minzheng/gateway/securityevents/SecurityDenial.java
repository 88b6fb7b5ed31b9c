package cn.minzheng.gateway.securityevents;

import java.util.List;

/**
 * A request the gateway turned away for a security reason (401, 403, 429): what the security event
 * on {@code gateway.security-events} says. Plain data.
 *
 * @param kind why, as one of the three event types
 * @param clientKey {@code sub:<subject>} or {@code ip:<address>}
 * @param subject the token subject, or {@code null} without a valid token
 * @param roles the caller's roles (empty without a token)
 * @param region the caller's region claim, or {@code null}
 * @param method HTTP method
 * @param path request path (no query string: it may carry personal data)
 * @param reason short English reason for the auditor, e.g. {@code missing role AUDITOR}
 * @param traceparent W3C trace context of the request, or {@code null}
 */
public record SecurityDenial(
        Kind kind,
        String clientKey,
        String subject,
        List<String> roles,
        String region,
        String method,
        String path,
        String reason,
        String traceparent) {

    public SecurityDenial {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** The three denials, with the status each answers and its event type. */
    public enum Kind {
        UNAUTHORIZED(401, "minzheng.gateway.security.unauthorized.v1"),
        FORBIDDEN(403, "minzheng.gateway.security.forbidden.v1"),
        RATE_LIMITED(429, "minzheng.gateway.security.rate-limited.v1");

        private final int status;
        private final String eventType;

        Kind(int status, String eventType) {
            this.status = status;
            this.eventType = eventType;
        }

        public int status() {
            return status;
        }

        public String eventType() {
            return eventType;
        }
    }
}
