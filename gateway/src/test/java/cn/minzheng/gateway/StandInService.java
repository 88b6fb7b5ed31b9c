package cn.minzheng.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on a loopback port standing in for a business service: it answers every request
 * with what it received (method, path, headers, body size) as JSON; paths ending in {@code /slow}
 * answer after 3 s, in {@code /unavailable} answer 503 (after reading the body), in {@code /drop} close
 * the connection after reading the request without answering. It can be stopped and started again on
 * the same port ("the service is down"). Each request's {@code X-Call-Id} header is noted, so a test
 * can tell how often one call arrived.
 */
final class StandInService {

    static final Duration SLOW = Duration.ofSeconds(3);
    /** Paths ending in {@code /busy} answer after this: long enough for many calls to overlap. */
    static final Duration BUSY = Duration.ofMillis(400);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final int port;
    private final AtomicInteger requests = new AtomicInteger();
    private final java.util.Queue<String> callIds = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.Set<io.netty.channel.Channel> channels = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private DisposableServer server;

    StandInService(String name, int port) {
        this.name = name;
        this.port = port;
    }

    synchronized StandInService start() {
        if (server == null) {
            server = HttpServer.create().host("127.0.0.1").port(port)
                    .doOnChannelInit((observer, channel, remote) -> {
                        channels.add(channel);
                        channel.closeFuture().addListener(closed -> channels.remove(channel));
                    })
                    .handle(this::answer).bindNow();
        }
        return this;
    }

    synchronized void stop() {
        if (server != null) {
            server.disposeNow(Duration.ofSeconds(5));
            server = null;
            // a stopped service also drops the keep-alive connections the gateway pooled
            channels.forEach(channel -> channel.close().syncUninterruptibly());
            channels.clear();
        }
    }

    String uri() {
        return "http://127.0.0.1:" + port;
    }

    int requests() {
        return requests.get();
    }

    /** The {@code X-Call-Id} of every request received, in arrival order. */
    java.util.List<String> callIds() {
        return java.util.List.copyOf(callIds);
    }

    private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        requests.incrementAndGet();
        String callId = request.requestHeaders().get("X-Call-Id");
        if (callId != null) {
            callIds.add(callId);
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.requestHeaders().forEach(e -> headers.merge(e.getKey(), e.getValue(), (a, b) -> a + "," + b));
        Mono<Integer> bodySize = request.receive().aggregate().asByteArray().map(b -> b.length).defaultIfEmpty(0);
        Duration delay = request.path().endsWith("slow") ? SLOW
                : request.path().endsWith("busy") ? BUSY : Duration.ZERO;
        if (request.path().endsWith("drop")) {
            return bodySize.then(Mono.<Void>fromRunnable(() -> request.withConnection(c -> c.channel().close())))
                    .then(Mono.never());
        }
        if (request.path().endsWith("unavailable")) {
            return bodySize.flatMap(size -> response.status(503).header("Content-Type", "application/json")
                    .sendString(Mono.just("{\"service\":\"" + name + "\",\"bodySize\":" + size + "}")).then());
        }
        return bodySize.delayElement(delay).flatMap(size -> {
            Map<String, Object> echo = Map.of("service", name, "method", request.method().name(),
                    "path", request.uri(), "headers", headers, "bodySize", size);
            return response.header("Content-Type", "application/json")
                    .sendString(Mono.just(JSON.writeValueAsString(echo))).then();
        });
    }
}
