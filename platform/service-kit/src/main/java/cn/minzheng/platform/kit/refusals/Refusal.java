package cn.minzheng.platform.kit.refusals;

import java.util.List;
import java.util.Objects;

/**
 * A request the service itself refused (403: role, region or ownership), as the audit trail should
 * know it. Plain Java.
 *
 * @param status      the HTTP status answered (403)
 * @param code        the problem code ({@code forbidden} or the service's own, e.g. {@code not-case-owner})
 * @param method      HTTP method
 * @param path        request path (no query: it may carry personal data)
 * @param subject     token subject, {@code null} without a token
 * @param roles       the caller's role names, most privileged first
 * @param region      the caller's {@code region} claim, {@code null} if none
 * @param traceparent the request's W3C traceparent, {@code null} if none
 * @param targetRegion the 区划 code of the case the caller was refused on, {@code null} when the refusal
 *                     is not about one case (a path rule)
 */
public record Refusal(int status, String code, String method, String path, String subject, List<String> roles,
                      String region, String traceparent, String targetRegion) {

    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        roles = roles == null ? List.of() : List.copyOf(roles);
        targetRegion = targetRegion == null || targetRegion.isBlank() ? null : targetRegion;
    }

    /** A refusal not about one case. */
    public Refusal(int status, String code, String method, String path, String subject, List<String> roles,
                   String region, String traceparent) {
        this(status, code, method, path, subject, roles, region, traceparent, null);
    }

    /** {@code sub:<subject>}, or {@code anonymous}: the key the gateway's security events use too. */
    public String clientKey() {
        return subject == null ? "anonymous" : "sub:" + subject;
    }
}
