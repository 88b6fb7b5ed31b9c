package cn.minzheng.org.enforcement;

import cn.minzheng.org.enforcement.BanCase.Statement;
import cn.minzheng.org.events.Actor;
import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.events.OrgEventTypes;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.RuleViolation;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.org.web.RegionScope;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.domain.Transitioned;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import cn.minzheng.platform.kit.security.AccessPolicy;
import cn.minzheng.platform.kit.security.Principal;
import cn.minzheng.platform.kit.security.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * 取缔 of unregistered organizations: who may do each step (INSPECTOR or REGISTRAR open, investigate, propose and
 * serve the notice; a LEGAL_REVIEWER reviews; a REGISTRAR decides, delivers, executes and closes — as for a
 * penalty case), the region rule (a case of another region answers 404, as a missing one) and the store.
 * The group has no account on the platform: its statements are recorded by staff.
 */
public class BanCaseService {
    /** The resource a 404 names. */
    private static final String RESOURCE = resource();
    private final BanCaseStore store;
    private final RegistrationStore registrations;
    private final BanPolicy policy;
    private final WorkingDayCalendar calendar;
    private final OrgEventFactory events;
    private final Clock clock;

    public BanCaseService(BanCaseStore store, RegistrationStore registrations, BanPolicy policy, WorkingDayCalendar calendar,
                          OrgEventFactory events, Clock clock) {
        this.store = store;
        this.registrations = registrations;
        this.policy = policy;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    private static String resource() {
        return "ban-case";
    }

    public LocalDate businessDate() {
        return LocalDate.now(clock);
    }

    public BanPolicy policy() {
        return policy;
    }

    /**
     * 立案 against a name in the caller's region ({@code authorityCode}: the 登记管理机关 where the group acts). A
     * name that a registered organization holds is refused (422 at {@code /name}): that is a penalty case.
     */
    public Mono<BanCase> open(Principal p, String authorityCode, String name, BanGround ground, String facts, String whereabouts,
                              String principals, String traceparent) {
        AccessPolicy.requireAnyRole(p, Role.INSPECTOR, Role.REGISTRAR);
        if (!AccessPolicy.mayActInRegion(p, authorityCode)) {
            return Mono.error(ForbiddenProblem.onCaseIn(authorityCode, ForbiddenProblem.CODE));
        }
        String id = "BC-" + authorityCode + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Transitioned<BanCase, DomainEvent> t = BanCase.open(id, name, authorityCode, ground, facts, whereabouts, principals, policy,
                businessDate());
        BanCase c = t.next();
        return registrations.registeredNamed(c.name()).next()
                .flatMap(o -> Mono.<BanCase>error(new RuleViolation("NAME_IS_REGISTERED", List.of(new FieldProblem("/name", "NAME_IS_REGISTERED",
                        "「" + c.name() + "」是已登记的社会组织（统一社会信用代码" + o.creditCode() + "），不属于取缔对象；"
                                + "其违法行为请立行政处罚案件")))))
                .switchIfEmpty(Mono.defer(() -> store.insert(c, List.of(envelope(c, t, p, traceparent, Role.INSPECTOR, Role.REGISTRAR)))));
    }

    /** Staff of the case's region and auditors there; another region's case answers 404 as a missing one. */
    public Mono<BanCase> banCase(Principal p, String id) {
        return store.banCase(id).switchIfEmpty(Mono.error(() -> new NotFoundProblem(RESOURCE, id)))
                .doOnNext(c -> RegionScope.requireVisible(p, c.authorityCode(), null, RESOURCE, id));
    }

    public Flux<BanCase> cases(Principal p, boolean overdue, String cursor, int size) {
        return store.cases(AccessPolicy.scopeOf(p), overdue ? businessDate() : null, cursor, size);
    }

    public Mono<BanCase> recordEvidence(Principal p, String id, long ifMatch, String kind, String description, String traceparent) {
        return command(p, id, ifMatch, traceparent,
                c -> c.recordEvidence(new EnforcementCase.Evidence(kind, description, p.subject(), businessDate())), Role.INSPECTOR, Role.REGISTRAR);
    }

    public Mono<BanCase> propose(Principal p, String id, long ifMatch, String reasons, String traceparent) {
        return command(p, id, ifMatch, traceparent, c -> c.propose(reasons), Role.INSPECTOR, Role.REGISTRAR);
    }

    public Mono<BanCase> serveNotice(Principal p, String id, long ifMatch, String traceparent) {
        return command(p, id, ifMatch, traceparent, c -> c.serveNotice(businessDate(), calendar, policy), Role.INSPECTOR, Role.REGISTRAR);
    }

    public Mono<BanCase> recordStatement(Principal p, String id, long ifMatch, String text, boolean concluding, String traceparent) {
        return command(p, id, ifMatch, traceparent, c -> c.recordStatement(new Statement(text, concluding, businessDate())),
                Role.INSPECTOR, Role.REGISTRAR);
    }

    public Mono<BanCase> review(Principal p, String id, long ifMatch, boolean approved, String opinion, String traceparent) {
        return command(p, id, ifMatch, traceparent, c -> c.review(p.subject(), approved, opinion, businessDate()), Role.LEGAL_REVIEWER);
    }

    public Mono<BanCase> decide(Principal p, String id, long ifMatch, String reference, String reasons, String traceparent) {
        return command(p, id, ifMatch, traceparent, c -> c.decide(reference, reasons, businessDate(), calendar, policy), Role.REGISTRAR);
    }

    public Mono<BanCase> deliver(Principal p, String id, long ifMatch, boolean byAnnouncement, String traceparent) {
        return command(p, id, ifMatch, traceparent, c -> c.deliver(byAnnouncement, businessDate()), Role.REGISTRAR);
    }

    public Mono<BanCase> execute(Principal p, String id, long ifMatch, List<String> seized, String note, String traceparent) {
        return command(p, id, ifMatch, traceparent, c -> c.execute(seized, note, businessDate()), Role.REGISTRAR);
    }

    public Mono<BanCase> close(Principal p, String id, long ifMatch, String reason, String traceparent) {
        return command(p, id, ifMatch, traceparent, c -> c.close(reason, businessDate()), Role.REGISTRAR);
    }

    private Mono<BanCase> command(Principal p, String id, long ifMatch, String traceparent,
                                  Function<BanCase, Transitioned<BanCase, DomainEvent>> change, Role... roles) {
        return banCase(p, id).flatMap(c -> {
            AccessPolicy.requireAnyRole(p, roles);
            RegionScope.requireInRegion(p, c.authorityCode(), RESOURCE, id);
            if (c.version() != ifMatch) {
                return Mono.error(new StaleVersionProblem(ifMatch, c.version()));
            }
            Transitioned<BanCase, DomainEvent> t = change.apply(c);
            return store.update(t.next(), c.version(), List.of(envelope(t.next(), t, p, traceparent, roles)))
                    .flatMap(ok -> ok ? Mono.just(t.next()) : Mono.error(new StaleVersionProblem(c.version(), null)));
        });
    }

    /** Under the enforcement-case types of the catalogue (key and subject = case id); the actor's role is the first of {@code roles} held. */
    private EventEnvelope envelope(BanCase c, Transitioned<BanCase, DomainEvent> t, Principal p, String traceparent, Role... roles) {
        Role role = Arrays.stream(roles).filter(p::has).findFirst().orElse(p.isAdmin() ? Role.ADMIN : roles[0]);
        return events.envelope(OrgEventTypes.of("enforcement-case", t.event().name()), "enforcement-case", c.id(), c.id(),
                c.authorityCode(), c.version(), t.event(), new Actor(p.subject(), role.name()), traceparent);
    }
}
