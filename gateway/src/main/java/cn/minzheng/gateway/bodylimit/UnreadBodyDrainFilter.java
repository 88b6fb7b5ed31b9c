package cn.minzheng.gateway.bodylimit;

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
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads and drops a request body nobody read before the gateway's answer is committed.
 *
 * <p><b>Why this exists.</b> The gateway answers many requests itself, before any service sees them:
 * 413 on a declared length over the limit, 401 on a bad or missing token, 429 on an empty bucket,
 * 403 on a role the route does not admit, 404 without a route, 503 when the service cannot be
 * reached. None of these subscribes to the request body. Reactor Netty (1.3.6) then finishes such a
 * request only when the rest of its body has come in, after the answer went out; a keep-alive client
 * whose next request reaches the server meanwhile finds that request buffered behind the unfinished
 * one with no read re-armed, and it waits until the client gives up (reactor-netty issue #4361;
 * a race, seen in {@code KeepAliveTest} on a busy machine), or the connection is dropped. Dropping the unread
 * body before the answer is committed makes an early answer look like any other to the transport:
 * the request is complete when its answer is written, and the next request is served at once.
 *
 * <p>At most {@code unreadBodyLimit} bytes are dropped, for at most {@code unreadBodyTimeout}; a
 * body declared larger than that is not read at all, and a larger, slower or broken one is left
 * alone: the answer then carries {@code Connection: close}, so the connection is not reused and the
 * client's next request goes out on a fresh one. A body that was read — forwarded to a service, or
 * counted and cut off by {@link BodyLimitFilter} — is the transport's business as before.
 *
 * <p>The cost: the answer waits until the body is in, so a client that stops sending its body when an
 * answer arrives early waits up to {@code unreadBodyTimeout} and then gets the answer with
 * {@code Connection: close}.
 *
 * <p>The services have the same guard in the service kit; the gateway does not depend on the kit
 * (its security chain differs), so it keeps this one of its own.
 */
@Component
public class UnreadBodyDrainFilter implements WebFilter, Ordered {

    /** First of all filters, so every early answer, {@link BodyLimitFilter}'s included, is covered. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private final long limitBytes;
    private final Duration timeout;

    public UnreadBodyDrainFilter(BodyLimitProperties properties) {
        this.limitBytes = properties.unreadBodyLimit().toBytes();
        this.timeout = properties.unreadBodyTimeout();
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
                return super.getBody().doOnSubscribe(subscription -> read.set(true));
            }
        };
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> read.getAndSet(true) ? Mono.empty() : drop(request, response));
        return chain.filter(exchange.mutate().request(watched).build());
    }

    private Mono<Void> drop(ServerHttpRequest request, ServerHttpResponse response) {
        if (request.getHeaders().getContentLength() > limitBytes) {
            return Mono.fromRunnable(() -> response.getHeaders().setConnection("close"));
        }
        AtomicLong bytes = new AtomicLong();
        return request.getBody()
                .map(buffer -> {
                    long total = bytes.addAndGet(buffer.readableByteCount());
                    DataBufferUtils.release(buffer);
                    return total;
                })
                .takeUntil(total -> total > limitBytes)
                .timeout(timeout, Mono.fromRunnable(() -> bytes.set(Long.MAX_VALUE)))
                .onErrorResume(error -> Mono.fromRunnable(() -> bytes.set(Long.MAX_VALUE)))
                .then(Mono.fromRunnable(() -> {
                    if (bytes.get() > limitBytes) {
                        response.getHeaders().setConnection("close");
                    }
                }));
    }

    /** A request announcing a body: a positive {@code Content-Length} or a transfer coding (chunked). */
    static boolean mayHaveBody(HttpHeaders headers) {
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
