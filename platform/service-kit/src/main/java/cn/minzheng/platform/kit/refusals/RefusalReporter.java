package cn.minzheng.platform.kit.refusals;

import cn.minzheng.platform.kit.observability.RequestIdWebFilter;
import cn.minzheng.platform.kit.outbox.EventPublisher;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.web.ProblemObserver;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import cn.minzheng.platform.kit.security.Principal;
import cn.minzheng.platform.kit.security.Role;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reports every 403 the service answers (the security chain's path rules, a {@code ForbiddenProblem}
 * from {@code AccessPolicy} or the service's own code) as a security event on the service's topic, so
 * the audit trail sees refusals behind the gateway too. Fire-and-forget: the response never waits
 * for Kafka; a failed send is logged and counted in {@code security.refusal.events{outcome=failed}}
 * (a refusal carries no state to keep in an outbox).
 */
public class RefusalReporter implements ProblemObserver {

    /** Exchange attribute with the caller's {@link Principal}, for problems written outside the security chain. */
    public static final String PRINCIPAL_ATTRIBUTE = RefusalReporter.class.getName() + ".principal";

    private static final Logger log = LoggerFactory.getLogger(RefusalReporter.class);

    private final RefusalEvents events;
    private final EventPublisher publisher;
    private final MeterRegistry registry;

    public RefusalReporter(RefusalEvents events, EventPublisher publisher, MeterRegistry registry) {
        this.events = events;
        this.publisher = publisher;
        this.registry = registry;
    }

    @Override
    public Mono<Void> writing(ServerWebExchange exchange, ProblemException problem) {
        if (problem.status() != 403) {
            return Mono.empty();
        }
        Principal known = exchange.getAttribute(PRINCIPAL_ATTRIBUTE);
        Mono<Principal> principal = known != null ? Mono.just(known) : CurrentPrincipal.get();
        return principal.map(p -> refusal(exchange, problem, p))
                .switchIfEmpty(Mono.fromSupplier(() -> refusal(exchange, problem, null)))
                .doOnNext(this::publishInBackground)
                .then();
    }

    private void publishInBackground(Refusal refusal) {
        events.toEnvelopes(refusal).forEach(envelope -> publishInBackground(refusal, envelope));
    }

    private void publishInBackground(Refusal refusal, cn.minzheng.platform.events.EventEnvelope envelope) {
        publisher.publish(events.type().topic(), envelope.subject(), envelope).subscribe(
                done -> { },
                error -> {
                    registry.counter("security.refusal.events", "outcome", "failed").increment();
                    log.warn("refusal event {} for {} {} not published: {}", envelope.id(), refusal.method(),
                            refusal.path(), error.toString());
                },
                () -> registry.counter("security.refusal.events", "outcome", "published").increment());
    }

    static Refusal refusal(ServerWebExchange exchange, ProblemException problem, Principal principal) {
        var request = exchange.getRequest();
        List<String> roles = principal == null ? List.of() : principal.roles().stream()
                .sorted(Comparator.comparingInt(Role::ordinal).reversed()).map(Role::name).toList();
        return new Refusal(problem.status(), problem.code(), request.getMethod().name(), request.getPath().value(),
                principal == null ? null : principal.subject(), roles, principal == null ? null : principal.region(),
                exchange.getAttribute(RequestIdWebFilter.TRACEPARENT_ATTRIBUTE),
                problem instanceof ForbiddenProblem forbidden ? forbidden.targetRegion() : null);
    }

    /**
     * Keeps the caller on the exchange once security has authenticated it: a {@code ForbiddenProblem}
     * thrown by a handler is written by the error handler, outside the security context. Runs right
     * after the security chain (order -100).
     */
    public static final class PrincipalOnExchange implements WebFilter, Ordered {

        public static final int ORDER = -99;

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            return CurrentPrincipal.get()
                    .doOnNext(p -> exchange.getAttributes().put(PRINCIPAL_ATTRIBUTE, p))
                    .then(chain.filter(exchange));
        }

        @Override
        public int getOrder() {
            return ORDER;
        }
    }
}
