package cn.minzheng.audit.timeline;

import cn.minzheng.audit.chain.JsonText;
import cn.minzheng.audit.chain.RecordMac;
import cn.minzheng.audit.chain.TrailNotFound;
import cn.minzheng.audit.projection.Projections;
import cn.minzheng.audit.search.CallerScope;
import cn.minzheng.audit.search.RecordSearchStore;
import cn.minzheng.audit.search.RecordView;
import cn.minzheng.audit.search.RegionScope;
import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.security.KitSecurityProperties;
import cn.minzheng.platform.kit.security.Role;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bson.Document;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * 全过程记录 of one subject, as an auditor reads it: the subject's records within the caller's
 * region scope, confirmed against the chain ({@link TimelineIntegrity}), and the read itself recorded
 * in the trail ({@link TimelineReads}) before it is answered.
 *
 * <p>Which records: the scan by {@code subject} is the source; the subjects index ({@link SubjectIndex})
 * is read beside it and compared, once the projections are built ({@link Projections#ready()}), never
 * believed alone — that index-or-scan choice is made here, not in the controller.
 *
 * <p>Who may read a timeline is enforced in three places, each linked to the others:
 * the gateway's route {@code audit} (roles AUDITOR, ADMIN, {@code gateway/src/main/resources/application.yml});
 * audit-service's {@code minzheng.security.route-roles} ({@link KitSecurityProperties.RouteRoles}, in
 * {@code audit-service/src/main/resources/application.yml}: the same roles, 403 {@code role-not-admitted});
 * and here, the caller's region scope ({@link CallerScope}, {@link RegionScope}: an AUDITOR reads the
 * records whose region code starts with the token's region, an ADMIN all; neither → 403).
 *
 * @see CallerScope
 * @see RegionScope
 * @see KitSecurityProperties.RouteRoles
 */
public class TimelineQuery {

    static final int MAX_ENTRIES = 5000;

    /** Time order, then chain order (the order of the scan this replaces). */
    static final Comparator<Document> ORDER = Comparator.<Document>comparingLong(d -> ((Number) d.get("timeMs")).longValue())
            .thenComparing(d -> d.getString("chain")).thenComparingLong(d -> ((Number) d.get("sequence")).longValue());

    private final RecordSearchStore store;
    private final TimelineReads reads;
    private final SubjectIndex index;
    private final Projections projections;
    private final RecordMac macs;

    public TimelineQuery(RecordSearchStore store, TimelineReads reads, SubjectIndex index, Projections projections,
            RecordMac macs) {
        this.store = store;
        this.reads = reads;
        this.index = index;
        this.projections = projections;
        this.macs = macs;
    }

    /** The timeline, recorded as read; 404 when the caller's scope holds nothing of the subject. */
    public Mono<TimelineView> read(TimelineRequest request) {
        String subject = request.subject();
        return CallerScope.current().flatMap(caller -> confirmed(subject, caller.scope(), request.excludedType())
                .flatMap(confirmed -> confirmed.nothingToShow()
                        ? Mono.error(TrailNotFound.timeline(subject))
                        : reads.record(caller.principal(), caller.principal().has(Role.ADMIN) ? "ADMIN" : "AUDITOR",
                                        subject)
                                .onErrorMap(e -> !(e instanceof ProblemException),
                                        e -> new ProblemException(503, "trail-unavailable"))
                                .map(readEvent -> view(subject, confirmed, readEvent.id()))));
    }

    /**
     * The subject's records in scope as the trail holds them (the scan by {@code subject}: an index
     * hit on MongoDB's {@code subject_1_timeMs_1}, a scan of the trail on the Mongo-wire server), checked
     * one by one and compared with the subjects index once the projections are built (before that,
     * while a trail stored before the index is rebuilt at start, there is nothing to compare). The
     * index alone is never believed: anyone who may write the database can edit it.
     */
    private Mono<TimelineIntegrity.Confirmed> confirmed(String subject, RegionScope scope, String excludedType) {
        Mono<List<Document>> scanned = store.timeline(subject, scope.prefix(), excludedType, MAX_ENTRIES)
                .sort(ORDER).collectList();
        Predicate<Document> inScope = d -> scope.covers(d.getString("regionCode"))
                && (excludedType == null || !excludedType.equals(d.getString("type")));
        if (!projections.ready()) {
            return scanned.publishOn(Schedulers.boundedElastic())
                    .map(docs -> TimelineIntegrity.confirm(subject, docs, null, List.of(), inScope, macs));
        }
        return index.eventIds(subject).flatMap(listed -> Mono.zip(scanned, store.byEventIds(listed).collectList())
                .publishOn(Schedulers.boundedElastic())
                .map(t -> TimelineIntegrity.confirm(subject, t.getT1(), listed, t.getT2(), inScope, macs)));
    }

    static TimelineView.Entry entry(Document d, TimelineIntegrity.Confirmed confirmed) {
        RecordView r = RecordView.of(d);
        Object data;
        try {
            data = JsonText.parse(d.getString("data"));
        } catch (RuntimeException unreadable) {
            data = null; // its integrity says why
        }
        String eventId = d.getString("eventId");
        return new TimelineView.Entry(r.time(), r.type(), r.subject(), r.actorId(), r.actorRole(), r.regionCode(),
                r.fromStatus(), r.toStatus(), r.reason(), r.chain(), r.sequence(), r.hash(), r.eventId(), r.traceId(),
                data instanceof Map<?, ?> map ? map.get("changes") : null, confirmed.entryIntegrity().get(eventId),
                confirmed.indexed().get(eventId));
    }

    private static TimelineView view(String subject, TimelineIntegrity.Confirmed confirmed, String readEventId) {
        List<TimelineView.Entry> entries = confirmed.entries().stream().map(d -> entry(d, confirmed)).toList();
        return new TimelineView(subject, entries.size(), entries, confirmed.report(), readEventId);
    }
}
