package cn.minzheng.platform.kit.idempotency;

import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.web.ProblemWriter;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import cn.minzheng.platform.kit.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code Idempotency-Key} on creating POSTs, for every handler of the service without code in it:
 * the first request with a key (per caller) runs and its response (status, headers such as
 * {@code Location}, body) is stored before it is sent; a retry with the same key and the same body
 * gets that response again ({@code Idempotent-Replayed: true}); the same key with another body → 422
 * {@code idempotency-key-reused}; a retry while the first is still running → 409
 * {@code idempotency-in-flight}. A first request that fails (error, 5xx) leaves no record, so the
 * retry runs again. Runs after the security filter chain, so the caller is known.
 */
public class IdempotencyWebFilter implements WebFilter, Ordered {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyWebFilter.class);
    private static final Set<String> NOT_STORED = Set.of("set-cookie", "date", "content-length", "transfer-encoding",
            "x-request-id", "connection");

    private final IdempotencyKeys keys;
    private final ProblemWriter problems;
    private final IdempotencyProperties properties;
    private final List<PathPattern> paths;
    private final java.time.Clock clock;

    public IdempotencyWebFilter(IdempotencyKeys keys, ProblemWriter problems, IdempotencyProperties properties,
                                java.time.Clock clock) {
        this.keys = keys;
        this.problems = problems;
        this.properties = properties;
        this.clock = clock;
        this.paths = properties.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    /** After Spring Security's WebFilterChainProxy (order -100). */
    @Override
    public int getOrder() {
        return 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String key = request.getHeaders().getFirst(HEADER);
        if (key == null || request.getMethod() != HttpMethod.POST
                || paths.stream().noneMatch(p -> p.matches(request.getPath().pathWithinApplication()))) {
            return chain.filter(exchange);
        }
        if (!IdempotencyDecision.isValidKey(key)) {
            return problems.write(exchange, new ProblemException(400, "invalid-idempotency-key"));
        }
        return DataBufferUtils.join(request.getBody(), properties.maxBodyBytes())
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> CurrentPrincipal.get().map(Principal::subject).defaultIfEmpty("anonymous")
                        .flatMap(subject -> execute(exchange, chain, key, subject, body, 1)));
    }

    private Mono<Void> execute(ServerWebExchange exchange, WebFilterChain chain, String key, String subject,
                               byte[] body, int attempt) {
        var request = exchange.getRequest();
        String hash = RequestFingerprint.of(request.getMethod().name(), request.getPath().value(), body);
        return keys.claim(key, subject, hash)
                .flatMap(existing -> {
                    var outcome = IdempotencyDecision.decide(existing.requestHash(), existing.completed(),
                            existing.expiresAt(), existing.inFlightUntil(), hash, clock.instant());
                    return switch (outcome) {
                        case REPLAY -> replay(exchange, existing.response()).thenReturn(true);
                        case KEY_REUSED -> problems.write(exchange, new ProblemException(422, "idempotency-key-reused"))
                                .thenReturn(true);
                        case IN_FLIGHT -> problems.write(exchange, new ProblemException(409, "idempotency-in-flight"))
                                .thenReturn(true);
                        case RECLAIM -> attempt >= 3
                                ? problems.write(exchange, new ProblemException(409, "idempotency-in-flight")).thenReturn(true)
                                : keys.forget(existing).then(execute(exchange, chain, key, subject, body, attempt + 1))
                                        .thenReturn(true);
                    };
                })
                .switchIfEmpty(Mono.defer(() -> firstExecution(exchange, chain, key, subject, body).thenReturn(true)))
                .then();
    }

    private Mono<Void> firstExecution(ServerWebExchange exchange, WebFilterChain chain, String key, String subject,
                                      byte[] body) {
        var stored = new AtomicBoolean();
        var original = exchange.getResponse();
        var requestWithBody = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(original.bufferFactory().wrap(body)));
            }
        };
        var recordingResponse = new ServerHttpResponseDecorator(original) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> content) {
                return DataBufferUtils.join(Flux.from(content))
                        .map(buffer -> {
                            byte[] bytes = new byte[buffer.readableByteCount()];
                            buffer.read(bytes);
                            DataBufferUtils.release(buffer);
                            return bytes;
                        })
                        .defaultIfEmpty(new byte[0])
                        .flatMap(bytes -> remember(this, bytes)
                                .then(super.writeWith(Mono.fromSupplier(() -> bufferFactory().wrap(bytes)))));
            }

            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> content) {
                return writeWith(Flux.from(content).concatMap(Flux::from));
            }

            @Override
            public Mono<Void> setComplete() {
                return remember(this, new byte[0]).then(super.setComplete());
            }

            private Mono<Void> remember(ServerHttpResponse response, byte[] bytes) {
                if (!stored.compareAndSet(false, true)) {
                    return Mono.empty();
                }
                HttpStatusCode status = response.getStatusCode() == null ? HttpStatus.OK : response.getStatusCode();
                if (status.is5xxServerError()) {
                    return keys.release(key, subject);
                }
                var headers = new LinkedHashMap<String, List<String>>();
                response.getHeaders().forEach((name, values) -> {
                    if (!NOT_STORED.contains(name.toLowerCase(Locale.ROOT))) {
                        headers.put(name, List.copyOf(values));
                    }
                });
                return keys.complete(key, subject, new IdempotencyKeys.StoredResponse(status.value(), headers, bytes))
                        .onErrorResume(error -> {
                            log.warn("could not store the response for Idempotency-Key {}: {}", key, error.toString());
                            return Mono.empty();
                        });
            }
        };
        var mutated = exchange.mutate().request(requestWithBody).response(recordingResponse).build();
        return chain.filter(mutated)
                .onErrorResume(error -> (stored.get() ? Mono.<Void>empty() : keys.release(key, subject))
                        .then(Mono.error(error)))
                .doOnCancel(() -> {
                    if (!stored.get()) {
                        keys.release(key, subject).subscribe();
                    }
                });
    }

    private Mono<Void> replay(ServerWebExchange exchange, IdempotencyKeys.StoredResponse stored) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(stored.status()));
        HttpHeaders headers = response.getHeaders();
        stored.headers().forEach(headers::put);
        headers.set(REPLAYED_HEADER, "true");
        headers.setContentLength(stored.body().length);
        if (stored.body().length == 0) {
            return response.setComplete();
        }
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(stored.body())));
    }
}
