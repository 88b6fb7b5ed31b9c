package cn.minzheng.bench.devstack;

import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP access to a running devstack: tokens from the local issuer, JSON calls with a bearer token. */
public final class Devstack implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final Endpoints endpoints;
    private final ConnectionProvider pool;
    private final HttpClient http;

    public Devstack(Endpoints endpoints, int maxConnections) {
        this.endpoints = endpoints;
        this.pool = ConnectionProvider.builder("bench").maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1).pendingAcquireTimeout(Duration.ofMinutes(5)).build();
        this.http = HttpClient.create(pool).responseTimeout(Duration.ofSeconds(30));
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** A token from the local issuer (POST /token, docs/contracts.md). */
    public Mono<String> token(String subject, String name, List<String> roles, String region) {
        byte[] body = JSON.writeValueAsBytes(Map.of("sub", subject, "name", name, "roles", roles, "region", region));
        return call(HttpMethod.POST, endpoints.issuer() + "/token", null, body, Map.of(), http)
                .flatMap(r -> r.ok() ? Mono.just(JSON.readTree(r.body()).path("access_token").asString())
                        : Mono.error(new IllegalStateException("token issuer answered " + r.status() + ": " + r.text())));
    }

    /** {@code n} tokens for distinct subjects {@code prefix-0 … prefix-(n-1)}: the gateway rate-limits per subject. */
    public List<String> tokens(String prefix, int n, List<String> roles, String region) {
        return Flux.range(0, n).flatMapSequential(i -> token(prefix + "-" + i, "压测" + i, roles, region), 8)
                .collectList().block(Duration.ofMinutes(2));
    }

    public Mono<Reply> get(String url, String token) {
        return call(HttpMethod.GET, url, token, null, Map.of(), http);
    }

    public Mono<Reply> get(String url, String token, Duration timeout) {
        return call(HttpMethod.GET, url, token, null, Map.of(), http.responseTimeout(timeout));
    }

    public Mono<Reply> post(String url, String token, Object body, Map<String, String> headers) {
        return call(HttpMethod.POST, url, token, body instanceof byte[] b ? b : JSON.writeValueAsBytes(body), headers, http);
    }

    /** A POST whose answer may take longer than the default 30 s (bulk seeding). */
    public Mono<Reply> post(String url, String token, Object body, Map<String, String> headers, Duration timeout) {
        return call(HttpMethod.POST, url, token, body instanceof byte[] b ? b : JSON.writeValueAsBytes(body), headers,
                http.responseTimeout(timeout));
    }

    public static JsonNode json(Reply r) {
        return JSON.readTree(r.body());
    }

    private static Mono<Reply> call(HttpMethod method, String url, String token, byte[] body, Map<String, String> headers,
            HttpClient client) {
        HttpClient c = client.headers(h -> {
            h.set("Accept", "application/json");
            if (token != null) {
                h.set("Authorization", "Bearer " + token);
            }
            if (body != null) {
                h.set("Content-Type", "application/json");
            }
            headers.forEach(h::set);
        });
        HttpClient.ResponseReceiver<?> receiver = body == null ? c.request(method).uri(url)
                : c.request(method).uri(url).send(ByteBufFlux.fromInbound(Mono.just(body)));
        return receiver.responseSingle((response, bytes) -> bytes.asByteArray().defaultIfEmpty(new byte[0])
                .map(b -> new Reply(response.status().code(), response.responseHeaders().get("ETag"), b)));
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
