package cn.minzheng.audit.export;

import cn.minzheng.platform.kit.problem.ProblemException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * An export asked for in another format (e.g. {@code Accept: application/json} on
 * {@code records.csv}) is refused 406 {@code export-not-acceptable} naming the media type the
 * endpoint produces, instead of the kit's {@code not-acceptable} ("only JSON"), which is wrong for
 * an export. Other paths keep the kit's answer.
 */
public class ExportNotAcceptable implements WebFilter {

    static final String PREFIX = "/api/v1/audit/exports/";
    static final String XLSX = ExportController.XLSX_VALUE;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String produced = produced(exchange.getRequest().getPath().pathWithinApplication().value());
        if (produced == null) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).onErrorMap(NotAcceptableStatusException.class,
                e -> new ProblemException(406, "export-not-acceptable", produced));
    }

    /** The media type the export at {@code path} produces, or null when {@code path} is no export. */
    static String produced(String path) {
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        if (path.endsWith(".csv")) {
            return "text/csv";
        }
        if (path.endsWith(".xlsx")) {
            return XLSX;
        }
        if (path.endsWith(".ndjson")) {
            return "application/x-ndjson";
        }
        return null;
    }
}
