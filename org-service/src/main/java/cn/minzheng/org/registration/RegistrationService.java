package cn.minzheng.org.registration;

import cn.minzheng.org.web.RegionScope;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.function.Function;
import cn.minzheng.platform.kit.domain.Transitioned;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.organization.RegistrationAuthority;
import cn.minzheng.org.organization.Matter;
import cn.minzheng.platform.codes.money.Fen;
import cn.minzheng.org.creditcode.CreditCodeInput;
import cn.minzheng.org.creditcode.CreditCodeIssuance;
import cn.minzheng.org.creditcode.SerialCounter;
import cn.minzheng.org.deadlines.MatterLimit;
import cn.minzheng.org.deadlines.OnTimeRate;
import cn.minzheng.org.events.Actor;
import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.events.OrgEventTypes;
import cn.minzheng.org.naming.NameClaim;
import cn.minzheng.org.naming.NameRecord;
import cn.minzheng.org.naming.NameRegistryStore;
import cn.minzheng.org.naming.NameRules;
import cn.minzheng.org.naming.NameUniqueness;
import cn.minzheng.org.naming.NameSimilarity;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.ProblemTranslation;
import cn.minzheng.org.problems.RuleViolation;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The registration use cases: 成立, 变更 and 注销 applications through their state machine, approval
 * with name claim and credit-code issuance, 撤销 as a penalty outcome. Every write carries its events.
 */
public class RegistrationService {

    /** 403 code: the caller filed the matter or acts for the organization it concerns (回避). */
    public static final String OWN_ORGANIZATION_CASE = "own-organization-case";
    private final RegistrationStore store;
    private final NameRegistryStore names;
    private final SerialCounter serials;
    private final NameRules nameRules;
    private final NameUniqueness uniqueness;
    private final RegistrationRules rules;
    private final RegistrationPolicy policy;
    private final Map<Matter, MatterLimit> limits;
    private final FilingLimits filingLimits;
    private final CreditCodeIssuance issuance;
    private final WorkingDayCalendar calendar;
    private final OrgEventFactory events;
    private final Clock clock;
    private final NameSimilarity similarity;
    private final Map<OrganizationType, Set<String>> formsByType;

    public RegistrationService(RegistrationStore store, NameRegistryStore names, SerialCounter serials, NameRules nameRules,
                               NameUniqueness uniqueness, RegistrationRules rules, RegistrationPolicy policy,
                               Map<Matter, MatterLimit> limits, FilingLimits filingLimits, WorkingDayCalendar calendar,
                               CreditCodeIssuance issuance, OrgEventFactory events, Clock clock, NameSimilarity similarity,
                               Map<OrganizationType, Set<String>> formsByType) {
        this.similarity = similarity;
        this.formsByType = formsByType;
        this.store = store;
        this.names = names;
        this.serials = serials;
        this.nameRules = nameRules;
        this.uniqueness = uniqueness;
        this.rules = rules;
        this.policy = policy;
        this.limits = limits;
        this.filingLimits = filingLimits;
        this.calendar = calendar;
        this.issuance = issuance;
        this.events = events;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- applications -------------------------------------------------------------------------

    /** 成立登记 application; every rule broken is reported at once and nothing is stored. */
    public Mono<RegistrationApplication> applyFounding(Principal p, String authorityCode, Particulars particulars,
                                                       String applicationId, String traceparent) {
        AccessPolicy.requireAnyRole(p, Role.ORG_AGENT);
        RegistrationAuthority authority = new RegistrationAuthority(authorityCode);
        String organizationId = "ORG-" + UUID.randomUUID();
        return foundingProblems(particulars, authority, null).flatMap(problems -> {
            Set<DocumentKind> missing = particulars.type() == null ? Set.of() : rules.missingDocuments(particulars);
            if (!missing.isEmpty()) {
                throw new FoundingDocumentsMissing(particulars.type(), missing, problems, policy.requiredDocumentsSource());
            }
            ProblemTranslation.throwIfAny(problems);
            var t = RegistrationApplication.founding(applicationId, authorityCode, p.subject(), organizationId, particulars, today());
            return refuseIfSimilar(particulars, authority.regionCode(), null)
                    .then(store.insert(t.next(), applicationEvents(t.next(), t.event(), p, Role.ORG_AGENT, traceparent)));
        });
    }

    /** 变更登记 application by the organization's own representative. */
    public Mono<RegistrationApplication> applyChange(Principal p, String organizationId, ChangeRequest change,
                                                     String applicationId, String traceparent) {
        return ownOrganization(p, organizationId).flatMap(o -> {
            List<FieldProblem> problems = new ArrayList<>();
            if (change.empty()) {
                problems.add(new FieldProblem("/", "CHANGE_EMPTY", "请至少填写一项变更事项"));
            }
            if (change.name() != null) {
                problems.addAll(nameRules.check(change.name(), o.type(), new RegistrationAuthority(o.authorityCode()), "/name"));
            }
            if (change.fundsFen() != null && change.fundsFen() < 0) {
                problems.add(new FieldProblem("/funds", "FUNDS_NEGATIVE", "资金数额不能为负"));
            }
            ProblemTranslation.throwIfAny(problems);
            if (o.restrictedUntilRectified() && (change.name() != null || change.businessScope() != null)) {
                throw new RuleViolation("CHANGE_RESTRICTED", List.of(new FieldProblem(change.name() != null ? "/name" : "/businessScope",
                        "CHANGE_RESTRICTED_UNQUALIFIED", "年检不合格整改期间不得变更名称和业务范围；整改合格后再申请变更")));
            }
            var t = RegistrationApplication.changing(applicationId, o.authorityCode(), p.subject(), o.id(), change, today(), filingLimits);
            return store.insert(t.next(), applicationEvents(t.next(), t.event(), p, Role.ORG_AGENT, traceparent));
        });
    }

    /** 注销登记 application. */
    public Mono<RegistrationApplication> applyDeregistration(Principal p, String organizationId, DeregistrationRequest request,
                                                             String applicationId, String traceparent) {
        return ownOrganization(p, organizationId).flatMap(o -> {
            if (request.liquidationEndedOn() == null || request.liquidationEndedOn().isAfter(today())) {
                ProblemTranslation.throwIfAny(List.of(new FieldProblem("/liquidationEndedOn", "LIQUIDATION_NOT_ENDED", "请填写已结束的清算日期")));
            }
            var t = RegistrationApplication.deregistering(applicationId, o.authorityCode(), p.subject(), o.id(), request, today(),
                    filingLimits);
            return store.insert(t.next(), applicationEvents(t.next(), t.event(), p, Role.ORG_AGENT, traceparent));
        });
    }

    public Mono<RegistrationApplication> application(Principal p, String id) {
        return store.application(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundProblem("application", id)))
                .doOnNext(a -> RegionScope.requireVisible(p, a.authorityCode(), a.applicantSubject(), "application", id));
    }

    /** 一次性告知: the documents still missing plus the registrar's own items. */
    public Mono<RegistrationApplication> requestSupplement(Principal p, String id, long ifMatch, List<String> items, String traceparent) {
        return staffCommand(p, id, ifMatch, Role.REGISTRAR, a -> {
            List<String> all = new ArrayList<>();
            requiredDocuments(a).stream().filter(d -> !a.documents().contains(d)).forEach(d -> all.add(d.title()));
            if (items != null) {
                all.addAll(items);
            }
            return Mono.just(a.requestSupplement(all, today()));
        }, traceparent);
    }

    /** The documents a 成立登记 needs, per type, and where that list comes from (public). */
    public RegistrationPolicy policy() {
        return policy;
    }

    public Mono<RegistrationApplication> resubmit(Principal p, String id, long ifMatch, Set<DocumentKind> added, List<String> supplied,
                                                  String traceparent) {
        return application(p, id).flatMap(a -> {
            if (!a.applicantSubject().equals(p.subject())) {
                return Mono.error(new ForbiddenProblem());
            }
            checkVersion(a, ifMatch);
            var t = a.resubmit(added, supplied, requiredDocuments(a), today());
            return save(a, t, p, Role.ORG_AGENT, traceparent);
        });
    }

    public Mono<RegistrationApplication> accept(Principal p, String id, long ifMatch, String traceparent) {
        return staffCommand(p, id, ifMatch, Role.REGISTRAR,
                a -> Mono.just(a.accept(requiredDocuments(a), limits.get(a.matter()), calendar, today())), traceparent);
    }

    public Mono<RegistrationApplication> refuse(Principal p, String id, long ifMatch, List<String> reasons, String traceparent) {
        return staffCommand(p, id, ifMatch, Role.REGISTRAR, a -> Mono.just(a.refuse(reasons, today())), traceparent);
    }

    /** Approval: the organization changes first (with its events), then the application is closed. */
    public Mono<RegistrationApplication> approve(Principal p, String id, long ifMatch, String traceparent) {
        return application(p, id).flatMap(a -> {
            AccessPolicy.requireAnyRole(p, Role.REGISTRAR);
            return notOwnApplication(p, a).then(Mono.defer(() -> {
                checkVersion(a, ifMatch);
                var approved = a.approve(today()); // checks the transition before anything is written
                Mono<?> effect = switch (a.matter()) {
                    case FOUNDING -> found(p, a, traceparent);
                    case CHANGE -> applyApprovedChange(p, a, traceparent);
                    case DEREGISTRATION -> deregister(p, a, traceparent);
                };
                return effect.then(save(a, approved, p, Role.REGISTRAR, traceparent));
            }));
        });
    }

    // ---- organizations ------------------------------------------------------------------------

    public Mono<RegistrationStore.StoredOrganization> organization(Principal p, String id) {
        return store.organization(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundProblem("organization", id)))
                .doOnNext(s -> RegionScope.requireVisible(p, s.organization().authorityCode(), s.agentSubject(), "organization", id));
    }

    /** 撤销登记, the outcome of an enforcement decision (named by its reference). */
    public Mono<Organization> revoke(Principal p, String id, long ifMatch, String decisionReference, String reason, String traceparent) {
        AccessPolicy.requireAnyRole(p, Role.REGISTRAR);
        return organization(p, id).flatMap(s -> {
            Organization o = s.organization();
            AccessPolicy.requireNotOwnCase(p, o.authorityCode(), Arrays.asList(s.agentSubject()), OWN_ORGANIZATION_CASE, o.id());
            if (o.version() != ifMatch) {
                return Mono.error(new StaleVersionProblem(ifMatch, o.version()));
            }
            if (reason == null || reason.isBlank()) {
                ProblemTranslation.throwIfAny(List.of(new FieldProblem("/reason", "REQUIRED", "撤销登记须书面说明理由")));
            }
            var t = o.revoke(decisionReference, reason, today());
            return store.update(t.next(), o.version(), List.of(orgEnvelope(t.next(), t.event(), o.id(), p, Role.REGISTRAR, traceparent)))
                    .flatMap(ok -> ok ? names.release(NameClaim.of(o.authorityCode(), o.type(), o.name()), o.id(),
                            NameRecord.NameState.RELEASED_BY_REVOCATION, today()).thenReturn(t.next())
                            : Mono.error(new StaleVersionProblem(ifMatch, null)));
        });
    }

    /**
     * 撤销登记 as the effect of a delivered penalty decision (no principal: the decision is the authority).
     * Re-runnable: an organization already revoked is left as it is; a concurrent change is retried.
     */
    public Mono<Void> revokeByDecision(String organizationId, String decisionReference, String reason, Actor actor, int attempts) {
        return store.organization(organizationId)
                .switchIfEmpty(Mono.error(() -> new NotFoundProblem("organization", organizationId)))
                .flatMap(s -> {
                    Organization o = s.organization();
                    if (o.status() == OrganizationStatus.REVOKED) {
                        return Mono.<Void>empty();
                    }
                    var t = o.revoke(decisionReference, reason, today());
                    EventEnvelope e = events.envelope(OrgEventTypes.ofOrganization("revoked"), "organization", o.id(), o.id(),
                            o.authorityCode(), t.next().version(), t.event(), actor, null);
                    return store.update(t.next(), o.version(), List.of(e)).flatMap(ok -> ok
                            ? names.release(NameClaim.of(o.authorityCode(), o.type(), o.name()), o.id(),
                                    NameRecord.NameState.RELEASED_BY_REVOCATION, today())
                            : attempts > 1 ? revokeByDecision(organizationId, decisionReference, reason, actor, attempts - 1)
                            : Mono.error(new ConflictProblem("organization-changed-meanwhile")));
                });
    }

    /** Share of applications decided within the promised limit, per mille. */
    public Mono<OnTimeRate> onTimeRate(Principal p, String authorityPrefix, LocalDate from, LocalDate to) {
        AccessPolicy.requireAnyRole(p, Role.REGISTRAR, Role.AUDITOR);
        if (!p.isAdmin() && (p.region() == null || !authorityPrefix.startsWith(p.region()))) {
            return Mono.error(new ForbiddenProblem());
        }
        return store.decided(authorityPrefix, from, to)
                .filter(a -> a.dueDates() != null)
                .reduce(new long[2], (acc, a) -> {
                    acc[0]++;
                    if (a.dueDates().decidedOnTime(a.decidedOn())) {
                        acc[1]++;
                    }
                    return acc;
                })
                .map(acc -> new OnTimeRate(acc[0], acc[1]));
    }

    // ---- internals ----------------------------------------------------------------------------

    private Mono<List<FieldProblem>> foundingProblems(Particulars particulars, RegistrationAuthority authority, String exceptOrg) {
        List<FieldProblem> problems = new ArrayList<>(nameRules.check(particulars.name(), particulars.type(), authority, "/name"));
        Mono<Boolean> represents = particulars.type() == OrganizationType.SOCIAL_GROUP && particulars.legalRepresentative() != null
                && particulars.legalRepresentative().idNumber() != null
                ? store.representsSocialGroup(particulars.legalRepresentative().idNumber(), exceptOrg) : Mono.just(false);
        return represents.flatMap(r -> {
            problems.addAll(rules.check(particulars, authority, r));
            if (particulars.name() == null || particulars.type() == null) {
                return Mono.just(problems);
            }
            NameClaim claim = NameClaim.of(authority.regionCode(), particulars.type(), particulars.name());
            return names.candidates(claim, particulars.name().fullName()).collectList().map(records -> {
                uniqueness.check(claim, particulars.name().fullName(), records, exceptOrg, today(), "/name").ifPresent(problems::add);
                return problems;
            });
        });
    }

    /**
     * [SG]§13: a same or similar organization already registered in the same area is a mandatory refusal
     * ground — 422 {@code similar-organization-registered} naming it (the rule: {@link NameSimilarity}).
     */
    private Mono<Void> refuseIfSimilar(Particulars particulars, String authorityCode, String exceptOrg) {
        NameClaim claim = NameClaim.of(authorityCode, particulars.type(), particulars.name());
        Set<String> forms = formsByType.getOrDefault(particulars.type(), Set.of());
        return names.inUse(authorityCode).collectList().flatMap(records -> similarity.similarTo(claim, forms, records, exceptOrg, today())
                .map(r -> Mono.<Void>error(new RuleViolation("SIMILAR_ORGANIZATION_REGISTERED", List.of(similarity.problem(r, "/name")))))
                .orElseGet(Mono::empty));
    }

    private Mono<Organization> found(Principal p, RegistrationApplication a, String traceparent) {
        Particulars particulars = a.particulars();
        RegistrationAuthority authority = new RegistrationAuthority(a.authorityCode());
        return store.organization(a.organizationId()).map(RegistrationStore.StoredOrganization::organization)
                .switchIfEmpty(Mono.defer(() -> foundingProblems(particulars, authority, a.organizationId()).flatMap(problems -> {
                    if (!problems.isEmpty()) {
                        return Mono.error(new ConflictProblem("registration-conditions-changed",
                                problems.stream().map(FieldProblem::message).reduce((x, y) -> x + "；" + y).orElse("")));
                    }
                    NameClaim claim = NameClaim.of(a.authorityCode(), particulars.type(), particulars.name());
                    return refuseIfSimilar(particulars, a.authorityCode(), a.organizationId())
                            .then(names.claim(claim, particulars.name().fullName(), a.organizationId(), today()))
                            .then(serials.next(a.authorityCode()))
                            .flatMap(serial -> {
                                String code = issuance.issue(particulars.type(), a.authorityCode(), serial).value();
                                var t = Organization.register(a.organizationId(), code, a.authorityCode(), particulars, today());
                                Organization o = t.next();
                                DomainEvent approved = withApplication(t.event(), a.id());
                                Announcement announcement = new Announcement(o.id(), o.name().fullName(), code, "FOUNDING",
                                        "准予成立登记", today());
                                List<EventEnvelope> envelopes = List.of(orgEnvelope(o, approved, a.id(), p, Role.REGISTRAR, traceparent),
                                        orgEnvelope(o, announced(o, "FOUNDING"), a.id(), p, Role.REGISTRAR, traceparent));
                                return store.insert(o, a.applicantSubject(), envelopes, List.of(announcement))
                                        .onErrorResume(DuplicateKeyException.class, e -> store.organization(o.id())
                                                .map(RegistrationStore.StoredOrganization::organization));
                            });
                })));
    }

    private Mono<Organization> applyApprovedChange(Principal p, RegistrationApplication a, String traceparent) {
        ChangeRequest c = a.change();
        return store.organization(a.organizationId()).switchIfEmpty(Mono.error(() -> new NotFoundProblem("organization", a.organizationId())))
                .flatMap(s -> {
                    Organization o = s.organization();
                    Mono<Void> checks = Mono.empty();
                    if (c.legalRepresentative() != null && o.type() == OrganizationType.SOCIAL_GROUP) {
                        checks = checks.then(store.representsSocialGroup(c.legalRepresentative().idNumber(), o.id()).flatMap(r -> r
                                ? Mono.error(new ConflictProblem("already-represents-social-group")) : Mono.empty()));
                    }
                    if (c.fundsFen() != null) {
                        long min = fundsMinimum(o);
                        if (c.fundsFen() < min) {
                            checks = checks.then(Mono.error(new ConflictProblem("funds-below-minimum", Fen.of(min).yuan())));
                        }
                    }
                    NameClaim oldClaim = NameClaim.of(o.authorityCode(), o.type(), o.name());
                    if (c.name() != null) {
                        NameClaim newClaim = NameClaim.of(o.authorityCode(), o.type(), c.name());
                        checks = checks.then(names.claim(newClaim, c.name().fullName(), o.id(), today()));
                    }
                    var t = o.change(c, today());
                    List<EventEnvelope> envelopes = new ArrayList<>();
                    envelopes.add(orgEnvelope(t.next(), withApplication(t.event(), a.id()), a.id(), p, Role.REGISTRAR, traceparent));
                    Mono<Boolean> write;
                    if (c.announced()) {
                        envelopes.add(orgEnvelope(t.next(), announced(t.next(), "CHANGE"), a.id(), p, Role.REGISTRAR, traceparent));
                        write = store.update(t.next(), o.version(), envelopes, new Announcement(o.id(), t.next().name().fullName(),
                                o.creditCode(), "CHANGE", "准予变更登记：" + String.join("、", t.event().changes().keySet()), today()));
                    } else {
                        write = store.update(t.next(), o.version(), envelopes);
                    }
                    Mono<Void> release = c.name() != null && !NameClaim.of(o.authorityCode(), o.type(), c.name()).key().equals(oldClaim.key())
                            ? names.release(oldClaim, o.id(), NameRecord.NameState.RELEASED_BY_RENAME, today()) : Mono.empty();
                    return checks.then(write).flatMap(ok -> ok ? release.thenReturn(t.next())
                            : Mono.error(new ConflictProblem("organization-changed-meanwhile")));
                });
    }

    private Mono<Organization> deregister(Principal p, RegistrationApplication a, String traceparent) {
        return store.organization(a.organizationId()).switchIfEmpty(Mono.error(() -> new NotFoundProblem("organization", a.organizationId())))
                .flatMap(s -> {
                    Organization o = s.organization();
                    var t = o.deregister(a.deregistration().reason(), today());
                    List<EventEnvelope> envelopes = List.of(
                            orgEnvelope(t.next(), withApplication(t.event(), a.id()), a.id(), p, Role.REGISTRAR, traceparent),
                            orgEnvelope(t.next(), announced(t.next(), "DEREGISTRATION"), a.id(), p, Role.REGISTRAR, traceparent));
                    return store.update(t.next(), o.version(), envelopes, new Announcement(o.id(), o.name().fullName(), o.creditCode(),
                                    "DEREGISTRATION", "准予注销登记", today()))
                            .flatMap(ok -> ok ? names.release(NameClaim.of(o.authorityCode(), o.type(), o.name()), o.id(),
                                    NameRecord.NameState.RELEASED_BY_DEREGISTRATION, today()).thenReturn(t.next())
                                    : Mono.error(new ConflictProblem("organization-changed-meanwhile")));
                });
    }

    private long fundsMinimum(Organization o) {
        boolean national = new RegistrationAuthority(o.authorityCode()).national();
        return switch (o.type()) {
            case SOCIAL_GROUP -> national ? policy.socialGroupFundsNationalFen() : policy.socialGroupFundsLocalFen();
            case PRIVATE_NON_ENTERPRISE -> policy.privateNonEnterpriseDefaultFen();
            case FOUNDATION -> policy.foundationNonPublicFen();
        };
    }

    private Set<DocumentKind> requiredDocuments(RegistrationApplication a) {
        return switch (a.matter()) {
            case FOUNDING -> policy.requiredDocuments().getOrDefault(a.particulars().type(), Set.of());
            case CHANGE -> EnumSet.of(DocumentKind.SPONSOR_CONSENT, DocumentKind.CHANGE_RESOLUTION);
            case DEREGISTRATION -> EnumSet.of(DocumentKind.LIQUIDATION_REPORT, DocumentKind.CERTIFICATE_AND_SEALS);
        };
    }

    private Mono<Organization> ownOrganization(Principal p, String organizationId) {
        AccessPolicy.requireAnyRole(p, Role.ORG_AGENT);
        return store.organization(organizationId)
                .switchIfEmpty(Mono.error(() -> new NotFoundProblem("organization", organizationId)))
                .flatMap(s -> p.subject().equals(s.agentSubject()) || p.isAdmin() ? Mono.just(s.organization())
                        : Mono.error(new ForbiddenProblem()));
    }

    /**
     * 回避: a registrar who filed the application, or is the agent of the organization it concerns (a change
     * or deregistration), does not handle it; another registrar must. Refused with 403
     * {@value #OWN_ORGANIZATION_CASE}, recorded under the application's authority.
     */
    private Mono<Void> notOwnApplication(Principal p, RegistrationApplication a) {
        AccessPolicy.requireNotOwnCase(p, a.authorityCode(), Arrays.asList(a.applicantSubject()), OWN_ORGANIZATION_CASE, a.id());
        if (a.matter() == Matter.FOUNDING || a.organizationId() == null) {
            return Mono.empty();
        }
        return store.organization(a.organizationId())
                .doOnNext(s -> AccessPolicy.requireNotOwnCase(p, a.authorityCode(), Arrays.asList(s.agentSubject()),
                        OWN_ORGANIZATION_CASE, a.id()))
                .then();
    }

    private Mono<RegistrationApplication> staffCommand(Principal p, String id, long ifMatch, Role role,
                                                       Function<RegistrationApplication, Mono<Transitioned<RegistrationApplication, DomainEvent>>> command,
                                                       String traceparent) {
        return application(p, id).flatMap(a -> {
            AccessPolicy.requireAnyRole(p, role);
            return notOwnApplication(p, a).then(Mono.defer(() -> {
                checkVersion(a, ifMatch);
                return command.apply(a).flatMap(t -> save(a, t, p, role, traceparent));
            }));
        });
    }

    private Mono<RegistrationApplication> save(RegistrationApplication before, Transitioned<RegistrationApplication, DomainEvent> t, Principal p,
                                               Role role, String traceparent) {
        return store.update(t.next(), before.version(), applicationEvents(t.next(), t.event(), p, role, traceparent))
                .flatMap(ok -> ok ? Mono.just(t.next()) : Mono.error(new StaleVersionProblem(before.version(), null)));
    }

    private static void checkVersion(RegistrationApplication a, long ifMatch) {
        if (a.version() != ifMatch) {
            throw new StaleVersionProblem(ifMatch, a.version());
        }
    }

    private List<EventEnvelope> applicationEvents(RegistrationApplication a, DomainEvent e, Principal p, Role role, String traceparent) {
        return OrgEventTypes.ofApplication(a.matter(), e.name())
                .map(type -> List.of(events.envelope(type, "organization", a.organizationId(), a.id(), a.authorityCode(), a.version(),
                        e, new Actor(p.subject(), role.name()), traceparent)))
                .orElse(List.of());
    }

    private EventEnvelope orgEnvelope(Organization o, DomainEvent e, String subject, Principal p, Role role, String traceparent) {
        return events.envelope(OrgEventTypes.ofOrganization(e.name()), "organization", o.id(), subject, o.authorityCode(), o.version(),
                e, new Actor(p.subject(), role.name()), traceparent);
    }

    private static DomainEvent announced(Organization o, String matter) {
        Map<String, Object> attributes = new LinkedHashMap<>(o.standingFields());
        attributes.put("matter", matter);
        return new DomainEvent("announced", null, null, null, Map.of(), attributes);
    }

    private static DomainEvent withApplication(DomainEvent e, String applicationId) {
        Map<String, Object> attributes = new LinkedHashMap<>(e.attributes());
        attributes.put("applicationId", applicationId);
        return new DomainEvent(e.name(), e.fromStatus(), e.toStatus(), e.reason(), e.changes(), attributes);
    }

    /** For read-only helpers of the web layer. */
    /** Applications the caller may see (region scope), optionally only those overdue on {@code overdueOn}; one page after the cursor. */
    public Flux<RegistrationApplication> applications(Principal p, ApplicationStatus status, LocalDate overdueOn, String cursor, int size) {
        return store.applications(AccessPolicy.scopeOf(p), status, overdueOn, cursor, size);
    }

    /**
     * The registered organization holding a credit code, if any (公示). The code as typed: blanks
     * dropped, lower case accepted; one that cannot exist is a 400 naming {@code pointer} and what is
     * wrong ({@link CreditCodeInput}), never an empty answer.
     */
    public Mono<Organization> publicByCreditCode(String typed, String pointer) {
        return Mono.fromCallable(() -> CreditCodeInput.read(typed, pointer))
                .flatMap(store::byCreditCode).map(RegistrationStore.StoredOrganization::organization);
    }

    /** Organizations whose name contains the text (公示). */
    public Flux<Organization> publicByName(String text, int size) {
        return store.byName(text, size).map(RegistrationStore.StoredOrganization::organization);
    }

    /** Announcements (成立、变更、注销、撤销公告) since a date. */
    public Flux<Announcement> announcements(LocalDate since, int size) {
        return store.announcements(since, size);
    }
}
