package cn.minzheng.assistance.standards;

import cn.minzheng.platform.kit.problem.ConflictProblem;
import cn.minzheng.platform.kit.problem.ProblemMessages;
import cn.minzheng.platform.kit.security.Principal;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;

/** Reads the effective-dated standards and adds one (ADMIN), with its event. */
@Component
public class StandardWorkflow {
    private final StandardStore store;
    private final Clock clock;
    private final java.util.List<StandardAddedListener> listeners;

    public StandardWorkflow(StandardStore store, Clock clock,
                            org.springframework.beans.factory.ObjectProvider<StandardAddedListener> listeners) {
        this.store = store;
        this.clock = clock;
        this.listeners = listeners.orderedStream().toList();
    }

    /** A standard as added, with what its addition started (the 调标 run's id), if anything. */
    public record Added(AssistanceStandard standard, String recalculationId) {
    }

    /** Adds the standard, then tells the listeners (调标 starts its recalculation run). */
    public Mono<Added> addAndStart(AssistanceStandard standard, Principal p) {
        return add(standard, p).flatMap(s -> reactor.core.publisher.Flux.fromIterable(listeners)
                .concatMap(l -> l.added(s, p.subject())).next()
                .map(id -> new Added(s, id)).defaultIfEmpty(new Added(s, null)));
    }

    public Flux<AssistanceStandard> all() {
        return store.catalogue().flatMapIterable(StandardCatalogue::all);
    }

    /** 409 {@code standard-exists} when the same region, kind and month is already in force. */
    public Mono<AssistanceStandard> add(AssistanceStandard standard, Principal p) {
        return store.add(standard, p.subject(), "ADMIN", clock.instant())
                .onErrorMap(StandardCatalogue.DuplicateStandardException.class,
                        e -> new ConflictProblem("standard-exists", e.standard().regionPrefix(),
                                kindName(e.standard().kind(), ProblemMessages.CHINESE),
                                e.standard().effectiveFrom(),
                                kindName(e.standard().kind(), ProblemMessages.ENGLISH)));
    }

    private static final ProblemMessages TEXTS = new ProblemMessages(java.util.List.of("problems"));

    /** The kind in words, from the service's problem bundles ({@code standard-kind.*}). */
    private static String kindName(StandardKind kind, java.util.Locale locale) {
        return TEXTS.find("standard-kind." + kind.name(), locale, java.util.List.of()).orElse(kind.name());
    }
}
