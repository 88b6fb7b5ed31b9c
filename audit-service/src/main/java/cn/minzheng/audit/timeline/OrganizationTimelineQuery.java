package cn.minzheng.audit.timeline;

import cn.minzheng.audit.chain.RecordMac;
import cn.minzheng.audit.chain.TrailNotFound;
import cn.minzheng.audit.projection.Projections;
import cn.minzheng.audit.search.CallerScope;
import cn.minzheng.audit.search.RecordSearchStore;
import cn.minzheng.audit.search.RegionScope;
import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.security.Role;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One organization's 全过程记录 across its applications, reports and cases (issue 16 item 4): the
 * records the organization index lists ({@link OrganizationIndex}, built from the organization ids
 * the events carry, {@link OrganizationKeys}) and the records of the organization's own subject,
 * confirmed against the chain ({@link TimelineIntegrity#confirmOrganization}), within the caller's
 * region scope, and the read recorded in the trail under the organization id — the same gates as
 * {@link TimelineQuery} (gateway route {@code audit}, {@code minzheng.security.route-roles},
 * {@link CallerScope}/{@link RegionScope}).
 */
public class OrganizationTimelineQuery {

    private final RecordSearchStore store;
    private final TimelineReads reads;
    private final OrganizationIndex index;
    private final Projections projections;
    private final RecordMac macs;

    public OrganizationTimelineQuery(RecordSearchStore store, TimelineReads reads, OrganizationIndex index,
            Projections projections, RecordMac macs) {
        this.store = store;
        this.reads = reads;
        this.index = index;
        this.projections = projections;
        this.macs = macs;
    }

    /** The timeline, recorded as read; 404 when the caller's scope holds nothing of the organization. */
    public Mono<OrganizationTimelineView> read(TimelineRequest request) {
        String key = request.subject();
        return CallerScope.current().flatMap(caller -> {
            if (!projections.ready()) { // the organization index is built from the trail at start
                return Mono.error(new ProblemException(503, "projections-rebuilding"));
            }
            return index.organizations(key).flatMap(organizations -> organizations.isEmpty()
                    ? Mono.error(TrailNotFound.organizationTimeline(key))
                    : confirmed(organizations, caller.scope(), request.excludedType()).flatMap(confirmed ->
                            confirmed.nothingToShow()
                                    ? Mono.error(TrailNotFound.organizationTimeline(key))
                                    : reads.record(caller.principal(),
                                                    caller.principal().has(Role.ADMIN) ? "ADMIN" : "AUDITOR",
                                                    organizations.get(0))
                                            .onErrorMap(e -> !(e instanceof ProblemException),
                                                    e -> new ProblemException(503, "trail-unavailable"))
                                            .map(readEvent -> view(key, organizations, confirmed, readEvent.id()))));
        });
    }

    private Mono<TimelineIntegrity.Confirmed> confirmed(List<String> organizations, RegionScope scope, String excludedType) {
        Predicate<Document> inScope = d -> scope.covers(d.getString("regionCode"))
                && (excludedType == null || !excludedType.equals(d.getString("type")));
        Mono<List<Document>> scanned = Flux.fromIterable(organizations)
                .concatMap(id -> store.timeline(id, scope.prefix(), excludedType, TimelineQuery.MAX_ENTRIES))
                .collectList();
        return index.eventIds(organizations).flatMap(listed -> Mono.zip(scanned,
                        store.byEventIds(listed.size() > TimelineQuery.MAX_ENTRIES
                                ? listed.subList(0, TimelineQuery.MAX_ENTRIES) : listed).collectList())
                .publishOn(Schedulers.boundedElastic())
                .map(t -> TimelineIntegrity.confirmOrganization(Set.copyOf(organizations), t.getT1(), listed, t.getT2(),
                        inScope, macs)));
    }

    private static OrganizationTimelineView view(String key, List<String> organizations, TimelineIntegrity.Confirmed confirmed,
            String readEventId) {
        List<TimelineView.Entry> entries = confirmed.entries().stream().sorted(TimelineQuery.ORDER)
                .map(d -> TimelineQuery.entry(d, confirmed)).toList();
        Set<String> subjects = new LinkedHashSet<>();
        entries.forEach(e -> subjects.add(e.subject()));
        return new OrganizationTimelineView(key, organizations, List.copyOf(subjects), entries.size(), entries,
                confirmed.report(), readEventId);
    }
}
