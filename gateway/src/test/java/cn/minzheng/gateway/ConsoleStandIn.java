package cn.minzheng.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server standing in for the web console: it answers with what it received (method, path,
 * headers, body size) as JSON and sets its session cookies, as the console does; a path ending in
 * {@code /oauth2/authorization/minzheng} answers 302 to the identity server, as the console's login does.
 */
final class ConsoleStandIn {

    static final String SESSION_COOKIE = "SESSION=console-session-1; Path=/console; HttpOnly; SameSite=Lax";
    static final String CSRF_COOKIE = "XSRF-TOKEN=csrf-1; Path=/console; SameSite=Lax";
    static final String LOGIN_REDIRECT = "http://localhost:9000/oauth2/authorize?client_id=console&code_challenge=abc";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final int port;
    private DisposableServer server;

    ConsoleStandIn(int port) {
        this.port = port;
    }

    synchronized ConsoleStandIn start() {
        if (server == null) {
            server = HttpServer.create().host("127.0.0.1").port(port).handle(this::answer).bindNow();
        }
        return this;
    }

    synchronized void stop() {
        if (server != null) {
            server.disposeNow(Duration.ofSeconds(5));
            server = null;
        }
    }

    String uri() {
        return "http://127.0.0.1:" + port;
    }

    private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.requestHeaders().forEach(e -> headers.merge(e.getKey(), e.getValue(), (a, b) -> a + "," + b));
        Mono<Integer> bodySize = request.receive().aggregate().asByteArray().map(b -> b.length).defaultIfEmpty(0);
        if (request.path().endsWith("oauth2/authorization/minzheng")) {
            return bodySize.flatMap(size -> response.status(302).header("Location", LOGIN_REDIRECT).send().then());
        }
        return bodySize.flatMap(size -> {
            Map<String, Object> echo = Map.of("service", "console", "method", request.method().name(),
                    "path", request.uri(), "headers", headers, "bodySize", size);
            return response.header("Content-Type", "application/json")
                    .addHeader("Set-Cookie", SESSION_COOKIE)
                    .addHeader("Set-Cookie", CSRF_COOKIE)
                    .sendString(Mono.just(JSON.writeValueAsString(echo))).then();
        });
    }
}
