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
 * the flag.
 */
public class CreditListing {
    private final CreditListStore entries;
    private final RegistrationStore registrations;
    private final CreditListPolicy policy;
    private final OrgEventFactory events;

    public CreditListing(CreditListStore entries, RegistrationStore registrations, CreditListPolicy policy, OrgEventFactory events) {
        this.entries = entries;
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

    /** Sets the organization's flag for {@code list} with its event, when it is not set yet. */
    public Mono<Void> flag(String organizationId, CreditList list, String reason, Actor actor, int attempts) {
        return registrations.organization(organizationId).flatMap(s -> {
            Organization o = s.organization();
            boolean abnormal = o.abnormalListed() || list == CreditList.ABNORMAL;
            boolean serious = o.seriousListed() || list == CreditList.SERIOUS;
            if (abnormal == o.abnormalListed() && serious == o.seriousListed()) {
                return Mono.<Void>empty();
            }
            String name = list == CreditList.ABNORMAL ? "abnormal-listed" : "serious-listed";
            return save(o, abnormal, serious, name, reason, actor, attempts,
                    () -> flag(organizationId, list, reason, actor, attempts - 1));
        });
    }

    /** Clears the organization's flag for {@code list} when none of its entries on that list is still open. */
    public Mono<Void> unflagIfNoneLeft(String organizationId, CreditList list, String reason, Actor actor, int attempts) {
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
                            actor, attempts, () -> unflagIfNoneLeft(organizationId, list, reason, actor, attempts - 1));
                }));
    }

    private Mono<Void> save(Organization o, boolean abnormal, boolean serious, String eventName, String reason, Actor actor, int attempts,
                            Supplier<Mono<Void>> retry) {
        var t = o.listing(abnormal, serious, eventName, reason);
        EventEnvelope e = events.envelope(OrgEventTypes.ofOrganization(eventName), "organization", o.id(), o.id(), o.authorityCode(),
                t.next().version(), t.event(), actor, null);
        return registrations.update(t.next(), o.version(), List.of(e))
                .flatMap(ok -> ok || attempts <= 1 ? Mono.<Void>empty() : retry.get());
    }
}
