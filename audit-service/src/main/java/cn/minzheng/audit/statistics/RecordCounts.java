package cn.minzheng.audit.statistics;

import cn.minzheng.audit.reads.ReadBounds;
import cn.minzheng.audit.reads.ReadRefusal;
import cn.minzheng.audit.search.CallerScope;
import cn.minzheng.audit.search.RecordQuery;
import cn.minzheng.audit.search.RecordSearchStore;
import java.util.LinkedHashMap;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** Counts of trail records by day (China Standard Time), service, type or region, within the caller's scope. */
public class RecordCounts {

    private final RecordSearchStore store;
    private final ReadBounds bounds;

    public RecordCounts(RecordSearchStore store, ReadBounds bounds) {
        this.store = store;
        this.bounds = bounds;
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
            return store.countBy(scoped, q.field()).collect(LinkedHashMap<String, Long>::new,
                    (m, d) -> m.put(String.valueOf(d.get("_id")), ((Number) d.get("count")).longValue()))
                    .map(counts -> new CountsView(q.by(), scoped.region(),
                            scoped.from() == null ? null : scoped.from().toString(),
                            scoped.to() == null ? null : scoped.to().toString(), counts,
                            counts.values().stream().mapToLong(Long::longValue).sum()));
        });
    }
}
