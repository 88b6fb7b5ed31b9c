package cn.minzheng.platform.kit.concurrency;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

/** Web side of {@link Versions}: read {@code If-Match}, write {@code ETag}. */
public final class ConditionalRequests {

    private ConditionalRequests() {
    }

    /** The expected version from the request's {@code If-Match} (428 / 400 problems otherwise). */
    public static long expectedVersion(HttpHeaders requestHeaders) {
        return Versions.parseIfMatch(requestHeaders.getFirst(HttpHeaders.IF_MATCH));
    }

    public static long expectedVersion(ServerWebExchange exchange) {
        return expectedVersion(exchange.getRequest().getHeaders());
    }

    /** {@code 200 OK} with {@code ETag: "<version>"} and the body. */
    public static <T> ResponseEntity<T> okWithETag(T body, long version) {
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(body);
    }
}
