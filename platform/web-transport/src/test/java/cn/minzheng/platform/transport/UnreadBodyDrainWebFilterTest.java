package cn.minzheng.platform.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the filter does with a body nobody read before an early answer, case by case. */
class UnreadBodyDrainWebFilterTest {

    static final int LIMIT = 1_000;
    final UnreadBodyDrainWebFilter filter = new UnreadBodyDrainWebFilter(LIMIT, Duration.ofMillis(300), 0);

    /** A body of {@code chunks} × 100 bytes that counts its subscriptions and the bytes taken from it. */
    static final class Body {
        final AtomicInteger subscriptions = new AtomicInteger();
        final AtomicLong taken = new AtomicLong();
        final Flux<DataBuffer> flux;

        Body(int chunks, boolean endless) {
            Flux<DataBuffer> parts = Flux.range(0, chunks).map(i -> buffer(100));
            this.flux = (endless ? parts.concatWith(Flux.never()) : parts)
                    .doOnSubscribe(s -> subscriptions.incrementAndGet())
                    .doOnNext(b -> taken.addAndGet(b.readableByteCount()));
        }

        static DataBuffer buffer(int size) {
            return DefaultDataBufferFactory.sharedInstance.wrap("x".repeat(size).getBytes(StandardCharsets.US_ASCII));
        }
    }

    static final WebFilterChain EARLY_401 = exchange -> {
        exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
        return exchange.getResponse().setComplete();
    };

    static final WebFilterChain READS_THE_BODY = exchange -> DataBufferUtils.join(exchange.getRequest().getBody())
            .doOnNext(DataBufferUtils::release)
            .then(Mono.defer(() -> exchange.getResponse().setComplete()));

    MockServerWebExchange run(MockServerHttpRequest request, WebFilterChain chain) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        filter.filter(exchange, chain).block(Duration.ofSeconds(5));
        return exchange;
    }

    @Test
    void aSmallUnreadBodyIsDroppedBeforeTheAnswerAndTheConnectionStays() {
        Body body = new Body(5, false);
        var exchange = run(MockServerHttpRequest.post("/x").contentLength(500).body(body.flux), EARLY_401);
        assertThat(body.taken).hasValue(500);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(exchange.getResponse().getHeaders().getConnection()).isEmpty();
    }

    @Test
    void aBodyDeclaredOverTheLimitIsNotReadAndTheConnectionClosesAfterTheAnswer() {
        Body body = new Body(50, false);
        var exchange = run(MockServerHttpRequest.post("/x").contentLength(5_000).body(body.flux), EARLY_401);
        assertThat(body.subscriptions).hasValue(0);
        assertThat(exchange.getResponse().getHeaders().getConnection()).containsExactly("close");
    }

    @Test
    void aChunkedBodyIsReadOnlyUntilItPassesTheLimitThenTheConnectionCloses() {
        Body body = new Body(50, false);
        var exchange = run(MockServerHttpRequest.post("/x").header(HttpHeaders.TRANSFER_ENCODING, "chunked").body(body.flux),
                EARLY_401);
        assertThat(body.taken.get()).isGreaterThan(LIMIT).isLessThan(5_000);
        assertThat(exchange.getResponse().getHeaders().getConnection()).containsExactly("close");
    }

    @Test
    void aBodyThatStopsComingHoldsTheAnswerOnlyUntilTheTimeoutThenTheConnectionCloses() {
        Body body = new Body(2, true);
        var exchange = run(MockServerHttpRequest.post("/x").contentLength(900).body(body.flux), EARLY_401);
        assertThat(body.taken).hasValue(200);
        assertThat(exchange.getResponse().getHeaders().getConnection()).containsExactly("close");
    }

    @Test
    void aBodyTheHandlerReadIsNotReadAgain() {
        Body body = new Body(50, false);
        var exchange = run(MockServerHttpRequest.post("/x").contentLength(5_000).body(body.flux), READS_THE_BODY);
        assertThat(body.subscriptions).hasValue(1);
        assertThat(body.taken).hasValue(5_000);
        assertThat(exchange.getResponse().getHeaders().getConnection()).isEmpty();
    }

    @Test
    void aRequestWithoutABodyPassesUntouched() {
        Body body = new Body(1, false);
        var exchange = run(MockServerHttpRequest.method(org.springframework.http.HttpMethod.GET, "/x").body(body.flux), EARLY_401);
        assertThat(body.subscriptions).hasValue(0);
        assertThat(exchange.getResponse().getHeaders().getConnection()).isEmpty();
    }
}
