package cn.minzheng.assistance.providers;

import cn.minzheng.platform.kit.domain.RuleViolation;
import cn.minzheng.assistance.application.Actor;
import cn.minzheng.assistance.application.ApplicationStore;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.DomainEvent;
import cn.minzheng.assistance.application.Role;
import cn.minzheng.platform.kit.domain.Transitioned;
import cn.minzheng.platform.kit.outbox.OutboxRelay;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.time.Duration;

/** Flags every case served by a provider that lost its good standing (one case update each, with its event). */
@Component
public class ProviderAssignments {
    static final Actor SYSTEM = new Actor("system", "assistance-service", Role.SYSTEM, null);
    private final ApplicationStore store;
    private final OutboxRelay relay;
    private final Clock clock;

    public ProviderAssignments(ApplicationStore store, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.clock = clock;
    }

    public Mono<Long> flagAll(String providerId, String reason) {
        Criteria c = new Criteria().andOperator(Criteria.where("provider.providerId").is(providerId),
                Criteria.where("provider.flagged").is(false), Criteria.where("open").is(true));
        return store.page(c, null, 1000)
                .concatMap(found -> flagOne(found.number(), providerId, reason))
                .count();
    }

    private Mono<AssistanceCase> flagOne(String number, String providerId, String reason) {
        return Mono.defer(() -> store.find(number).flatMap(current -> {
                    Transitioned<AssistanceCase, DomainEvent> next;
                    try {
                        next = current.flagProvider(SYSTEM, clock.instant(), providerId, reason);
                    } catch (RuleViolation alreadyDone) {
                        return Mono.empty();
                    }
                    return store.update(next, current.version(), null);
                }))
                .retryWhen(Retry.backoff(3, Duration.ofMillis(50)).filter(StaleVersionProblem.class::isInstance))
                .doOnNext(saved -> relay.publishInBackground("applications", saved.number()));
    }
}
