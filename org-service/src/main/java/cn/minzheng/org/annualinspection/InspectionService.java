package cn.minzheng.org.annualinspection;

import cn.minzheng.org.web.RegionScope;
import java.util.Arrays;
import cn.minzheng.org.registration.RegistrationService;
import cn.minzheng.org.creditlist.CreditListPolicy;
import cn.minzheng.org.creditlist.ListingNotice;
import cn.minzheng.org.creditlist.ListingNoticeStore;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import cn.minzheng.org.creditlist.CreditListing;
import cn.minzheng.org.creditlist.EntryGround;
import cn.minzheng.org.events.Actor;
import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.events.OrgEventTypes;
import cn.minzheng.org.outbox.AggregateDocuments;
import cn.minzheng.org.registration.Organization;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.problem.ConflictProblem;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import cn.minzheng.platform.kit.security.AccessPolicy;
import cn.minzheng.platform.kit.security.Principal;
import cn.minzheng.platform.kit.security.Role;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 年检: campaigns, filing and grading of annual reports, and the after-deadline sweep. The sweep
 * can be re-run at any time: each of its effects has a fixed id (outcome per organization and year,
 * 异常名录 entry, revocation proposal) and is written at most once.
 */
public class InspectionService {
    private static final Logger log = LoggerFactory.getLogger(InspectionService.class);
    private final InspectionStore store;
    private final RegistrationStore registrations;
    private final ListingNoticeStore notices;
    private final CreditListPolicy creditListPolicy;
    private final WorkingDayCalendar calendar;
    private final CreditListing listing;
    private final InspectionPolicy policy;
    private final InspectionSweep sweep;
    private final OrgEventFactory events;
    private final Clock clock;

    public InspectionService(InspectionStore store, RegistrationStore registrations, ListingNoticeStore notices, CreditListing listing,
                             InspectionPolicy policy, CreditListPolicy creditListPolicy, WorkingDayCalendar calendar, OrgEventFactory events,
                             Clock clock) {
        this.store = store;
        this.registrations = registrations;
        this.notices = notices;
        this.creditListPolicy = creditListPolicy;
        this.calendar = calendar;
        this.listing = listing;
        this.policy = policy;
        this.sweep = new InspectionSweep(policy);
        this.events = events;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    public Mono<InspectionCampaign> open(Principal p, String authorityCode, int year, String traceparent) {
        AccessPolicy.requireAnyRole(p, Role.REGISTRAR);
        if (!AccessPolicy.mayActInRegion(p, authorityCode)) {
            return Mono.error(new ForbiddenProblem());
        }
        var t = InspectionCampaign.open(authorityCode, year, policy, today());
        InspectionCampaign c = t.next();
        return store.insert(c, List.of(events.envelope(OrgEventTypes.of("inspection-campaign", "opened"), "inspection-campaign",
                        c.id(), c.id(), authorityCode, c.version(), t.event(), actor(p, Role.REGISTRAR), traceparent)))
                .onErrorMap(DuplicateKeyException.class, e -> new ConflictProblem("campaign-exists", c.id()));
    }

    public Mono<InspectionCampaign> campaign(Principal p, String id) {
        return store.campaign(id).switchIfEmpty(Mono.error(() -> new NotFoundProblem("inspection-campaign", id)))
                .doOnNext(c -> RegionScope.requireVisible(p, c.authorityCode(), null, "inspection-campaign", id));
    }

    /** Marks the campaign as sweeping and starts the sweep in the background; progress is on the campaign. */
    public Mono<InspectionCampaign> startSweep(Principal p, String id, long ifMatch) {
        return campaign(p, id).flatMap(c -> {
            AccessPolicy.requireAnyRole(p, Role.REGISTRAR);
            if (c.version() != ifMatch) {
                return Mono.error(new StaleVersionProblem(ifMatch, c.version()));
            }
            InspectionCampaign sweeping = c.startSweep(today());
            return store.update(sweeping, c.version(), List.of()).flatMap(ok -> {
                if (!ok) {
                    return Mono.error(new StaleVersionProblem(ifMatch, null));
                }
                Actor actor = actor(p, Role.REGISTRAR);
                runSweep(sweeping, actor).subscribe(done -> log.info("annual-inspection sweep {} done: {}", id, done.progress()),
                        e -> log.warn("annual-inspection sweep {} stopped, re-run it to resume: {}", id, e.toString()));
                return Mono.just(sweeping);
            });
        });
    }

    /**
     * Every registered organization of the authority, {@value #SWEEP_BATCH} at a time: per batch one
     * {@code _id $in} read each for this year's outcomes, the reports and last year's outcomes (unique-index
     * hits on the Mongo-wire server, no per-organization round trips), the decisions in plain Java, then one
     * outbox document with the batch's events, one bulk insert of the 异常名录 entries, one bulk of
     * conditional organization updates ({@code _id} + {@code version}: an index hit through the compound
     * unique index), one bulk insert of the outcomes, and one outbox drain for the batch before the next
     * one starts (so Kafka keeps pace). Progress is written after each batch; then the campaign is
     * closed. A re-run skips what has an outcome.
     */
    Mono<InspectionCampaign> runSweep(InspectionCampaign c, Actor actor) {
        LocalDate on = today();
        long started = System.nanoTime();
        return registrations.registered(c.authorityCode())
                .filter(o -> !o.registeredOn().isAfter(LocalDate.of(c.year(), 12, 31)))
                .buffer(SWEEP_BATCH)
                .concatMap(batch -> sweepBatch(c, batch, actor, on))
                .scan(SweepProgress.none(), SweepProgress::plus)
                .skip(1)
                .concatMap(p -> store.progress(c.id(), p).thenReturn(p))
                .doOnNext(p -> {
                    if (p.examined() % (SWEEP_BATCH * 20L) < SWEEP_BATCH) {
                        log.info("annual-inspection sweep {}: {} examined, {} listing notices, {} revocations proposed, {} ms", c.id(), p.examined(),
                                p.listingNoticesIssued(), p.revocationsProposed(), (System.nanoTime() - started) / 1_000_000);
                    }
                })
                .last(SweepProgress.none())
                .flatMap(progress -> store.campaign(c.id()).flatMap(current -> {
                    var t = current.finishSweep(progress);
                    EventEnvelope swept = events.envelope(OrgEventTypes.of("inspection-campaign", "swept"), "inspection-campaign",
                            c.id(), c.id(), c.authorityCode(), t.next().version(), t.event(), actor, null);
                    log.info("annual-inspection sweep {} finished in {} ms: {}", c.id(), (System.nanoTime() - started) / 1_000_000, progress);
                    return store.update(t.next(), current.version(), List.of(swept)).thenReturn(t.next());
                }));
    }

    static final int SWEEP_BATCH = 500;

    private Mono<SweepProgress> sweepBatch(InspectionCampaign c, List<Organization> batch, Actor actor, LocalDate on) {
        List<String> ids = batch.stream().map(Organization::id).toList();
        return Mono.zip(store.outcomes(ids, c.year()), store.reports(ids, c.year()), store.outcomes(ids, c.year() - 1))
                .flatMap(t -> {
                    Map<String, SweepDecision> done = t.getT1();
                    SweepProgress progress = SweepProgress.none();
                    List<SweepDecision> fresh = new ArrayList<>();
                    List<Organization> toList = new ArrayList<>();
                    List<Mono<Void>> proposals = new ArrayList<>();
                    for (Organization o : batch) {
                        if (!c.due(o.type(), on)) {
                            continue; // its type's deadline has not passed: a later run decides
                        }
                        SweepDecision d = done.get(o.id());
                        if (d == null) {
                            SweepDecision previous = t.getT3().get(o.id());
                            d = sweep.decide(new InspectionSubject(o.id(), o.registeredOn()), c.year(), t.getT2().get(o.id()),
                                    previous == null ? null : previous.outcome());
                            fresh.add(d);
                            if (d.listAbnormal()) {
                                toList.add(o);
                            }
                            if (d.proposeRevocation()) {
                                proposals.add(proposeRevocation(o, c.year(), d.revocationGround(), actor, on));
                            }
                        }
                        progress = progress.plus(d);
                    }
                    SweepProgress result = progress;
                    return issueNotices(c, toList, actor, on)
                            .then(Flux.concat(proposals).then())
                            .then(store.recordAll(c.id(), fresh))
                            .thenReturn(result);
                });
    }

    /**
     * 拟列入告知 for not filing, for a batch: the sweep no longer lists on the day it finds a non-filer. Each
     * non-filer gets a written notice (fixed id {@code LN-ABN-LATE-<organization>-<year>}) with the facts, the
     * ground and the period to answer ([信用]; working days of the platform calendar, from configuration);
     * the credit-list sweep lists it on the 活动异常名录 once the period has run without a statement, or a
     * registrar lists it on rejecting the statement ({@code CreditListing#listNotice}).
     *
     * <p>The batch's {@code issued} events go into ONE outbox document of {@code sweep_events}, written first but
     * held (not publishable), then released and drained once after the notices are written: on the Mongo-wire
     * server every outbox drain costs the kit's relay two full scans of the document's collection, so a drain
     * per organization over 100k organizations would take hours. A sweep stopped between the two publishes
     * nothing of the batch (SweepCrashTest); a re-run finds the document by its fixed id, keeps the events it
     * holds, writes the notices (those written already are left as they are) and releases them. The event ids
     * derive from what they report (type, notice, year), so a fact published twice (a stop after the release)
     * carries one id.
     */
    private Mono<Void> issueNotices(InspectionCampaign c, List<Organization> organizations, Actor actor, LocalDate on) {
        if (organizations.isEmpty()) {
            return Mono.empty();
        }
        int year = c.year();
        List<Document> docs = new ArrayList<>();
        List<EventEnvelope> batchEvents = new ArrayList<>();
        for (Organization o : organizations) {
            String entryId = entryIdOf(o.id(), year);
            var issued = ListingNotice.issue(noticeIdOf(o.id(), year), o.id(), o.authorityCode(), EntryGround.LATE_ANNUAL_REPORT,
                    year + "年度工作报告未在截止日期前报送", entryId, null, on, calendar, creditListPolicy);
            docs.add(notices.document(issued.next(), o.name().fullName(), List.of()));
            batchEvents.add(stableId(listing.noticeEvent(issued, actor, null), year));
        }
        String batchId = c.id() + ":" + organizations.get(0).id() + ":" + organizations.size();
        return store.insertSweepEvents(batchId, c.id(), batchEvents)
                .then(notices.insertAll(docs))
                .then(store.releaseSweepEvents(batchId));
    }

    static String entryIdOf(String organizationId, int year) {
        return "ABN-LATE-" + organizationId + "-" + year;
    }

    /** The 拟列入告知 of a non-filer for the year (fixed id: issued once). */
    static String noticeIdOf(String organizationId, int year) {
        return "LN-" + entryIdOf(organizationId, year);
    }

    /** The same fact of the same sweep year always gets the same event id (see {@link #issueNotices}). */
    private static EventEnvelope stableId(EventEnvelope e, int year) {
        return OrgEventFactory.withStableId(e, year);
    }

    private Mono<Void> proposeRevocation(Organization o, int year, String ground, Actor actor, LocalDate on) {
        Map<String, Object> attributes = new LinkedHashMap<>(o.standingFields());
        attributes.put("year", year);
        DomainEvent proposed = new DomainEvent("revocation-proposed", null, null, ground, Map.of("proposedOn", on.toString()), attributes);
        EventEnvelope e = events.envelope(OrgEventTypes.ofOrganization("revocation-proposed"), "organization", o.id(), o.id(),
                o.authorityCode(), o.version(), proposed, actor, null);
        return store.propose(o.id(), o.authorityCode(), year, ground, on, List.of(e));
    }

    public Mono<AnnualReport> file(Principal p, String organizationId, int year, boolean boardElectedOnTime, String governance,
                                   String activities, Finances finances, String audited, String traceparent) {
        AccessPolicy.requireAnyRole(p, Role.ORG_AGENT);
        return registrations.organization(organizationId)
                .switchIfEmpty(Mono.error(() -> new NotFoundProblem("organization", organizationId)))
                .flatMap(s -> {
                    if (!p.subject().equals(s.agentSubject()) && !p.isAdmin()) {
                        return Mono.error(new ForbiddenProblem());
                    }
                    Organization o = s.organization();
                    var t = AnnualReport.file(o.id(), o.authorityCode(), o.type(), year, boardElectedOnTime, governance, activities,
                            finances, audited, today());
                    AnnualReport.requireExisted(year, o.registeredOn(), o.endedOn());
                    AnnualReport r = t.next();
                    return store.insert(r, List.of(events.envelope(OrgEventTypes.of("annual-report", "filed"), "annual-report", r.id(),
                                    r.id(), r.authorityCode(), r.version(), t.event(), actor(p, Role.ORG_AGENT), traceparent)))
                            .onErrorMap(DuplicateKeyException.class, e -> new ConflictProblem("report-exists", r.id()));
                });
    }

    public Mono<AnnualReport> report(Principal p, String id) {
        return store.report(id).switchIfEmpty(Mono.error(() -> new NotFoundProblem("annual-report", id)))
                .flatMap(r -> registrations.organization(r.organizationId()).doOnNext(s ->
                        RegionScope.requireVisible(p, r.authorityCode(), s.agentSubject(), "annual-report", id)).thenReturn(r));
    }

    public Mono<AnnualReport> grade(Principal p, String id, long ifMatch, Grade grade, List<String> findings, String order,
                                    LocalDate due, String traceparent) {
        return report(p, id).flatMap(r -> {
            AccessPolicy.requireAnyRole(p, Role.REGISTRAR);
            // 回避: not the report of an organization one acts for
            return registrations.organization(r.organizationId()).doOnNext(s -> AccessPolicy.requireNotOwnCase(p,
                    r.authorityCode(), Arrays.asList(s.agentSubject()),
                    RegistrationService.OWN_ORGANIZATION_CASE, r.id())).thenReturn(r);
        }).flatMap(r -> {
            if (r.version() != ifMatch) {
                return Mono.error(new StaleVersionProblem(ifMatch, r.version()));
            }
            var t = r.grade(grade, findings, order, due, today());
            EventEnvelope e = events.envelope(OrgEventTypes.of("annual-report", "graded"), "annual-report", r.id(), r.id(),
                    r.authorityCode(), t.next().version(), t.event(), actor(p, Role.REGISTRAR), traceparent);
            return store.update(t.next(), r.version(), List.of(e))
                    .flatMap(ok -> ok ? restrictWhileUnqualified(r.organizationId(), grade == Grade.UNQUALIFIED,
                            r.year() + "年度年检" + grade.title(), actor(p, Role.REGISTRAR), 3).thenReturn(t.next())
                            : Mono.error(new StaleVersionProblem(ifMatch, null)));
        });
    }

    /** 不合格: no change of name or scope until a later grading is better (local practice); set and lifted with its event. */
    private Mono<Void> restrictWhileUnqualified(String organizationId, boolean restricted, String reason, Actor actor, int attempts) {
        return registrations.organization(organizationId).flatMap(s -> {
            Organization o = s.organization();
            if (o.restrictedUntilRectified() == restricted) {
                return Mono.<Void>empty();
            }
            var t = o.restricted(restricted, reason);
            EventEnvelope e = events.envelope(OrgEventTypes.ofOrganization(t.event().name()), "organization", o.id(), o.id(),
                    o.authorityCode(), t.next().version(), t.event(), actor, null);
            return registrations.update(t.next(), o.version(), List.of(e))
                    .flatMap(ok -> ok || attempts <= 1 ? Mono.<Void>empty()
                            : restrictWhileUnqualified(organizationId, restricted, reason, actor, attempts - 1));
        });
    }

    private static Actor actor(Principal p, Role role) {
        return new Actor(p.subject(), role.name());
    }
}
