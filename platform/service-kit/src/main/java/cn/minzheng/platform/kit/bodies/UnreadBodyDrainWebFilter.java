package cn.minzheng.platform.kit.bodies;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads and drops a request body that nobody read before the answer is committed.
 *
 * <p>An early answer — 405, 415, 404, a refused {@code Idempotency-Key}, 401/403 — is written without
 * anyone subscribing to the request body. Reactor Netty then finishes that request only when the
 * rest of the body has come in, after the answer went out; a keep-alive client that already sent its
 * next request on the same connection may find that request parked (buffered behind the unfinished
 * one, no read re-armed) until it times out. Dropping the unread body before the answer is committed
 * makes an early answer look like any other to the transport: the request is complete when its
 * answer is written, and the next request on the connection is served at once.
 *
 * <p>At most {@code unreadBodyLimit} bytes are dropped, for at most {@code unreadBodyTimeout}; a
 * larger or slower body is left alone and the answer carries {@code Connection: close}, so the
 * connection is not reused (the client re-sends on a fresh one). Bodies a handler read — fully or
 * in part, e.g. up to the in-memory limit — are the transport's business as before.
 */
public class UnreadBodyDrainWebFilter implements WebFilter, Ordered {

    /** Right after the request id filter, before security: every early answer is covered. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final long limitBytes;
    private final Duration timeout;

    public UnreadBodyDrainWebFilter(long limitBytes, Duration timeout) {
        this.limitBytes = limitBytes;
        this.timeout = timeout;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!mayHaveBody(request.getHeaders())) {
            return chain.filter(exchange);
        }
        AtomicBoolean read = new AtomicBoolean();
        ServerHttpRequest watched = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnSubscribe(s -> read.set(true));
            }
        };
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> read.getAndSet(true) ? Mono.empty() : drop(request, response));
        return chain.filter(exchange.mutate().request(watched).build());
    }

    private Mono<Void> drop(ServerHttpRequest request, ServerHttpResponse response) {
        AtomicLong bytes = new AtomicLong();
        return request.getBody()
                .map(buffer -> {
                    long total = bytes.addAndGet(buffer.readableByteCount());
                    DataBufferUtils.release(buffer);
                    return total;
                })
                .takeUntil(total -> total > limitBytes)
                .timeout(timeout, Mono.fromRunnable(() -> bytes.set(Long.MAX_VALUE)))
                .onErrorResume(e -> Mono.fromRunnable(() -> bytes.set(Long.MAX_VALUE)))
                .then(Mono.fromRunnable(() -> {
                    if (bytes.get() > limitBytes) {
                        response.getHeaders().setConnection("close");
                    }
                }));
    }

    /** A request announcing a body: a positive Content-Length or a transfer coding (chunked). */
    static boolean mayHaveBody(HttpHeaders headers) {
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }
}
