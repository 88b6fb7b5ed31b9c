package cn.minzheng.platform.transport;

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
 * Reads and drops a request body nobody read before the answer is committed.
 *
 * <p><b>Why.</b> Early answers — the gateway's 413/401/403/429/404/503, a service's 405, 415, a
 * refused {@code Idempotency-Key} — are written without anyone subscribing to the request body.
 * Reactor Netty then finishes such a request only when the rest of its body has come in, after the
 * answer went out; a keep-alive client whose next request arrives meanwhile may find it parked
 * behind the unfinished one with no read re-armed, until the client gives up (reactor-netty #4361).
 * Dropping the unread body before the answer is committed makes an early answer look like any other
 * to the transport: the request is complete when its answer is written, and the next request on the
 * connection is served at once.
 *
 * <p>At most {@code limitBytes} are dropped, for at most {@code timeout}. A body declared larger is
 * not read at all, and a larger (chunked), slower or broken one is left alone: the answer then
 * carries {@code Connection: close}, so the connection is not reused and the client's next request
 * goes out on a fresh one ({@link LingeringClose} lets the client read that answer). A body that was
 * read — forwarded, or read in part by a size limit — is the transport's business as before.
 *
 * <p>The cost: the answer waits until the body is in, so a client that stops sending its body when
 * an answer arrives early waits up to {@code timeout} and then gets the answer with
 * {@code Connection: close}.
 */
public class UnreadBodyDrainWebFilter implements WebFilter, Ordered {

    private final long limitBytes;
    private final Duration timeout;
    private final int order;

    /**
     * @param limitBytes the most an unread body is read to be dropped
     * @param timeout    the longest dropping it may hold the answer back
     * @param order      where among the server's filters: before every filter that may answer early
     */
    public UnreadBodyDrainWebFilter(long limitBytes, Duration timeout, int order) {
        this.limitBytes = limitBytes;
        this.timeout = timeout;
        this.order = order;
    }

    @Override
    public int getOrder() {
        return order;
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
            return Mono.fromRunnable(() -> closeAfterAnswer(response));
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
                        closeAfterAnswer(response);
                    }
                }));
    }

    private static void closeAfterAnswer(ServerHttpResponse response) {
        response.getHeaders().setConnection("close");
    }

    /** A request announcing a body: a positive {@code Content-Length} or a transfer coding (chunked). */
    static boolean mayHaveBody(HttpHeaders headers) {
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }
}
