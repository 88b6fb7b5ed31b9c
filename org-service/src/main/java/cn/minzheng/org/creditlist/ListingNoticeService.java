package cn.minzheng.org.creditlist;

import cn.minzheng.org.web.RegionScope;
import cn.minzheng.org.events.Actor;
import cn.minzheng.org.registration.RegistrationService;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import cn.minzheng.platform.kit.security.AccessPolicy;
import cn.minzheng.platform.kit.security.Principal;
import cn.minzheng.platform.kit.security.Role;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * 拟列入告知 as the organization and the registrar see them: the organization's notices (its agent's view),
 * its statement within the period, and the registrar's decision on it — acceptance (no listing) or
 * rejection with reasons, after which the listing is made at once ({@link CreditListing#listNotice}).
 */
public class ListingNoticeService {
    private final ListingNoticeStore notices;
    private final RegistrationStore registrations;
    private final CreditListing listing;
    private final Clock clock;

    public ListingNoticeService(ListingNoticeStore notices, RegistrationStore registrations, CreditListing listing, Clock clock) {
        this.notices = notices;
        this.registrations = registrations;
        this.listing = listing;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A notice with the subject of the organization's representative (its owner). */
    public record OwnedNotice(ListingNotice notice, String agentSubject) {
    }

    public Mono<OwnedNotice> notice(Principal p, String id) {
        return notices.notice(id).switchIfEmpty(Mono.error(() -> new NotFoundProblem("listing-notice", id)))
                .flatMap(n -> registrations.organization(n.organizationId()).map(s -> new OwnedNotice(n, s.agentSubject()))
                        .defaultIfEmpty(new OwnedNotice(n, null)))
                .doOnNext(o -> RegionScope.requireVisible(p, o.notice().authorityCode(), o.agentSubject(), "listing-notice", id));
    }

    /** Every notice of the organization (its agent, or staff of its region). */
    public Mono<List<ListingNotice>> ofOrganization(Principal p, String organizationId) {
        return registrations.organization(organizationId)
                .switchIfEmpty(Mono.error(() -> new NotFoundProblem("organization", organizationId)))
                .doOnNext(s -> RegionScope.requireVisible(p, s.organization().authorityCode(), s.agentSubject(), "organization", organizationId))
                .flatMap(s -> notices.ofOrganization(organizationId).collectList());
    }

    /** 陈述、申辩 by the organization's representative, within the period. */
    public Mono<ListingNotice> respond(Principal p, String id, long ifMatch, String statement, String reasons, String traceparent) {
        return notice(p, id).flatMap(o -> {
            AccessPolicy.requireAnyRole(p, Role.ORG_AGENT);
            if (!p.subject().equals(o.agentSubject()) && !p.isAdmin()) {
                return Mono.error(new ForbiddenProblem());
            }
            ListingNotice n = o.notice();
            if (n.version() != ifMatch) {
                return Mono.error(new StaleVersionProblem(ifMatch, n.version()));
            }
            var t = n.respond(statement, reasons, today(), p.subject());
            return notices.update(t.next(), n.version(), List.of(listing.noticeEvent(t, new Actor(p.subject(), Role.ORG_AGENT.name()), traceparent)))
                    .flatMap(ok -> ok ? Mono.just(t.next()) : Mono.error(new StaleVersionProblem(ifMatch, null)));
        });
    }

    /** The registrar accepts the statement: no listing. */
    public Mono<ListingNotice> accept(Principal p, String id, long ifMatch, String reasons, String traceparent) {
        return decide(p, id, ifMatch, traceparent, n -> n.accept(reasons, today(), p.subject()), false);
    }

    /** The registrar rejects the statement with reasons: the listing is made at once. */
    public Mono<ListingNotice> reject(Principal p, String id, long ifMatch, String reasons, String traceparent) {
        return decide(p, id, ifMatch, traceparent, n -> n.reject(reasons, today(), p.subject()), true);
    }

    private Mono<ListingNotice> decide(Principal p, String id, long ifMatch, String traceparent,
                                       java.util.function.Function<ListingNotice, cn.minzheng.platform.kit.domain.Transitioned<ListingNotice,
                                               cn.minzheng.org.events.DomainEvent>> step, boolean thenList) {
        return notice(p, id).flatMap(o -> {
            AccessPolicy.requireAnyRole(p, Role.REGISTRAR);
            // 回避: not the notice of an organization one acts for
            AccessPolicy.requireNotOwnCase(p, o.notice().authorityCode(), Arrays.asList(o.agentSubject()),
                    RegistrationService.OWN_ORGANIZATION_CASE, o.notice().id());
            ListingNotice n = o.notice();
            if (n.version() != ifMatch) {
                return Mono.error(new StaleVersionProblem(ifMatch, n.version()));
            }
            var t = step.apply(n);
            Actor actor = new Actor(p.subject(), Role.REGISTRAR.name());
            return notices.update(t.next(), n.version(), List.of(listing.noticeEvent(t, actor, traceparent)))
                    .flatMap(ok -> {
                        if (!ok) {
                            return Mono.error(new StaleVersionProblem(ifMatch, null));
                        }
                        return thenList ? listing.listNotice(t.next(), today(), actor).defaultIfEmpty(t.next()) : Mono.just(t.next());
                    });
        });
    }
}
