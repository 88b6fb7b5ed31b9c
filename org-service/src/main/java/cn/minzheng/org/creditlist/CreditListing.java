package cn.minzheng.org.creditlist;

import java.util.function.Supplier;
import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.org.events.Actor;
import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.events.OrgEventTypes;
import cn.minzheng.org.registration.Organization;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.kit.domain.Transitioned;
import cn.minzheng.platform.events.EventEnvelope;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.List;

/**
 * Puts an organization on a credit list: the entry (fixed id, written once, with its {@code listed}
 * event) and the organization's flag with its event ({@code abnormal-listed} / {@code serious-listed},
 * only when its standing changes) for read models elsewhere. A new 失信 ground while the organization is
 * already on the 失信名单 restarts that entry's 2-year period ({@code period-restarted}) instead of
 * adding a second entry. Re-runnable: a re-run after a crash between the entry and the flag completes
 * the flag. {@link #listNotice} makes the listing a 拟列入告知 announced, once it is due.
 */
public class CreditListing {
    private final CreditListStore entries;
    private final ListingNoticeStore notices;
    private final RegistrationStore registrations;
    private final CreditListPolicy policy;
    private final OrgEventFactory events;

    public CreditListing(CreditListStore entries, ListingNoticeStore notices, RegistrationStore registrations, CreditListPolicy policy,
                         OrgEventFactory events) {
        this.entries = entries;
        this.notices = notices;
        this.registrations = registrations;
        this.policy = policy;
        this.events = events;
    }

    public Mono<Void> list(Organization o, EntryGround ground, String entryId, String facts, LocalDate noticeServedOn, LocalDate on,
                           Actor actor) {
        Mono<Boolean> entry = ground.list() == CreditList.SERIOUS
                ? entries.openEntries(o.id()).filter(e -> e.list() == CreditList.SERIOUS && !e.id().equals(entryId)).next()
                .flatMap(open -> {
                    if (!on.isAfter(open.lastGroundOn())) {
                        return Mono.just(true); // this day's ground is counted already (a re-run)
                    }
                    var restarted = open.newGround(ground, on, policy);
                    return entries.update(restarted.next(), open.version(), List.of(entryEvent(restarted, actor))).thenReturn(true);
                })
                .switchIfEmpty(insert(o, ground, entryId, facts, noticeServedOn, on, actor))
                : insert(o, ground, entryId, facts, noticeServedOn, on, actor);
        return entry.then(flag(o.id(), ground.list(), ground.text(), actor, 3));
    }

    /**
     * The listing a notice announced, once due ({@link ListingNotice#listingDue}): the entry with the notice's
     * issue date as its notice date, the organization's flag, the end of the 异常名录 entry it replaces (2 years
     * there → 失信名单: that entry ends ESCALATED and the 异常 flag goes when nothing else keeps it), then the
     * notice's own {@code listed}. Each write is conditional or written once, so a stop anywhere is completed
     * by running it again. Emits the notice as listed, or empty when another run listed it meanwhile.
     */
    public Mono<ListingNotice> listNotice(ListingNotice n, LocalDate on, Actor actor) {
        var t = n.list(on);
        return registrations.organization(n.organizationId())
                .flatMap(s -> list(s.organization(), n.ground(), n.entryId(), n.facts(), n.issuedOn(), on, actor))
                .then(endReplaced(n, on, actor))
                .then(notices.update(t.next(), n.version(), List.of(noticeEvent(t, actor, null))))
                .flatMap(ok -> ok ? Mono.just(t.next()) : Mono.empty());
    }

    private Mono<Void> endReplaced(ListingNotice n, LocalDate on, Actor actor) {
        if (n.replacesEntryId() == null) {
            return Mono.empty();
        }
        return entries.entry(n.replacesEntryId()).filter(e -> e.escalationDue(on, policy)).flatMap(e -> {
            var t = e.escalate(on, policy);
            return entries.update(t.next(), e.version(), List.of(entryEvent(t, actor)))
                    .flatMap(ok -> ok ? unflagIfNoneLeft(e.organizationId(), CreditList.ABNORMAL, t.event().reason(), actor, 3)
                            : Mono.<Void>empty());
        });
    }

    private Mono<Boolean> insert(Organization o, EntryGround ground, String entryId, String facts, LocalDate noticeServedOn, LocalDate on,
                                 Actor actor) {
        var listed = CreditListEntry.list(entryId, o.id(), o.authorityCode(), ground, facts, noticeServedOn, on);
        return entries.insert(listed.next(), o.name().fullName(), o.creditCode(), List.of(entryEvent(listed, actor))).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    /** The {@code credit-list-entry} event of an entry change, keyed by the entry id. */
    public EventEnvelope entryEvent(Transitioned<CreditListEntry, DomainEvent> t, Actor actor) {
        CreditListEntry e = t.next();
        return events.envelope(OrgEventTypes.of("credit-list-entry", t.event().name()), "credit-list-entry", e.id(), e.id(),
                e.authorityCode(), e.version(), t.event(), actor, null);
    }

    /** The {@code listing-notice} event of a notice change, keyed by the notice id. */
    public EventEnvelope noticeEvent(Transitioned<ListingNotice, DomainEvent> t, Actor actor, String traceparent) {
        ListingNotice n = t.next();
        return events.envelope(OrgEventTypes.of(ListingNotice.aggregate(), t.event().name()), ListingNotice.aggregate(), n.id(), n.id(),
                n.authorityCode(), n.version(), t.event(), actor, traceparent);
    }

    /** The organization's event of a change of its standing on the lists. */
    public EventEnvelope standingEvent(Transitioned<Organization, DomainEvent> t, Actor actor) {
        Organization o = t.next();
        return events.envelope(OrgEventTypes.ofOrganization(t.event().name()), "organization", o.id(), o.id(), o.authorityCode(),
                o.version(), t.event(), actor, null);
    }

    /** Sets the organization's flag for {@code list} with its event, when it is not set yet. */
    public Mono<Void> flag(String organizationId, CreditList list, String reason, Actor actor, int attempts) {
        return flag(organizationId, list, reason, actor, attempts, null);
    }

    /**
     * As {@link #flag(String, CreditList, String, Actor, int)}; with {@code stable} non-null the event's id derives
     * from the fact and {@code stable} (a sweep batch holds the same event under the same id).
     */
    public Mono<Void> flag(String organizationId, CreditList list, String reason, Actor actor, int attempts, Object stable) {
        return registrations.organization(organizationId).flatMap(s -> {
            Organization o = s.organization();
            boolean abnormal = o.abnormalListed() || list == CreditList.ABNORMAL;
            boolean serious = o.seriousListed() || list == CreditList.SERIOUS;
            if (abnormal == o.abnormalListed() && serious == o.seriousListed()) {
                return Mono.<Void>empty();
            }
            String name = list == CreditList.ABNORMAL ? "abnormal-listed" : "serious-listed";
            return save(o, abnormal, serious, name, reason, actor, attempts, stable,
                    () -> flag(organizationId, list, reason, actor, attempts - 1, stable));
        });
    }

    /** Clears the organization's flag for {@code list} when none of its entries on that list is still open. */
    public Mono<Void> unflagIfNoneLeft(String organizationId, CreditList list, String reason, Actor actor, int attempts) {
        return unflagIfNoneLeft(organizationId, list, reason, actor, attempts, null);
    }

    /** As {@link #unflagIfNoneLeft(String, CreditList, String, Actor, int)}, with a stable event id when {@code stable} is non-null. */
    public Mono<Void> unflagIfNoneLeft(String organizationId, CreditList list, String reason, Actor actor, int attempts, Object stable) {
        return entries.openEntries(organizationId).filter(e -> e.list() == list).hasElements().flatMap(stillListed -> stillListed
                ? Mono.<Void>empty()
                : registrations.organization(organizationId).flatMap(s -> {
                    Organization o = s.organization();
                    boolean abnormal = list == CreditList.ABNORMAL ? false : o.abnormalListed();
                    boolean serious = list == CreditList.SERIOUS ? false : o.seriousListed();
                    if (abnormal == o.abnormalListed() && serious == o.seriousListed()) {
                        return Mono.<Void>empty();
                    }
                    return save(o, abnormal, serious, list == CreditList.ABNORMAL ? "abnormal-removed" : "serious-removed", reason,
                            actor, attempts, stable, () -> unflagIfNoneLeft(organizationId, list, reason, actor, attempts - 1, stable));
                }));
    }

    private Mono<Void> save(Organization o, boolean abnormal, boolean serious, String eventName, String reason, Actor actor, int attempts,
                            Object stable, Supplier<Mono<Void>> retry) {
        var t = o.listing(abnormal, serious, eventName, reason);
        EventEnvelope e = standingEvent(t, actor);
        if (stable != null) {
            e = OrgEventFactory.withStableId(e, stable);
        }
        return registrations.update(t.next(), o.version(), List.of(e))
                .flatMap(ok -> ok || attempts <= 1 ? Mono.<Void>empty() : retry.get());
    }
}
