package cn.minzheng.org.creditlist;

import cn.minzheng.org.web.RegionScope;
import java.util.Arrays;
import cn.minzheng.org.registration.RegistrationService;
import cn.minzheng.org.events.Actor;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import cn.minzheng.platform.kit.security.AccessPolicy;
import cn.minzheng.platform.kit.security.Principal;
import cn.minzheng.platform.kit.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import cn.minzheng.org.web.Page;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.outbox.AggregateDocuments;
import cn.minzheng.org.registration.Organization;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import cn.minzheng.platform.events.EventEnvelope;
import org.bson.Document;
import reactor.core.publisher.Flux;

/**
 * Leaving the credit lists: removal on the organization's application once a registrar verified the
 * fix; and the daily sweep, batched like the 年检 sweep, that lists what a 拟列入告知 announced once it is
 * due, removes entries whose period has run and gives 2-year 异常名录 entries their notice for the 失信名单.
 */
public class CreditListService {
    private static final Logger log = LoggerFactory.getLogger(CreditListService.class);
    private final CreditListStore store;
    private final ListingNoticeStore notices;
    private final AggregateDocuments documents;
    private final WorkingDayCalendar calendar;
    /** Where a sweep batch's events wait until its writes are done (the 年检 sweep's collection). */
    static final String SWEEP_EVENTS = "sweep_events";
    private final RegistrationStore registrations;
    private final CreditListing listing;
    private final CreditListPolicy policy;
    private final Clock clock;

    public CreditListService(CreditListStore store, ListingNoticeStore notices, RegistrationStore registrations, CreditListing listing,
                             CreditListPolicy policy, AggregateDocuments documents, WorkingDayCalendar calendar, Clock clock) {
        this.store = store;
        this.notices = notices;
        this.registrations = registrations;
        this.listing = listing;
        this.policy = policy;
        this.documents = documents;
        this.calendar = calendar;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The entry with the subject of the organization's representative (its owner). */
    public record OwnedEntry(CreditListEntry entry, String agentSubject) {
    }

    public Mono<OwnedEntry> entry(Principal p, String id) {
        return store.entry(id).switchIfEmpty(Mono.error(() -> new NotFoundProblem("credit-list-entry", id)))
                .flatMap(e -> registrations.organization(e.organizationId()).map(s -> new OwnedEntry(e, s.agentSubject()))
                        .defaultIfEmpty(new OwnedEntry(e, null)))
                .doOnNext(o -> RegionScope.requireVisible(p, o.entry().authorityCode(), o.agentSubject(), "credit-list-entry", id));
    }

    /** 申请移出 by the organization's representative. */
    public Mono<OwnedEntry> applyForRemoval(Principal p, String id, long ifMatch) {
        return entry(p, id).flatMap(o -> {
            AccessPolicy.requireAnyRole(p, Role.ORG_AGENT);
            if (!p.subject().equals(o.agentSubject()) && !p.isAdmin()) {
                return Mono.error(new ForbiddenProblem());
            }
            CreditListEntry e = o.entry();
            if (e.version() != ifMatch) {
                return Mono.error(new StaleVersionProblem(ifMatch, e.version()));
            }
            var applied = e.applyForRemoval(today(), policy);
            return store.update(applied.next(), e.version(), List.of(listing.entryEvent(applied, new Actor(p.subject(), Role.ORG_AGENT.name()))))
                    .flatMap(ok -> ok ? Mono.just(new OwnedEntry(applied.next(), o.agentSubject()))
                            : Mono.error(new StaleVersionProblem(ifMatch, null)));
        });
    }

    /** The registrar verified the fix: the entry ends, and the organization's flag with it when nothing else keeps it listed. */
    public Mono<OwnedEntry> verifyRemoval(Principal p, String id, long ifMatch) {
        return entry(p, id).flatMap(o -> {
            AccessPolicy.requireAnyRole(p, Role.REGISTRAR);
            // 回避: not the entry of an organization one acts for
            AccessPolicy.requireNotOwnCase(p, o.entry().authorityCode(), Arrays.asList(o.agentSubject()),
                    RegistrationService.OWN_ORGANIZATION_CASE, o.entry().id());
            CreditListEntry e = o.entry();
            if (e.version() != ifMatch) {
                return Mono.error(new StaleVersionProblem(ifMatch, e.version()));
            }
            var t = e.verifyRemoval(today(), policy);
            Actor actor = new Actor(p.subject(), Role.REGISTRAR.name());
            return store.update(t.next(), e.version(), List.of(listing.entryEvent(t, actor)))
                    .flatMap(ok -> ok ? listing.unflagIfNoneLeft(e.organizationId(), e.list(), t.event().reason(), actor, 3)
                            .thenReturn(new OwnedEntry(t.next(), o.agentSubject())) : Mono.error(new StaleVersionProblem(ifMatch, null)));
        });
    }

    /**
     * Outbox documents a batch's events are spread over (fixed: a re-run releases every part the stopped run may have
     * written). The relay sends one document's events one acknowledgement at a time; 8 parts drain side by side.
     */
    static final int SWEEP_EVENT_PARTS = 8;

    /** Documents per sweep batch (notices, then entries). */
    static final int SWEEP_BATCH = 500;

    /** Daily sweep over the notices and entries of authorities under {@code authorityPrefix}. */
    public Mono<SweepRun.Counts> sweep(Principal p, String authorityPrefix) {
        AccessPolicy.requireAnyRole(p, Role.REGISTRAR);
        if (!AccessPolicy.mayActInRegion(p, authorityPrefix)) {
            return Mono.error(new ForbiddenProblem());
        }
        return sweep(authorityPrefix, Actor.system());
    }

    /**
     * One run over the scope (all authorities when {@code authorityPrefix} is null), in batches of
     * {@value #SWEEP_BATCH} documents, the way the 年检 sweep runs: first every 拟列入告知 whose listing is due
     * (its period ran without a statement, or the statement was rejected) is listed; then every entry whose
     * period has run is removed, and every 异常名录 entry kept 2 years gets its 拟列入告知 for the 失信名单.
     * Per batch: one bulk insert of the batch's events, held, into {@value #SWEEP_EVENT_PARTS} outbox documents of fixed
     * ids, the batch's writes as bulk operations (entries, notices, organizations' flags), then the events released
     * and drained (the parts side by side), then
     * the run's cursor and counts saved (progress, logged every 20 batches). A run that stopped is resumed
     * by the next call for its scope: on its own day, from its cursor, and a batch it re-does finds its
     * outbox documents by their fixed ids, so no fact is written twice nor published under two ids.
     */
    public Mono<SweepRun.Counts> sweep(String authorityPrefix, Actor actor) {
        String runId = SweepRun.idOf(authorityPrefix);
        long started = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong batches = new java.util.concurrent.atomic.AtomicLong();
        return store.run(runId).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(last -> last.filter(r -> !r.finished()).map(r -> {
                    log.info("credit-list sweep {}: resuming run {} of {} in phase {} after {}", runId, r.generation(), r.on(), r.phase(),
                            r.cursor());
                    return Mono.just(r);
                }).orElseGet(() -> store.save(SweepRun.start(runId, last.orElse(null), today()))))
                .flatMap(r -> phases(r, authorityPrefix, actor, started, batches))
                .map(SweepRun::counts)
                .doOnNext(c -> log.info("credit-list sweep {} done in {} ms: {}", runId, (System.nanoTime() - started) / 1_000_000, c));
    }

    /**
     * The run's current phase to its end, then the next. The phase's scope is read ONCE, as a stream of ids after
     * the run's cursor in {@code _id} order (on the Mongo-wire server such a query is a scan: one per batch made the
     * run quadratic — 200 scans of 100k documents at 100k), cut into batches of {@value #SWEEP_BATCH}; each batch's
     * documents are then read as stored now by {@code _id $in} (an index hit, as the 年检 sweep reads its batches), so
     * a batch decides on the current state, not on the stream's. After each batch the run is saved with its cursor
     * (the batch's last id): a stopped run resumes after the last batch it saved.
     */
    private Mono<SweepRun> phases(SweepRun start, String authorityPrefix, Actor actor, long started,
                                  java.util.concurrent.atomic.AtomicLong batches) {
        if (start.finished()) {
            return Mono.just(start);
        }
        var current = new java.util.concurrent.atomic.AtomicReference<>(start);
        Flux<String> ids = start.phase() == SweepRun.Phase.NOTICES ? notices.idsAfter(authorityPrefix, start.cursor())
                : store.idsAfter(authorityPrefix, start.cursor());
        return ids.buffer(SWEEP_BATCH)
                .concatMap(batch -> {
                    SweepRun r = current.get();
                    String last = batch.get(batch.size() - 1);
                    Mono<SweepRun.Counts> done = r.phase() == SweepRun.Phase.NOTICES
                            ? notices.notices(batch).collectSortedList(java.util.Comparator.comparing(ListingNotice::id))
                                    .flatMap(l -> noticeBatch(r, batch.size(), l, actor))
                            : store.entries(batch).collectSortedList(java.util.Comparator.comparing(CreditListEntry::id))
                                    .flatMap(l -> entryBatch(r, batch.size(), l, actor));
                    return done.map(c -> r.advanced(last, c)).flatMap(store::save);
                }, 1)
                .doOnNext(n -> {
                    current.set(n);
                    if (batches.incrementAndGet() % 20 == 0) {
                        log.info("credit-list sweep {} ({}): {} so far, {} ms", n.id(), n.on(), n.counts(),
                                (System.nanoTime() - started) / 1_000_000);
                    }
                })
                .then(Mono.defer(() -> store.save(current.get().phaseDone())))
                .flatMap(next -> phases(next, authorityPrefix, actor, started, batches));
    }

    /**
     * Lists the batch's due notices. Those for the 异常名录 are written in bulk (entries, flags, notices,
     * with the events held in the batch's outbox document until the writes are done); the rare 失信名单
     * ones (a ground may restart an open 失信 entry, an escalation ends the 异常 entry it replaces) one by one
     * through {@link CreditListing#listNotice}, each of whose writes is conditional or written once.
     */
    private Mono<SweepRun.Counts> noticeBatch(SweepRun r, int examined, List<ListingNotice> batch, Actor actor) {
        LocalDate on = r.on();
        List<ListingNotice> due = batch.stream().filter(n -> n.listingDue(on)).toList();
        List<ListingNotice> bulk = due.stream().filter(n -> n.ground().list() == CreditList.ABNORMAL && n.replacesEntryId() == null).toList();
        List<ListingNotice> single = due.stream().filter(n -> !bulk.contains(n)).toList();
        SweepRun.Counts counts = new SweepRun.Counts(examined, due.size(), 0, 0, 0);
        Mono<Void> singles = Flux.fromIterable(single).concatMap(n -> listing.listNotice(n, on, actor)).then();
        if (bulk.isEmpty()) {
            return singles.thenReturn(counts);
        }
        return registrations.organizations(bulk.stream().map(ListingNotice::organizationId).collect(Collectors.toSet()))
                .flatMap(orgs -> {
                    List<Document> entryDocs = new ArrayList<>();
                    List<EventEnvelope> held = new ArrayList<>();
                    Map<String, AggregateDocuments.VersionedWrite> flags = new LinkedHashMap<>();
                    List<AggregateDocuments.VersionedWrite> listed = new ArrayList<>();
                    for (ListingNotice n : bulk) {
                        var org = orgs.get(n.organizationId());
                        if (org == null) {
                            continue; // no such organization: nothing to list
                        }
                        Organization o = org.organization();
                        var entry = n.entry(on);
                        entryDocs.add(store.document(entry.next(), o.name().fullName(), o.creditCode(), List.of()));
                        held.add(OrgEventFactory.withStableId(listing.entryEvent(entry, actor), on));
                        if (!o.abnormalListed() && !flags.containsKey(o.id())) {
                            var t = o.listing(true, o.seriousListed(), "abnormal-listed", n.ground().text());
                            held.add(OrgEventFactory.withStableId(listing.standingEvent(t, actor), on));
                            flags.put(o.id(), new AggregateDocuments.VersionedWrite(t.next(), o.version(), List.of(),
                                    Map.of("fullName", o.name().fullName())));
                        }
                        var t = n.list(on);
                        held.add(OrgEventFactory.withStableId(listing.noticeEvent(t, actor, null), on));
                        listed.add(new AggregateDocuments.VersionedWrite(t.next(), n.version(), List.of(), Map.of()));
                    }
                    String batchId = r.batchId();
                    return documents.insertHeldParts(SWEEP_EVENTS, batchId, Map.of("run", r.id()), held, SWEEP_EVENT_PARTS)
                            .then(store.insertAll(entryDocs))
                            .then(registrations.updateAll(List.copyOf(flags.values())))
                            .flatMap(applied -> applied == flags.size() ? Mono.<Void>empty()
                                    : Flux.fromIterable(flags.keySet()).concatMap(id -> listing.flag(id, CreditList.ABNORMAL,
                                            EntryGround.LATE_ANNUAL_REPORT.text(), actor, 3, on)).then())
                            .then(notices.updateAll(listed))
                            .then(documents.releaseHeldParts(SWEEP_EVENTS, batchId, SWEEP_EVENT_PARTS));
                })
                .then(singles)
                .thenReturn(counts);
    }

    /**
     * Removes the batch's entries whose period has run, issues the 拟列入告知 of 2 years on the 异常名录 (once:
     * a notice with its fixed id is not issued again), and clears the flags of the batch's organizations that
     * no open entry keeps any more — computed from the store, so a re-done batch clears what the stopped one
     * left. The events wait in the batch's outbox document until the writes are done.
     */
    private Mono<SweepRun.Counts> entryBatch(SweepRun r, int examined, List<CreditListEntry> batch, Actor actor) {
        LocalDate on = r.on();
        List<EventEnvelope> held = new ArrayList<>();
        List<AggregateDocuments.VersionedWrite> removals = new ArrayList<>();
        Set<String> removedIds = new HashSet<>();
        List<CreditListEntry> escalating = new ArrayList<>();
        for (CreditListEntry e : batch) {
            var due = e.removeWhenDue(on, policy);
            if (due.isPresent()) {
                var t = due.get();
                held.add(OrgEventFactory.withStableId(listing.entryEvent(t, actor), on));
                removals.add(new AggregateDocuments.VersionedWrite(t.next(), e.version(), List.of(), Map.of()));
                removedIds.add(e.id());
            } else if (e.escalationDue(on, policy)) {
                escalating.add(e);
            }
        }
        List<String> orgIds = batch.stream().map(CreditListEntry::organizationId).distinct().toList();
        // the batch's own entries still listed keep their organizations' flags; the store is asked (organizationId $in:
        // a scan on the Mongo-wire server) only about organizations flagged on a list none of them covers
        Map<String, Set<CreditList>> keptByBatch = new HashMap<>();
        batch.stream().filter(e -> e.status() == EntryStatus.LISTED && !removedIds.contains(e.id()))
                .forEach(e -> keptByBatch.computeIfAbsent(e.organizationId(), k -> new HashSet<>()).add(e.list()));
        return Mono.zip(notices.existing(escalating.stream().map(CreditListService::escalationNoticeId).toList()),
                        registrations.organizations(orgIds))
                .flatMap(z -> {
                    List<String> uncovered = z.getT2().values().stream().map(s -> s.organization())
                            .filter(o -> (o.abnormalListed() && !keptByBatch.getOrDefault(o.id(), Set.of()).contains(CreditList.ABNORMAL))
                                    || (o.seriousListed() && !keptByBatch.getOrDefault(o.id(), Set.of()).contains(CreditList.SERIOUS)))
                            .map(Organization::id).toList();
                    Mono<List<CreditListEntry>> elsewhere = uncovered.isEmpty() ? Mono.just(List.of())
                            : store.openEntries(uncovered).filter(e -> !removedIds.contains(e.id())).collectList();
                    return elsewhere.map(l -> {
                        List<CreditListEntry> open = new ArrayList<>(l);
                        batch.stream().filter(e -> e.status() == EntryStatus.LISTED && !removedIds.contains(e.id())).forEach(open::add);
                        return reactor.util.function.Tuples.of(z.getT1(), open, z.getT2());
                    });
                })
                .flatMap(t -> {
                    List<Document> noticeDocs = new ArrayList<>();
                    for (CreditListEntry e : escalating) {
                        if (t.getT1().contains(escalationNoticeId(e))) {
                            continue;
                        }
                        var org = t.getT3().get(e.organizationId());
                        var issued = ListingNotice.issue(escalationNoticeId(e), e.organizationId(), e.authorityCode(),
                                EntryGround.ABNORMAL_TWO_YEARS, e.facts() + "（列入活动异常名录满2年）", e.escalationEntryId(), e.id(), on,
                                calendar, policy);
                        noticeDocs.add(notices.document(issued.next(), org == null ? "" : org.organization().name().fullName(), List.of()));
                        held.add(OrgEventFactory.withStableId(listing.noticeEvent(issued, actor, null), on));
                    }
                    Map<String, Set<CreditList>> stillOn = new HashMap<>();
                    t.getT2().forEach(e -> stillOn.computeIfAbsent(e.organizationId(), k -> new HashSet<>()).add(e.list()));
                    List<AggregateDocuments.VersionedWrite> unflags = new ArrayList<>();
                    for (var stored : t.getT3().values()) {
                        Organization o = stored.organization();
                        Set<CreditList> lists = stillOn.getOrDefault(o.id(), Set.of());
                        Organization next = o;
                        List<EventEnvelope> events = new ArrayList<>();
                        if (o.abnormalListed() && !lists.contains(CreditList.ABNORMAL)) {
                            var u = next.listing(false, next.seriousListed(), "abnormal-removed", "活动异常名录上已无未移出的记录");
                            events.add(OrgEventFactory.withStableId(listing.standingEvent(u, actor), on));
                            next = u.next();
                        }
                        if (o.seriousListed() && !lists.contains(CreditList.SERIOUS)) {
                            var u = next.listing(next.abnormalListed(), false, "serious-removed", "严重违法失信名单上已无未移出的记录");
                            events.add(OrgEventFactory.withStableId(listing.standingEvent(u, actor), on));
                            next = u.next();
                        }
                        if (next != o) {
                            held.addAll(events);
                            unflags.add(new AggregateDocuments.VersionedWrite(next, o.version(), List.of(),
                                    Map.of("fullName", o.name().fullName())));
                        }
                    }
                    String batchId = r.batchId();
                    SweepRun.Counts counts = new SweepRun.Counts(0, 0, examined, removals.size(), noticeDocs.size());
                    if (held.isEmpty()) {
                        return Mono.just(counts);
                    }
                    return documents.insertHeldParts(SWEEP_EVENTS, batchId, Map.of("run", r.id()), held, SWEEP_EVENT_PARTS)
                            .then(store.updateAll(removals))
                            .then(notices.insertAll(noticeDocs))
                            .then(registrations.updateAll(unflags))
                            .flatMap(applied -> applied == unflags.size() ? Mono.<Void>empty()
                                    : Flux.fromIterable(unflags).concatMap(w -> {
                                        String id = ((Organization) w.aggregate()).id();
                                        return listing.unflagIfNoneLeft(id, CreditList.ABNORMAL, "活动异常名录上已无未移出的记录", actor, 3, on)
                                                .then(listing.unflagIfNoneLeft(id, CreditList.SERIOUS, "严重违法失信名单上已无未移出的记录", actor, 3, on));
                                    }).then())
                            .then(documents.releaseHeldParts(SWEEP_EVENTS, batchId, SWEEP_EVENT_PARTS))
                            .thenReturn(counts);
                });
    }

    /** The 拟列入告知 that 2 years on the 异常名录 give an entry (fixed id: issued once). */
    static String escalationNoticeId(CreditListEntry e) {
        return "LN-" + e.escalationEntryId();
    }

    /** One page of the public 名录 (list absent: both; creditCode exact; name a part), after the cursor. */
    public Mono<Page<CreditListStore.PublicEntry>> publicPage(CreditList list, String authority, String creditCode, String name,
                                                              String cursor, int size) {
        return store.listed(list, authority, creditCode, name, cursor, size + 1).collectList()
                .map(l -> Page.slice(l, size, CreditListStore.PublicEntry::entryId));
    }
}
