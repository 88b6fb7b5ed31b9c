package cn.minzheng.platform.kit.bodies;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.kit.testapp.TestInfra;
import cn.minzheng.platform.kit.testapp.WebAppTestBase;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A keep-alive connection whose previous request was answered without its body being read (405,
 * 415, a refused Idempotency-Key, 404) answers the next request at once. One pooled connection: the
 * early answer, then an ordinary request on the same connection, many rounds; every answer within
 * 2 s (the hang this guards against lasted until the client gave up).
 */
class KeepAliveWebTest extends WebAppTestBase {

    static final int ROUNDS = 40;
    static final String CASE = "{\"applicant\":\"张三\",\"amountFen\":50000}";
    static ConnectionProvider pool;
    static String token;

    @BeforeAll
    static void onePooledConnection() {
        pool = ConnectionProvider.builder("keep-alive-test").maxConnections(1)
                .pendingAcquireTimeout(Duration.ofSeconds(10)).build();
        token = TestInfra.issuer().mint("keep-alive-" + UUID.randomUUID(), "张三", List.of("CITIZEN"), "110105");
    }

    @AfterAll
    static void closePool() {
        pool.disposeLater().block(Duration.ofSeconds(5));
    }

    record Early(String method, String path, String contentType, String body, Map<String, String> headers) {
    }

    static Stream<Arguments> earlyAnswers() {
        String big = "{\"applicant\":\"" + "字".repeat(200_000) + "\",\"amountFen\":1}";
        return Stream.of(
                Arguments.of("405 wrong method", new Early("PUT", "/api/cases", "application/json", CASE, Map.of()), 405),
                Arguments.of("405 wrong method, 600 KB body", new Early("PUT", "/api/cases", "application/json", big, Map.of()), 405),
                Arguments.of("415 wrong content type", new Early("POST", "/api/cases", "text/plain", CASE, Map.of()), 415),
                Arguments.of("400 malformed Idempotency-Key",
                        new Early("POST", "/api/cases", "application/json", CASE, Map.of("Idempotency-Key", "has space")), 400),
                Arguments.of("404 no route", new Early("POST", "/api/nowhere", "application/json", CASE, Map.of()), 404),
                Arguments.of("413 over the in-memory limit", new Early("POST", "/api/cases", "application/json", big, Map.of()), 413));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("earlyAnswers")
    void theNextRequestOnTheSameConnectionIsAnsweredPromptly(String what, Early early, int status) {
        Set<Integer> connections = ConcurrentHashMap.newKeySet();
        HttpClient client = HttpClient.create(pool).baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(2))
                .doOnConnected(c -> connections.add(((InetSocketAddress) c.channel().localAddress()).getPort()));
        byte[] bytes = early.body().getBytes(StandardCharsets.UTF_8);
        List<String> answers = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long started = System.nanoTime();
            int first = exchange(client.headers(h -> {
                        h.set("Authorization", "Bearer " + token).set("Content-Type", early.contentType());
                        early.headers().forEach(h::set);
                    }).request(HttpMethod.valueOf(early.method())).uri(early.path())
                    .send(ByteBufFlux.fromInbound(Mono.just(Unpooled.wrappedBuffer(bytes)))), what, answers);
            int next = exchange(client.headers(h -> h.set("Authorization", "Bearer " + token))
                    .get().uri("/api/cases/MZ-none"), what, answers);
            answers.add(first + "/" + next + " " + Duration.ofNanos(System.nanoTime() - started).toMillis() + "ms");
            assertThat(first).as(what + " " + answers).isEqualTo(status);
            assertThat(next).as(what + " " + answers).isEqualTo(404);
        }
        // the point is the reuse: an early answer does not cost the connection
        assertThat(connections).as(what + " " + answers).hasSize(1);
    }

    /**
     * A body over the drain limit is not read: the 405 carries {@code Connection: close}, and the
     * client, which writes the whole 1.2 MB however early the answer comes, reads that answer rather
     * than a reset (the service closes lingering); its next request goes out on a new connection.
     * Five rounds.
     */
    @org.junit.jupiter.api.Test
    void anUnreadBodyOverTheDrainLimitClosesTheConnectionAfterTheAnswerAndTheNextRequestGetsANewOne() {
        Set<Integer> connections = ConcurrentHashMap.newKeySet();
        HttpClient client = HttpClient.create(pool).baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10))
                .doOnConnected(c -> connections.add(((InetSocketAddress) c.channel().localAddress()).getPort()));
        byte[] overLimit = ("{\"applicant\":\"" + "x".repeat(1_200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        int rounds = 5;
        for (int round = 0; round < rounds; round++) {
            String connection = client.headers(h -> h.set("Authorization", "Bearer " + token).set("Content-Type", "application/json"))
                    .put().uri("/api/cases").send(ByteBufFlux.fromInbound(Mono.just(Unpooled.wrappedBuffer(overLimit))))
                    .responseSingle((response, content) -> content.asString().defaultIfEmpty("")
                            .thenReturn(response.status().code() + " " + response.responseHeaders().get("Connection")))
                    .block(Duration.ofSeconds(15));
            assertThat(connection).as("round " + round).isEqualTo("405 close");
            int next = exchange(client.headers(h -> h.set("Authorization", "Bearer " + token)).get().uri("/api/cases/MZ-none"),
                    "after a body over the limit", List.of());
            assertThat(next).isEqualTo(404);
        }
        // the first request's connection, then one new connection after each close
        assertThat(connections).hasSize(rounds + 1);
    }

    static int exchange(HttpClient.ResponseReceiver<?> request, String what, List<String> answers) {
        try {
            return request.responseSingle((response, content) -> content.asString().defaultIfEmpty("")
                    .thenReturn(response.status().code())).block(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": no answer after " + answers + ": " + e, e);
        }
    }
}
