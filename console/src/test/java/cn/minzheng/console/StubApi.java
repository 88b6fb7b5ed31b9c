package cn.minzheng.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A tiny real HTTP server on a free loopback port that answers like the gateway: each test says what a
 * path answers ({@code "GET /api/v1/…"} without the query), and every request is recorded with its headers
 * and body so a test can see what the console sent (bearer token, If-Match, Idempotency-Key).
 */
final class StubApi implements AutoCloseable {

    record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    record Response(int status, String contentType, String body, Map<String, String> headers) {
        static Response json(int status, String body) {
            return new Response(status, "application/json", body, Map.of());
        }

        static Response json(int status, String body, String etag) {
            return new Response(status, "application/json", body, Map.of("ETag", "\"" + etag + "\""));
        }

        static Response problem(int status, String code, String title, String pointer, String message) {
            String errors = pointer == null ? "[]"
                    : "[{\"pointer\":\"" + pointer + "\",\"code\":\"X\",\"message\":\"" + message + "\"}]";
            return new Response(status, "application/problem+json", "{\"type\":\"https://minzheng.example/problems/" + code
                    + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + title + "\",\"code\":\"" + code
                    + "\",\"errors\":" + errors + ",\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}", Map.of());
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    private StubApi(HttpServer server) {
        this.server = server;
    }

    static StubApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StubApi stub = new StubApi(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void on(String methodAndPath, Function<Request, Response> answer) {
        routes.put(methodAndPath, answer);
    }

    void on(String methodAndPath, Response response) {
        routes.put(methodAndPath, r -> response);
    }

    void reset() {
        routes.clear();
        requests.clear();
    }

    List<Request> calls(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(request);
        Function<Request, Response> route = routes.get(request.method() + " " + request.path());
        Response response = route == null
                ? Response.problem(404, "not-found", "没有该资源", null, null) : route.apply(request);
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
