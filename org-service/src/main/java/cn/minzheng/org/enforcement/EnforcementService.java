package cn.minzheng.org.enforcement;

import cn.minzheng.org.web.RegionScope;
import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.org.creditlist.CreditListing;
import cn.minzheng.org.enforcement.EnforcementCase.Evidence;
import cn.minzheng.org.enforcement.EnforcementCase.Statement;
import cn.minzheng.org.enforcement.EnforcementStore.StoredCase;
import cn.minzheng.org.events.Actor;
import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.events.OrgEventTypes;
import cn.minzheng.org.registration.Organization;
import cn.minzheng.org.registration.RegistrationService;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.kit.domain.Transitioned;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import cn.minzheng.platform.kit.security.AccessPolicy;
import cn.minzheng.platform.kit.security.Principal;
import cn.minzheng.platform.kit.security.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import cn.minzheng.org.web.Page;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * 行政处罚 of social organizations: who may do each step, the case store, and the effects of a
 * delivered decision (credit lists; 撤销 through the organization's revocation). The effects run before
 * the delivery is saved and are re-runnable, so a retried delivery completes them.
 */
public class EnforcementService {
    private final EnforcementStore store;
    private final RegistrationStore registrations;
    private final RegistrationService registration;
    private final CreditListing listing;
    private final DiscretionBenchmarks benchmarks;
    private final EnforcementPolicy policy;
    private final WorkingDayCalendar calendar;
    private final OrgEventFactory events;
    private final Clock clock;
    /** [SG]第二十九条 / [JJ]第四十一条: no activity for this long after registration is a 撤销 ground. */
    private final java.time.Period noActivityWindow;

    public EnforcementService(EnforcementStore store, RegistrationStore registrations, RegistrationService registration,
                              CreditListing listing, DiscretionBenchmarks benchmarks, EnforcementPolicy policy,
                              WorkingDayCalendar calendar, OrgEventFactory events, Clock clock, java.time.Period noActivityWindow) {
        this.noActivityWindow = noActivityWindow;
        this.store = store;
        this.registrations = registrations;
        this.registration = registration;
        this.listing = listing;
        this.benchmarks = benchmarks;
        this.policy = policy;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The business date (the service's clock), e.g. for the overdue flag of a case view. */
    public LocalDate businessDate() {
        return today();
    }

    /**
     * The published 行政处罚决定 (公示), newest first: one page after the cursor, of authorities under a
     * region prefix (all when null). Each with the organization's credit code, the legal basis of its
     * 裁量基准 band and the last day of its publication period (working days on the platform calendar).
     */
    public Mono<Page<PublishedDecision>> publishedDecisions(String authorityPrefix, String cursor, int size) {
        return store.decided(authorityPrefix, cursor, size + 1)
                .concatMap(s -> registrations.organization(s.enforcementCase().organizationId())
                        .map(o -> o.organization().creditCode()).defaultIfEmpty("")
                        .map(code -> Map.entry(s, code)))
                .collectList()
                .map(all -> {
                    List<PublishedDecision> items = all.stream().limit(size).map(e -> published(e.getKey(), e.getValue())).toList();
                    String next = all.size() > size ? Page.cursorAfter(all.get(size - 1).getKey().enforcementCase().id()) : null;
                    return new Page<>(items, next);
                });
    }

    private PublishedDecision published(StoredCase s, String creditCode) {
        EnforcementCase c = s.enforcementCase();
        String basis = benchmarks.legalBasis(c.violation(), c.severity());
        LocalDate publishBy = calendar.addWorkingDays(c.decision().decidedOn(), policy.publicationWorkingDays()).date();
        return PublishedDecision.of(c, s.organizationName(), creditCode.isEmpty() ? null : creditCode, basis, publishBy);
    }

    public DiscretionBenchmarks benchmarks() {
        return benchmarks;
    }

    public Mono<StoredCase> open(Principal p, String organizationId, String violation, String facts, String traceparent) {
        AccessPolicy.requireAnyRole(p, Role.INSPECTOR, Role.REGISTRAR);
        return registrations.organization(organizationId)
                .switchIfEmpty(Mono.error(() -> new NotFoundProblem("organization", organizationId)))
                .flatMap(s -> {
                    Organization o = s.organization();
                    // another region's organization answers as a missing one (docs/contracts.md, status codes)
                    RegionScope.requireInRegion(p, o.authorityCode(), "organization", organizationId);
                    // 回避: not against an organization one acts for
                    AccessPolicy.requireNotOwnCase(p, o.authorityCode(), Arrays.asList(s.agentSubject()),
                            RegistrationService.OWN_ORGANIZATION_CASE, o.id());
                    RevocationGrounds.requirePeriodRun(violation, o.registeredOn(), today(), noActivityWindow);
                    String id = "EC-" + o.authorityCode() + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
                    var t = EnforcementCase.open(id, o.id(), o.authorityCode(), violation, facts, benchmarks, policy, today());
                    EnforcementCase c = t.next();
                    return store.insert(c, s.agentSubject(), o.name().fullName(),
                                    List.of(envelope(c, t, p, traceparent, Role.INSPECTOR, Role.REGISTRAR)))
                            .thenReturn(new StoredCase(c, s.agentSubject(), o.name().fullName()));
                });
    }

    /** Staff of the case's region (and auditors there) or the party's representative. */
    public Mono<StoredCase> enforcementCase(Principal p, String id) {
        return store.enforcementCase(id).switchIfEmpty(Mono.error(() -> new NotFoundProblem("enforcement-case", id)))
                .doOnNext(s -> RegionScope.requireVisible(p, s.enforcementCase().authorityCode(), s.agentSubject(), "enforcement-case", id));
    }

    public Flux<StoredCase> cases(Principal p, String organizationId, boolean overdue, String cursor, int size) {
        return store.cases(AccessPolicy.scopeOf(p), organizationId, overdue ? today() : null, cursor, size);
    }

    public Mono<StoredCase> recordEvidence(Principal p, String id, long ifMatch, String kind, String description, String traceparent) {
        return command(p, id, ifMatch, traceparent, false, c -> c.recordEvidence(new Evidence(kind, description, p.subject(), today())),
                Role.INSPECTOR, Role.REGISTRAR);
    }

    public Mono<StoredCase> propose(Principal p, String id, long ifMatch, Severity severity, List<Penalty> penalties, String reasons,
                                    String traceparent) {
        return command(p, id, ifMatch, traceparent, false, c -> c.propose(severity, penalties, reasons, benchmarks),
                Role.INSPECTOR, Role.REGISTRAR);
    }

    public Mono<StoredCase> serveNotice(Principal p, String id, long ifMatch, String traceparent) {
        return command(p, id, ifMatch, traceparent, false, c -> c.serveNotice(today(), calendar, policy), Role.INSPECTOR, Role.REGISTRAR);
    }

    /** 陈述、申辩: by the party's representative, or recorded by staff from a written or oral statement. */
    public Mono<StoredCase> recordStatement(Principal p, String id, long ifMatch, String text, boolean defence, boolean waivesHearing,
                                            String traceparent) {
        return command(p, id, ifMatch, traceparent, true, c -> c.recordStatement(new Statement(text, defence, waivesHearing, today())),
                Role.ORG_AGENT, Role.INSPECTOR, Role.REGISTRAR);
    }

    public Mono<StoredCase> requestHearing(Principal p, String id, long ifMatch, String traceparent) {
        return command(p, id, ifMatch, traceparent, true, c -> c.requestHearing(today()), Role.ORG_AGENT, Role.REGISTRAR);
    }

    /** 听证 time and place, noticed to the party at least 7 days ahead; again to postpone. */
    public Mono<StoredCase> scheduleHearing(Principal p, String id, long ifMatch, LocalDate hearingDate, String place,
                                            LocalDate noticeDeliveredOn, String traceparent) {
        return command(p, id, ifMatch, traceparent, false, c -> c.scheduleHearing(hearingDate, place, noticeDeliveredOn, today(), policy),
                Role.REGISTRAR);
    }

    public Mono<StoredCase> holdHearing(Principal p, String id, long ifMatch, String record, String traceparent) {
        return command(p, id, ifMatch, traceparent, false, c -> c.holdHearing(record, today()), Role.REGISTRAR);
    }

    /** 法制审核: only a LEGAL_REVIEWER (not the case handler's role). */
    public Mono<StoredCase> review(Principal p, String id, long ifMatch, boolean approved, String opinion, String traceparent) {
        return command(p, id, ifMatch, traceparent, false, c -> c.review(p.subject(), approved, opinion, today()), Role.LEGAL_REVIEWER);
    }

    public Mono<StoredCase> decide(Principal p, String id, long ifMatch, String reference, List<Penalty> penalties, String reasons,
                                   String traceparent) {
        return command(p, id, ifMatch, traceparent, false, c -> c.decide(reference, penalties, reasons, benchmarks, policy, today()),
                Role.REGISTRAR);
    }

    /** 送达: the decision takes effect; credit lists and 撤销 follow from it. */
    public Mono<StoredCase> deliver(Principal p, String id, long ifMatch, String traceparent) {
        return enforcementCase(p, id).flatMap(s -> {
            AccessPolicy.requireAnyRole(p, Role.REGISTRAR);
            notParty(p, s);
            EnforcementCase c = s.enforcementCase();
            if (c.version() != ifMatch) {
                return Mono.error(new StaleVersionProblem(ifMatch, c.version()));
            }
            var t = c.deliver(today());
            Actor actor = new Actor(p.subject(), Role.REGISTRAR.name());
            boolean small = PenaltyListing.small(c.decision().penalties(), policy);
            return effects(c, actor).then(save(s, t, p, traceparent, small ? Map.of("smallPenaltyOn", today().toString()) : Map.of(),
                    Role.REGISTRAR));
        });
    }

    public Mono<StoredCase> execute(Principal p, String id, long ifMatch, String note, String traceparent) {
        return command(p, id, ifMatch, traceparent, false, c -> c.execute(note, today()), Role.REGISTRAR);
    }

    public Mono<StoredCase> close(Principal p, String id, long ifMatch, String reason, String traceparent) {
        return command(p, id, ifMatch, traceparent, false, c -> c.close(reason, today()), Role.REGISTRAR);
    }

    private Mono<Void> effects(EnforcementCase c, Actor actor) {
        LocalDate on = today();
        List<Penalty> decided = c.decision().penalties();
        Mono<Void> revoke = decided.stream().anyMatch(x -> x.kind() == PenaltyKind.REVOCATION)
                ? registration.revokeByDecision(c.organizationId(), c.decision().reference(), c.decision().reasons(), actor, 3)
                : Mono.empty();
        Mono<Void> list = store.smallPenaltiesSince(c.organizationId(), on.minus(policy.repeatWindow()), c.id())
                .flatMap(earlier -> PenaltyListing.groundFor(decided, earlier.intValue(), policy)
                        .map(ground -> registrations.organization(c.organizationId()).flatMap(s -> listing.list(s.organization(), ground,
                                "PEN-" + c.id(), "行政处罚决定" + c.decision().reference() + "：" + c.facts(), c.noticeServedOn(), on, actor)))
                        .orElse(Mono.empty()));
        return list.then(revoke);
    }

    /**
     * @param partyMay the party's representative (the organization's ORG_AGENT) may also do this
     */
    private Mono<StoredCase> command(Principal p, String id, long ifMatch, String traceparent, boolean partyMay,
                                     Function<EnforcementCase, Transitioned<EnforcementCase, DomainEvent>> change, Role... roles) {
        return enforcementCase(p, id).flatMap(s -> {
            AccessPolicy.requireAnyRole(p, roles);
            boolean party = p.subject().equals(s.agentSubject());
            String region = s.enforcementCase().authorityCode();
            if (p.has(Role.ORG_AGENT) && !p.isStaff() && !(partyMay && party)) {
                return Mono.error(ForbiddenProblem.onCaseIn(region, ForbiddenProblem.CODE));
            }
            if (!partyMay) {
                notParty(p, s);
            }
            if (!party) {
                RegionScope.requireInRegion(p, region, "enforcement-case", id);
            }
            if (s.enforcementCase().version() != ifMatch) {
                return Mono.error(new StaleVersionProblem(ifMatch, s.enforcementCase().version()));
            }
            return save(s, change.apply(s.enforcementCase()), p, traceparent, Map.of(), roles);
        });
    }

    /**
     * 回避: a staff act (investigate, propose, review, decide, deliver, …) on a case against an organization
     * the caller acts for (its agent, who filed its registration) is refused; another staff member must act.
     * The party's own acts (statement, hearing request) stay theirs.
     */
    private static void notParty(Principal p, StoredCase s) {
        AccessPolicy.requireNotOwnCase(p, s.enforcementCase().authorityCode(), Arrays.asList(s.agentSubject()),
                RegistrationService.OWN_ORGANIZATION_CASE, s.enforcementCase().id());
    }

    private Mono<StoredCase> save(StoredCase s, Transitioned<EnforcementCase, DomainEvent> t, Principal p, String traceparent, Map<String, Object> extra,
                                  Role... roles) {
        EnforcementCase current = s.enforcementCase();
        EventEnvelope e = envelope(t.next(), t, p, traceparent, roles);
        return store.update(t.next(), current.version(), List.of(e), extra)
                .flatMap(ok -> ok ? Mono.just(new StoredCase(t.next(), s.agentSubject(), s.organizationName()))
                        : Mono.error(new StaleVersionProblem(current.version(), null)));
    }

    /** The actor's role: the first of {@code roles} the principal holds (ADMIN acting otherwise). */
    private EventEnvelope envelope(EnforcementCase c, Transitioned<EnforcementCase, DomainEvent> t, Principal p, String traceparent, Role... roles) {
        Role role = Arrays.stream(roles).filter(p::has).findFirst().orElse(p.isAdmin() ? Role.ADMIN : roles[0]);
        return events.envelope(OrgEventTypes.of("enforcement-case", t.event().name()), "enforcement-case", c.id(), c.id(),
                c.authorityCode(), c.version(), t.event(), new Actor(p.subject(), role.name()), traceparent);
    }
}
