package cn.minzheng.platform.kit.problem.web;

import cn.minzheng.platform.kit.observability.RequestIdWebFilter;
import cn.minzheng.platform.kit.problem.Problem;
import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.ProblemMessages;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The one place that turns a {@link ProblemException} into an {@code application/problem+json} response. */
public class ProblemWriter {

    private static final Logger log = LoggerFactory.getLogger(ProblemWriter.class);

    private final ProblemMessages messages;
    private final JsonMapper json;
    private final String typeBase;
    private final List<ProblemObserver> observers;

    public ProblemWriter(ProblemMessages messages, JsonMapper json, String typeBase) {
        this(messages, json, typeBase, List.of());
    }

    /** {@code observers} hear of every problem before it is written (e.g. refusals reported to the audit trail). */
    public ProblemWriter(ProblemMessages messages, JsonMapper json, String typeBase, List<ProblemObserver> observers) {
        this.messages = messages;
        this.json = json;
        this.typeBase = typeBase;
        this.observers = List.copyOf(observers);
    }

    /** The service's and the kit's problem texts. */
    public ProblemMessages messages() {
        return messages;
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
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(exception);
        }
        return observed(exchange, exception).then(Mono.defer(() -> writeBody(exchange, exception, extraHeaders)));
    }

    private Mono<Void> observed(ServerWebExchange exchange, ProblemException exception) {
        return Flux.fromIterable(observers)
                .concatMap(o -> Mono.defer(() -> o.writing(exchange, exception)).onErrorResume(error -> {
                    log.warn("problem observer {} failed: {}", o.getClass().getName(), error.toString());
                    return Mono.empty();
                }))
                .then();
    }

    private Mono<Void> writeBody(ServerWebExchange exchange, ProblemException exception, HttpHeaders extraHeaders) {
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
