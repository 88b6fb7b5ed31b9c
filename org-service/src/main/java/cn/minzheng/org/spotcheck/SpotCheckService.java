package cn.minzheng.org.spotcheck;

import cn.minzheng.org.events.Actor;
import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.events.OrgEventTypes;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.RuleViolation;
import cn.minzheng.org.registration.Organization;
import cn.minzheng.org.registration.OrganizationType;
import cn.minzheng.org.registration.RegistrationAuthority;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.org.spotcheck.SpotCheckStore.DrawnOrganization;
import cn.minzheng.org.spotcheck.SpotCheckStore.StoredPlan;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import cn.minzheng.platform.kit.security.AccessPolicy;
import cn.minzheng.platform.kit.security.Principal;
import cn.minzheng.platform.kit.security.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 双随机、一公开: draws a plan from the authority's own registrants in good standing, records results,
 * publishes, and re-runs a recorded draw for an auditor.
 */
public class SpotCheckService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SpotCheckStore store;
    private final RegistrationStore registrations;
    private final SpotCheckPolicy policy;
    private final Map<String, List<Inspector>> configuredPools;
    private final OrgEventFactory events;
    private final Clock clock;

    public SpotCheckService(SpotCheckStore store, RegistrationStore registrations, SpotCheckPolicy policy,
                            Map<String, List<Inspector>> configuredPools, OrgEventFactory events, Clock clock) {
        this.store = store;
        this.registrations = registrations;
        this.policy = policy;
        this.configuredPools = configuredPools == null ? Map.of() : Map.copyOf(configuredPools);
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param ratioBasisPoints null: the legal minimum of the authority's level
     * @param seed             null: 128 random bits from the JVM's SecureRandom, recorded with the plan
     * @param types            empty: every type
     * @param inspectors       null: the pool configured for the authority ({@code minzheng.org.spot-check-inspectors})
     */
    public Mono<StoredPlan> draw(Principal p, String authorityCode, int year, Integer ratioBasisPoints, String seed,
                                 Set<OrganizationType> types, List<Inspector> inspectors, String traceparent) {
        AccessPolicy.requireAnyRole(p, Role.INSPECTOR, Role.REGISTRAR);
        if (!AccessPolicy.mayActInRegion(p, authorityCode)) {
            return Mono.error(new ForbiddenProblem());
        }
        List<Inspector> pool = inspectors != null ? inspectors : configuredPools.getOrDefault(authorityCode, List.of());
        if (pool.size() < policy.inspectorsPerOrganization()) {
            return Mono.error(new RuleViolation("TOO_FEW_INSPECTORS", List.of(new FieldProblem("/inspectors", "TOO_FEW_INSPECTORS",
                    "检查人员名录不足" + policy.inspectorsPerOrganization() + "名，无法随机选派"))));
        }
        int ratio = ratioBasisPoints != null ? ratioBasisPoints : policy.minimumFor(new RegistrationAuthority(authorityCode).level());
        String recordedSeed = seed != null ? seed : newSeed();
        String id = "SC-" + authorityCode + "-" + year + "-" + newSeed().substring(0, 8).toUpperCase();
        return registrations.registered(authorityCode)
                .filter(Organization::goodStanding)
                .filter(o -> types.isEmpty() || types.contains(o.type()))
                .collectMap(Organization::id, o -> new DrawnOrganization(o.name().fullName(), o.creditCode()))
                .flatMap(population -> {
                    var t = SpotCheckPlan.draw(id, authorityCode, year, ratio, recordedSeed, List.copyOf(population.keySet()), pool,
                            policy, LocalDate.now(clock));
                    SpotCheckPlan plan = t.next();
                    Map<String, DrawnOrganization> drawn = new LinkedHashMap<>();
                    plan.assignments().keySet().forEach(o -> drawn.put(o, population.get(o)));
                    Map<String, Object> filters = Map.of("types", types.stream().map(Enum::name).sorted().toList(),
                            "goodStandingOnly", true);
                    EventEnvelope e = envelope(plan, "plan-drawn", t.event(), p, Role.INSPECTOR, traceparent);
                    return store.insert(plan, drawn, filters, List.of(e)).thenReturn(new StoredPlan(plan, drawn, filters));
                });
    }

    public Mono<StoredPlan> plan(Principal p, String id) {
        return store.plan(id).switchIfEmpty(Mono.error(() -> new NotFoundProblem("spot-check", id)))
                .doOnNext(s -> {
                    AccessPolicy.requireAnyRole(p, Role.INSPECTOR, Role.REGISTRAR, Role.AUDITOR);
                    AccessPolicy.requireMayActOn(p, s.plan().authorityCode(), null);
                });
    }

    /**
     * The recorded draw re-run from its seed, population and pool, and the population's digest computed
     * again: {@code identical} false means the record was altered (the draw or the population differs
     * from what was drawn and published in the plan-drawn event). Hashing a large population is CPU work,
     * so it runs on the bounded-elastic scheduler.
     */
    public Mono<Replay> replay(Principal p, String id) {
        return plan(p, id).publishOn(Schedulers.boundedElastic()).map(s -> {
            SpotCheckPlan plan = s.plan();
            Map<String, List<String>> again = plan.redraw(policy);
            String recomputed = plan.currentPopulationDigest();
            String recorded = plan.populationDigest() != null ? plan.populationDigest() : recomputed;
            return new Replay(plan.id(), plan.seed(), plan.method(), plan.ratioBasisPoints(), plan.population().size(),
                    recorded, recomputed, plan.assignments(), again, again.equals(plan.assignments()) && recorded.equals(recomputed));
        });
    }

    /** The signed-in inspector records the result of checking one drawn organization. */
    public Mono<StoredPlan> recordResult(Principal p, String id, long ifMatch, String organizationId, boolean problemsFound,
                                         String findings, String traceparent) {
        return plan(p, id).flatMap(s -> {
            AccessPolicy.requireAnyRole(p, Role.INSPECTOR);
            var t = s.plan().recordResult(organizationId,
                    new SpotCheckPlan.CheckResult(p.subject(), problemsFound, findings, LocalDate.now(clock)));
            return save(s, ifMatch, t, "result-recorded", p, Role.INSPECTOR, traceparent);
        });
    }

    /** 一公开. */
    public Mono<StoredPlan> publish(Principal p, String id, long ifMatch, String traceparent) {
        return plan(p, id).flatMap(s -> {
            AccessPolicy.requireAnyRole(p, Role.INSPECTOR, Role.REGISTRAR);
            var t = s.plan().publish(LocalDate.now(clock));
            return save(s, ifMatch, t, "published", p, p.has(Role.REGISTRAR) ? Role.REGISTRAR : Role.INSPECTOR, traceparent);
        });
    }

    public Mono<StoredPlan> publishedPlan(String id) {
        return store.plan(id).filter(s -> s.plan().status() == SpotCheckPlan.PlanStatus.PUBLISHED)
                .switchIfEmpty(Mono.error(() -> new NotFoundProblem("spot-check", id)));
    }

    public Flux<StoredPlan> published(String authorityPrefix, String cursor, int size) {
        return store.published(authorityPrefix, cursor, size);
    }

    private Mono<StoredPlan> save(StoredPlan s, long ifMatch, cn.minzheng.org.registration.Transitioned<SpotCheckPlan> t, String name,
                                  Principal p, Role role, String traceparent) {
        SpotCheckPlan current = s.plan();
        if (current.version() != ifMatch) {
            return Mono.error(new StaleVersionProblem(ifMatch, current.version()));
        }
        EventEnvelope e = envelope(t.next(), name, t.event(), p, role, traceparent);
        return store.update(t.next(), current.version(), List.of(e))
                .flatMap(ok -> ok ? Mono.just(new StoredPlan(t.next(), s.drawn(), s.filters()))
                        : Mono.error(new StaleVersionProblem(ifMatch, null)));
    }

    private EventEnvelope envelope(SpotCheckPlan plan, String name, cn.minzheng.org.events.DomainEvent event, Principal p, Role role,
                                   String traceparent) {
        Role acting = p.has(role) || p.isAdmin() ? role : p.roles().stream().findFirst().orElse(role);
        return events.envelope(OrgEventTypes.of("spot-check", name), "spot-check", plan.id(), plan.id(), plan.authorityCode(),
                plan.version(), event, new Actor(p.subject(), acting.name()), traceparent);
    }

    private static String newSeed() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** What an auditor gets from re-running a recorded draw. */
    public record Replay(String planId, String seed, String method, int ratioBasisPoints, int populationSize,
                         String populationDigest, String replayedPopulationDigest,
                         Map<String, List<String>> recorded, Map<String, List<String>> replayed, boolean identical) {
    }
}
