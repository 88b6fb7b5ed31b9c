package cn.minzheng.console.api;

import cn.minzheng.console.ConsoleProperties;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's public API through the gateway, called with the user's bearer token (or none, for the
 * public pages). Answers never throw: a problem becomes {@link ApiResult#problem()}, a service that does not
 * answer becomes {@link ApiResult#unavailable()} with a Chinese text naming what is unavailable — the page
 * shows it and keeps everything else usable.
 */
@Component
public class PlatformApi {

    private final WebClient client;
    private final Duration timeout;
    private final JsonMapper json = JsonMapper.builder().build();

    public PlatformApi(ConsoleProperties properties) {
        this.client = WebClient.builder().baseUrl(properties.apiBase()).build();
        this.timeout = properties.apiTimeout();
    }

    /** A GET; {@code path} is a URI template whose {@code {…}} variables are filled (and encoded) from {@code vars}. */
    public Mono<ApiResult> get(String service, String path, String token, Object... vars) {
        return exchange(service, HttpMethod.GET, path, vars, token, null, h -> { });
    }

    public Mono<ApiResult> post(String service, String path, String token, Object body, Consumer<HttpHeaders> headers) {
        return exchange(service, HttpMethod.POST, path, new Object[0], token, body, headers);
    }

    /**
     * A creating POST with its Idempotency-Key: a retry while the first request with that key still runs
     * (409 idempotency-in-flight, e.g. a double click) waits for it and then answers the same case.
     */
    public Mono<ApiResult> create(String service, String path, String token, Object body, String idempotencyKey) {
        return Mono.defer(() -> post(service, path, token, body, h -> h.set("Idempotency-Key", idempotencyKey)))
                .flatMap(r -> r.status() == 409 && "idempotency-in-flight".equals(r.problem().code())
                        ? Mono.error(new InFlight(r)) : Mono.just(r))
                .retryWhen(Retry.backoff(6, Duration.ofMillis(150)).filter(InFlight.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorResume(InFlight.class, e -> Mono.just(e.result));
    }

    private Mono<ApiResult> exchange(String service, HttpMethod method, String path, Object[] vars, String token,
                                     Object body, Consumer<HttpHeaders> headers) {
        WebClient.RequestBodySpec request = client.method(method).uri(path, vars)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    headers.accept(h);
                });
        WebClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchangeToMono(this::read)
                .timeout(timeout)
                .map(r -> r.unavailable() ? unavailable(service) : r)
                .onErrorResume(e -> !(e instanceof InFlight), e -> Mono.just(unavailable(service)));
    }

    private Mono<ApiResult> read(ClientResponse response) {
        int status = response.statusCode().value();
        String etag = response.headers().asHttpHeaders().getFirst(HttpHeaders.ETAG);
        String location = response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION);
        return response.bodyToMono(String.class).defaultIfEmpty("").map(text -> {
            Object body = parse(text);
            Problem problem = null;
            if (status >= 400) {
                problem = body instanceof Map<?, ?> m && m.containsKey("status") ? Problem.of(status, m)
                        : Problem.local(status, "http-" + status, "请求未能完成", "平台返回了状态 " + status + "，请稍后再试。");
            }
            boolean down = status == 502 || status == 503 || status == 504;
            return new ApiResult(status, body, etag, problem, location, down);
        });
    }

    private Object parse(String text) {
        if (text.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(text, Object.class);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    static ApiResult unavailable(String service) {
        return new ApiResult(503, Map.of(), null, Problem.local(503, "console-service-unavailable",
                "「" + service + "」暂时无法使用",
                "「" + service + "」暂时没有应答，本页相关内容暂不能显示或办理。其他功能仍可使用，请稍后刷新重试。"),
                null, true);
    }

    private static final class InFlight extends RuntimeException {
        final transient ApiResult result;

        InFlight(ApiResult result) {
            super("idempotency-in-flight", null, false, false);
            this.result = result;
        }
    }
}
