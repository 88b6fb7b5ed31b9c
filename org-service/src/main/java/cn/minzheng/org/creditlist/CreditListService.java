package cn.minzheng.org.creditlist;

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
import java.util.List;

/**
 * Leaving the credit lists: removal on the organization's application once a registrar verified the
 * fix, and the sweep that removes entries whose period has run and moves 2-year 异常名录 entries to the
 * 失信名单. Each entry change is a conditional single-document update, so a re-run changes nothing twice.
 */
public class CreditListService {
    private static final Logger log = LoggerFactory.getLogger(CreditListService.class);
    static final int PROGRESS_EVERY = 500;
    private final CreditListStore store;
    private final RegistrationStore registrations;
    private final CreditListing listing;
    private final CreditListPolicy policy;
    private final Clock clock;

    public CreditListService(CreditListStore store, RegistrationStore registrations, CreditListing listing, CreditListPolicy policy,
                             Clock clock) {
        this.store = store;
        this.registrations = registrations;
        this.listing = listing;
        this.policy = policy;
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
                .doOnNext(o -> AccessPolicy.requireMayActOn(p, o.entry().authorityCode(), o.agentSubject()));
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

    /** What one run of the sweep did. */
    public record SweepResult(long examined, long removed, long escalated) {
        SweepResult plus(SweepResult o) {
            return new SweepResult(examined + o.examined, removed + o.removed, escalated + o.escalated);
        }
    }

    /** Daily sweep over the listed entries of authorities under {@code authorityPrefix}. */
    public Mono<SweepResult> sweep(Principal p, String authorityPrefix) {
        AccessPolicy.requireAnyRole(p, Role.REGISTRAR);
        if (!AccessPolicy.mayActInRegion(p, authorityPrefix)) {
            return Mono.error(new ForbiddenProblem());
        }
        return sweep(authorityPrefix, Actor.system());
    }

    /**
     * One run over the listed entries (all authorities when {@code authorityPrefix} is null), logging its
     * progress every {@value #PROGRESS_EVERY} entries and its result. Each change is a conditional
     * single-document update with its event, so a run interrupted anywhere can simply run again.
     */
    public Mono<SweepResult> sweep(String authorityPrefix, Actor actor) {
        LocalDate on = today();
        String scope = authorityPrefix == null ? "all authorities" : authorityPrefix;
        long started = System.nanoTime();
        return store.allListed(authorityPrefix)
                .concatMap(e -> sweepOne(e, on, actor))
                .scan(new SweepResult(0, 0, 0), SweepResult::plus)
                .doOnNext(r -> {
                    if (r.examined() > 0 && r.examined() % PROGRESS_EVERY == 0) {
                        log.info("credit-list sweep ({}, {}): {} examined, {} removed, {} escalated so far", scope, on, r.examined(),
                                r.removed(), r.escalated());
                    }
                })
                .last(new SweepResult(0, 0, 0))
                .doOnNext(r -> log.info("credit-list sweep ({}, {}) done in {} ms: {} examined, {} removed, {} escalated", scope, on,
                        (System.nanoTime() - started) / 1_000_000, r.examined(), r.removed(), r.escalated()));
    }

    private Mono<SweepResult> sweepOne(CreditListEntry e, LocalDate on, Actor actor) {
        var due = e.removeWhenDue(on, policy);
        if (due.isPresent()) {
            var t = due.get();
            return store.update(t.next(), e.version(), List.of(listing.entryEvent(t, actor))).flatMap(ok -> ok
                    ? listing.unflagIfNoneLeft(e.organizationId(), e.list(), t.event().reason(), actor, 3).thenReturn(new SweepResult(1, 1, 0))
                    : Mono.just(new SweepResult(1, 0, 0)));
        }
        if (e.escalationDue(on, policy)) {
            var t = e.escalate(on, policy);
            return registrations.organization(e.organizationId())
                    .flatMap(s -> listing.list(s.organization(), EntryGround.ABNORMAL_TWO_YEARS, e.escalationEntryId(),
                            e.facts() + "（列入活动异常名录满2年）", on, on, actor))
                    .then(store.update(t.next(), e.version(), List.of(listing.entryEvent(t, actor))))
                    .flatMap(ok -> ok
                            ? listing.unflagIfNoneLeft(e.organizationId(), CreditList.ABNORMAL, t.event().reason(), actor, 3)
                            .thenReturn(new SweepResult(1, 0, 1))
                            : Mono.just(new SweepResult(1, 0, 0)));
        }
        return Mono.just(new SweepResult(1, 0, 0));
    }

    /** One page of the public 名录 (list absent: both; creditCode exact; name a part), after the cursor. */
    public Mono<Page<CreditListStore.PublicEntry>> publicPage(CreditList list, String authority, String creditCode, String name,
                                                              String cursor, int size) {
        return store.listed(list, authority, creditCode, name, cursor, size + 1).collectList()
                .map(l -> l.size() > size ? new Page<>(l.subList(0, size), l.get(size - 1).entryId()) : new Page<>(l, null));
    }
}
