package cn.minzheng.audit.statistics;

import cn.minzheng.audit.reads.ReadBounds;
import cn.minzheng.audit.reads.ReadRefusal;
import cn.minzheng.audit.search.CallerScope;
import cn.minzheng.audit.search.RecordQuery;
import cn.minzheng.audit.search.RecordSearchStore;
import cn.minzheng.audit.projection.RecordCountProjection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Counts of trail records by day (China Standard Time), service, type or region, within the caller's
 * scope: read from the record-count projection, or — until its first build is complete — counted
 * over the records in the range.
 */
public class RecordCounts {

    private final RecordSearchStore store;
    private final ReadBounds bounds;
    private final RecordCountProjection projection;

    public RecordCounts(RecordSearchStore store, ReadBounds bounds, RecordCountProjection projection) {
        this.store = store;
        this.bounds = bounds;
        this.projection = projection;
    }

    public Mono<CountsView> counts(CountQuery q) {
        RecordQuery query = q.records();
        // counting scans the trail's records in the range: a range is required and bounded
        Optional<ReadRefusal> unbounded = bounds.statisticsRefusal(query.from(), query.to());
        if (unbounded.isPresent()) {
            return Mono.error(unbounded.get());
        }
        return CallerScope.current().flatMap(caller -> {
            RecordQuery scoped = caller.narrow(query);
            return fromProjection(scoped, q.field()).switchIfEmpty(scan(scoped, q.field()))
                    .map(counts -> new CountsView(q.by(), scoped.region(),
                            scoped.from() == null ? null : scoped.from().toString(),
                            scoped.to() == null ? null : scoped.to().toString(), counts,
                            counts.values().stream().mapToLong(Long::longValue).sum()));
        });
    }

    /** From the record-count projection (issue 20 item 7); empty while it has no complete generation. */
    private Mono<Map<String, Long>> fromProjection(RecordQuery scoped, String field) {
        if (projection == null || scoped.from() == null || scoped.to() == null) {
            return Mono.empty();
        }
        return projection.counts(field, scoped.type(), scoped.region(), scoped.from(), scoped.to());
    }

    /** Over the records in the range: what the projection replaces, kept until its first build is complete. */
    Mono<Map<String, Long>> scan(RecordQuery scoped, String field) {
        return store.countBy(scoped, field).collect(LinkedHashMap<String, Long>::new,
                (m, d) -> m.put(String.valueOf(d.get("_id")), ((Number) d.get("count")).longValue()));
    }
}
