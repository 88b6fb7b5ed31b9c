package cn.minzheng.audit.reads;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Web adapter of {@link ReadLimits}: maps a request path to its {@link ReadKind} and runs the whole
 * exchange — query and written answer — under a permit and the time limit. Runs after the
 * security filters (lowest precedence), so requests without a valid token hold no permit. A 429
 * carries {@code Retry-After}; the kit's problem writer keeps that header.
 */
public class ReadLimitFilter implements WebFilter {

    private static final Map<ReadKind, List<PathPattern>> PATHS = Map.of(
            ReadKind.VERIFY, patterns("/api/v1/audit/chains/{chain}/verification", "/api/v1/audit/verifications"),
            ReadKind.STATISTICS, patterns("/api/v1/audit/statistics", "/api/v1/audit/statistics/on-time"),
            ReadKind.EXPORT, patterns("/api/v1/audit/exports/**"));

    private final ReadLimits limits;

    public ReadLimitFilter(ReadLimits limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ReadKind kind = kindOf(exchange.getRequest().getPath().pathWithinApplication());
        if (kind == null) {
            return chain.filter(exchange);
        }
        return limits.guard(kind, chain.filter(exchange), busy -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                    Long.toString(limits.retryAfterSeconds()));
            return Mono.error(busy);
        });
    }

    static ReadKind kindOf(PathContainer path) {
        for (Map.Entry<ReadKind, List<PathPattern>> e : PATHS.entrySet()) {
            if (e.getValue().stream().anyMatch(p -> p.matches(path))) {
                return e.getKey();
            }
        }
        return null;
    }

    private static List<PathPattern> patterns(String... paths) {
        return java.util.Arrays.stream(paths).map(PathPatternParser.defaultInstance::parse).toList();
    }
}
