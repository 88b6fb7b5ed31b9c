package cn.minzheng.platform.kit.problem.web;

import cn.minzheng.platform.kit.observability.RequestIdWebFilter;
import cn.minzheng.platform.kit.problem.Problem;
import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.ProblemMessages;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The one place that turns a {@link ProblemException} into an {@code application/problem+json} response. */
public class ProblemWriter {

    private final ProblemMessages messages;
    private final JsonMapper json;
    private final String typeBase;

    public ProblemWriter(ProblemMessages messages, JsonMapper json, String typeBase) {
        this.messages = messages;
        this.json = json;
        this.typeBase = typeBase;
    }

    /** The problem object for this exchange, localized by its {@code Accept-Language}. */
    public Problem problemFor(ServerWebExchange exchange, ProblemException exception) {
        Locale locale = ProblemMessages.chooseLocale(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
        return Problem.of(exception, messages, locale, typeBase, exchange.getRequest().getPath().value(),
                RequestIdWebFilter.traceId(exchange));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemException exception) {
        return write(exchange, exception, HttpHeaders.EMPTY);
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemException exception, HttpHeaders extraHeaders) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(exception);
        }
        Locale locale = ProblemMessages.chooseLocale(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = problemFor(exchange, exception);
        byte[] body = json.writeValueAsBytes(problem.toMap());
        response.setStatusCode(HttpStatus.valueOf(exception.status()));
        HttpHeaders headers = response.getHeaders();
        // a handler may have set ETag/Location/Content-Type before failing: they do not describe a problem
        headers.remove(HttpHeaders.ETAG);
        headers.remove(HttpHeaders.LOCATION);
        extraHeaders.forEach((name, values) -> headers.put(name, values));
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.set(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        headers.setContentLength(body.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
