package cn.minzheng.org.spotcheck;

import cn.minzheng.org.web.RegionScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import cn.minzheng.org.registration.RegistrationService;
import cn.minzheng.platform.kit.domain.Transitioned;
import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.org.events.Actor;
import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.events.OrgEventTypes;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.RuleViolation;
import cn.minzheng.org.registration.Organization;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.organization.RegistrationAuthority;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.org.spotcheck.SpotCheckStore.DrawnOrganization;
import cn.minzheng.org.spotcheck.SpotCheckStore.StoredPlan;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.problem.ConflictProblem;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import cn.minzheng.platform.kit.security.AccessPolicy;
import cn.minzheng.platform.kit.security.Principal;
import cn.minzheng.platform.kit.security.Role;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
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
    private final InspectorRoster roster;
    private final OrgEventFactory events;
    private final Clock clock;

    public SpotCheckService(SpotCheckStore store, RegistrationStore registrations, SpotCheckPolicy policy,
                            InspectorRoster roster, OrgEventFactory events, Clock clock) {
        this.store = store;
        this.registrations = registrations;
        this.policy = policy;
        this.roster = roster == null ? new InspectorRoster(Map.of()) : roster;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The first draw of the authority's slots for {@code year} and {@code types}. The seed is 128 bits
     * from the server's SecureRandom, recorded with the plan (never taken from the caller, so nobody can
     * try seeds until a favoured organization is left out); the inspector pool is the configured roster
     * with its 回避 entries. A slot already drawn is refused (409 {@code spot-check-already-drawn}): only
     * {@link #redraw} replaces a plan.
     *
     * @param ratioBasisPoints null: the legal minimum of the authority's level
     * @param types            empty: every type
     */
    public Mono<StoredPlan> draw(Principal p, String authorityCode, int year, Integer ratioBasisPoints,
                                 Set<OrganizationType> types, String traceparent) {
        AccessPolicy.requireAnyRole(p, Role.INSPECTOR, Role.REGISTRAR);
        if (!AccessPolicy.mayActInRegion(p, authorityCode)) {
            return Mono.error(new ForbiddenProblem());
        }
        requireRoster(authorityCode);
        int ratio = ratioBasisPoints != null ? ratioBasisPoints : policy.minimumFor(new RegistrationAuthority(authorityCode).level());
        String id = newPlanId(authorityCode, year);
        SpotCheckPlan.requireRatio(authorityCode, ratio, policy);
        Map<OrganizationType, String> slots = SpotCheckPlan.slotsOf(authorityCode, year, types, 0);
        return refuseIfDrawn(slots)
                .then(population(authorityCode, types))
                .flatMap(pop -> {
                    var t = SpotCheckPlan.draw(id, authorityCode, year, types, ratio, newSeed(), pop.ids(),
                            roster.poolFor(authorityCode, pop.candidates()), policy, LocalDate.now(clock));
                    return insert(t, pop, types, p, traceparent)
                            .onErrorResume(DuplicateKeyException.class, e -> refuseIfDrawn(slots).then(Mono.error(e)));
                });
    }

    /**
     * 重新抽取: replaces the standing plan {@code id} with a new draw (new server seed, current population
     * and roster, same authority, year, types and ratio) for a written reason — REGISTRAR or ADMIN only.
     * The new plan is written first (its plan-drawn event names the replaced plan and carries the reason;
     * the unique slot of the next generation lets only one redraw of a plan through), then the old plan
     * becomes SUPERSEDED with the same reason; both stay in the public record.
     */
    public Mono<StoredPlan> redraw(Principal p, String id, String reason, String traceparent) {
        AccessPolicy.requireAnyRole(p, Role.REGISTRAR);
        SpotCheckPlan.requireReason(reason);
        return plan(p, id).flatMap(original -> {
            SpotCheckPlan old = original.plan();
            requireRoster(old.authorityCode());
            String newId = newPlanId(old.authorityCode(), old.year());
            Set<OrganizationType> types = old.types().isEmpty() ? Set.of() : EnumSet.copyOf(old.types());
            return population(old.authorityCode(), types).flatMap(pop -> {
                var t = old.redraw(newId, reason, newSeed(), pop.ids(), roster.poolFor(old.authorityCode(), pop.candidates()), policy,
                        LocalDate.now(clock));
                return insert(t, pop, types, p, traceparent)
                        .onErrorResume(DuplicateKeyException.class, e -> store.holders(t.next().drawSlots()).next()
                                .flatMap(existing -> completeSupersession(existing.plan(), 3)
                                        .then(Mono.<StoredPlan>error(new ConflictProblem("spot-check-already-redrawn",
                                                id, existing.plan().id()))))
                                .switchIfEmpty(Mono.error(e)))
                        .flatMap(redrawn -> completeSupersession(redrawn.plan(), 3).thenReturn(redrawn));
            });
        });
    }

    /**
     * Marks the plan {@code redraw} replaced as SUPERSEDED (by it, with its reason) unless it already is;
     * retried on a concurrent change of the old plan (a result recorded meanwhile).
     */
    private Mono<Void> completeSupersession(SpotCheckPlan redraw, int attempts) {
        String oldId = redraw.lineage().redrawOf();
        if (oldId == null) {
            return Mono.empty();
        }
        return store.plan(oldId).flatMap(s -> {
            SpotCheckPlan old = s.plan();
            if (old.status() != SpotCheckPlan.PlanStatus.DRAWN) {
                return Mono.<Void>empty();
            }
            SpotCheckPlan next = old.supersededBy(redraw.id(), redraw.lineage().redrawReason(), redraw.drawnOn());
            return store.update(next, old.version(), List.of()).flatMap(ok -> ok || attempts <= 1 ? Mono.<Void>empty()
                    : completeSupersession(redraw, attempts - 1));
        });
    }

    private Mono<StoredPlan> insert(Transitioned<SpotCheckPlan, DomainEvent> t, Population pop,
                                    Set<OrganizationType> types, Principal p, String traceparent) {
        SpotCheckPlan plan = t.next();
        Map<String, DrawnOrganization> drawn = new LinkedHashMap<>();
        plan.assignments().keySet().forEach(o -> drawn.put(o, pop.drawn().get(o)));
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("types", types.stream().map(Enum::name).sorted().toList());
        filters.putAll(pop.record());
        Role role = plan.lineage().redrawOf() != null ? Role.REGISTRAR : Role.INSPECTOR;
        EventEnvelope e = envelope(plan, "plan-drawn", t.event(), p, role, traceparent);
        return store.insert(plan, drawn, filters, List.of(e)).thenReturn(new StoredPlan(plan, drawn, filters));
    }

    /** 409 naming the plan that already holds one of {@code slots}, with what to do instead. */
    private Mono<Void> refuseIfDrawn(Map<OrganizationType, String> slots) {
        return store.holders(slots).next().flatMap(holder -> Mono.error(new ConflictProblem("spot-check-already-drawn",
                holder.plan().id(), String.valueOf(holder.plan().year()))));
    }

    private void requireRoster(String authorityCode) {
        if (roster.inspectorsOf(authorityCode).size() < policy.inspectorsPerOrganization()) {
            throw new RuleViolation("TOO_FEW_INSPECTORS", List.of(new FieldProblem("/authorityCode", "TOO_FEW_INSPECTORS",
                    "本机关执法检查人员名录不足" + policy.inspectorsPerOrganization()
                            + "名，无法随机选派；名录由系统配置维护，请联系管理员补充后再抽取")));
        }
    }

    /**
     * The authority's registrants (of {@code types}; empty: all) — in good standing or not, as the rules read
     * ([抽查]) — minus the configured exclusions, which are recorded with the draw.
     */
    private Mono<Population> population(String authorityCode, Set<OrganizationType> types) {
        LocalDate on = LocalDate.now(clock);
        return registrations.registered(authorityCode)
                .filter(o -> types.isEmpty() || types.contains(o.type()))
                .collectList()
                .map(all -> {
                    DrawPopulation population = DrawPopulation.of(all, policy.exclusions(), on);
                    Map<String, DrawnOrganization> drawn = new LinkedHashMap<>();
                    List<InspectorRoster.Candidate> candidates = new ArrayList<>();
                    for (Organization o : population.included()) {
                        drawn.put(o.id(), new DrawnOrganization(o.name().fullName(), o.creditCode()));
                        Set<String> persons = new HashSet<>();
                        if (o.legalRepresentative() != null) {
                            persons.add(o.legalRepresentative().idNumber());
                        }
                        o.officers().forEach(x -> persons.add(x.idNumber()));
                        persons.remove(null);
                        candidates.add(new InspectorRoster.Candidate(o.id(), o.creditCode(), persons));
                    }
                    return new Population(List.copyOf(drawn.keySet()), drawn, candidates, population.record());
                });
    }

    private record Population(List<String> ids, Map<String, DrawnOrganization> drawn, List<InspectorRoster.Candidate> candidates,
                              Map<String, Object> record) {
    }

    public Mono<StoredPlan> plan(Principal p, String id) {
        return store.plan(id).switchIfEmpty(Mono.error(() -> new NotFoundProblem("spot-check", id)))
                .doOnNext(s -> {
                    AccessPolicy.requireAnyRole(p, Role.INSPECTOR, Role.REGISTRAR, Role.AUDITOR);
                    RegionScope.requireVisible(p, s.plan().authorityCode(), null, "spot-check", id);
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
            Map<String, List<String>> again = plan.replay(policy);
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
            // 回避: not the check of an organization one acts for
            return registrations.organization(organizationId).doOnNext(o -> AccessPolicy.requireNotOwnCase(p,
                    o.organization().authorityCode(), Arrays.asList(o.agentSubject()),
                    RegistrationService.OWN_ORGANIZATION_CASE, organizationId)).thenReturn(s);
        }).flatMap(s -> {
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

    /** A plan of the public record: published, or superseded by a redraw. */
    public Mono<StoredPlan> publishedPlan(String id) {
        return store.plan(id).filter(s -> s.plan().status() != SpotCheckPlan.PlanStatus.DRAWN)
                .switchIfEmpty(Mono.error(() -> new NotFoundProblem("spot-check", id)));
    }

    public Flux<StoredPlan> published(String authorityPrefix, String cursor, int size) {
        return store.published(authorityPrefix, cursor, size);
    }

    private Mono<StoredPlan> save(StoredPlan s, long ifMatch, Transitioned<SpotCheckPlan, DomainEvent> t, String name,
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

    private EventEnvelope envelope(SpotCheckPlan plan, String name, DomainEvent event, Principal p, Role role,
                                   String traceparent) {
        Role acting = p.has(role) || p.isAdmin() ? role : p.roles().stream().findFirst().orElse(role);
        return events.envelope(OrgEventTypes.of("spot-check", name), "spot-check", plan.id(), plan.id(), plan.authorityCode(),
                plan.version(), event, new Actor(p.subject(), acting.name()), traceparent);
    }

    private static String newPlanId(String authorityCode, int year) {
        return "SC-" + authorityCode + "-" + year + "-" + newSeed().substring(0, 8).toUpperCase(Locale.ROOT);
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
