package cn.minzheng.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 {@code application/problem+json} answers: the one way the gateway reports an error. */
@Component
public class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final JsonMapper json;
    private final String typeBase;

    public ProblemResponses(JsonMapper json, ProblemTypeBase typeBase) {
        this.json = json;
        this.typeBase = typeBase.typeBase();
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemKind kind, Object... detailArguments) {
        return write(exchange, kind, headers -> { }, detailArguments);
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemKind kind,
                            java.util.function.Consumer<HttpHeaders> extraHeaders, Object... detailArguments) {
        return writeDetail(exchange, kind, extraHeaders, kind.detail(language(exchange), detailArguments));
    }

    /** A problem of {@code kind} whose detail is not the kind's template, e.g. one that says why and when to retry. */
    public Mono<Void> writeDetail(ServerWebExchange exchange, ProblemKind kind,
                                  java.util.function.Consumer<HttpHeaders> extraHeaders, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body = bodyWithDetail(exchange, kind, detail);
        response.setStatusCode(HttpStatusCode.valueOf(kind.status()));
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(PROBLEM_JSON);
        headers.setContentLength(body.length);
        headers.set(HttpHeaders.CONTENT_LANGUAGE, language(exchange) == ProblemKind.Language.EN ? "en" : "zh-CN");
        extraHeaders.accept(headers);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    public byte[] body(ServerWebExchange exchange, ProblemKind kind, Object... detailArguments) {
        return bodyWithDetail(exchange, kind, kind.detail(language(exchange), detailArguments));
    }

    private byte[] bodyWithDetail(ServerWebExchange exchange, ProblemKind kind, String detail) {
        ProblemKind.Language language = language(exchange);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", kind.type(typeBase));
        problem.put("title", kind.title(language));
        problem.put("status", kind.status());
        problem.put("detail", detail);
        problem.put("instance", originalPath(exchange));
        problem.put("code", kind.code());
        return json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    }

    /** Exchange attribute holding the path as the client sent it (set by {@link #rememberOriginalPath}). */
    public static final String ORIGINAL_PATH = ProblemResponses.class.getName() + ".originalPath";

    /** Called first thing on every request, so a problem written after a forward names the client's path. */
    public static void rememberOriginalPath(ServerWebExchange exchange) {
        exchange.getAttributes().putIfAbsent(ORIGINAL_PATH, exchange.getRequest().getPath().value());
    }

    static String originalPath(ServerWebExchange exchange) {
        Object original = exchange.getAttribute(ORIGINAL_PATH);
        return original != null ? original.toString() : exchange.getRequest().getPath().value();
    }

    public static ProblemKind.Language language(ServerWebExchange exchange) {
        return ProblemKind.Language.fromAcceptLanguage(
                exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
