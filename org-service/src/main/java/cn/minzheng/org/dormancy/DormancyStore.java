package cn.minzheng.org.dormancy;

import cn.minzheng.org.outbox.AggregateDocuments;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.outbox.PendingEvents;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Inspection tasks (an outbox collection) and the runs of the dormancy sweep. */
public class DormancyStore {
    public static final String TASKS = "inspection_tasks";
    public static final String SWEEPS = "dormancy_sweeps";
    static final String SWEEP_EVENTS = "sweep_events";
    private final AggregateDocuments documents;

    public DormancyStore(AggregateDocuments documents) {
        this.documents = documents;
    }

    public AggregateDocuments documents() {
        return documents;
    }

    public Document document(InspectionTask t, String organizationName) {
        Document d = documents.toDocument(t);
        d.put("organizationName", organizationName);
        d.put(PendingEvents.FIELD, PendingEvents.documents(List.of()));
        return d;
    }

    public Mono<Long> insertAll(List<Document> tasks) {
        return documents.insertAll(TASKS, tasks);
    }

    public Mono<Boolean> update(InspectionTask t, long expectedVersion, List<EventEnvelope> events) {
        return documents.update(TASKS, t, expectedVersion, events, Map.of());
    }

    public Mono<InspectionTask> task(String id) {
        return documents.mongo().findById(id, Document.class, TASKS).map(d -> documents.fromDocument(InspectionTask.class, d));
    }

    /** The ids among {@code ids} that exist ({@code _id $in}). */
    public Mono<Set<String>> existing(List<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Set.of());
        }
        Query q = new Query(Criteria.where("_id").in(ids));
        q.fields().include("_id");
        return documents.mongo().find(q, Document.class, TASKS).map(d -> d.getString("_id")).collect(Collectors.toSet());
    }

    /** Tasks of authorities under {@code authorityPrefix}, of {@code status} (all when null), after {@code cursor}, at most {@code size}. */
    public Flux<InspectionTask> tasks(String authorityPrefix, TaskStatus status, String cursor, int size) {
        Criteria c = Criteria.where("authorityCode").regex("^" + Pattern.quote(authorityPrefix));
        if (status != null) {
            c = c.and("status").is(status.name());
        }
        if (cursor != null) {
            c = c.and("_id").gt(cursor);
        }
        return documents.mongo().find(new Query(c).with(Sort.by("_id")).limit(size), Document.class, TASKS)
                .map(d -> documents.fromDocument(InspectionTask.class, d));
    }

    public Mono<DormancySweep> sweep(String id) {
        return documents.mongo().findById(id, Document.class, SWEEPS).map(d -> documents.fromDocument(DormancySweep.class, d));
    }

    /** Saves the run's state and progress (not an outbox collection: a plain replace). */
    public Mono<DormancySweep> save(DormancySweep s) {
        return documents.mongo().save(documents.toDocument(s), SWEEPS).thenReturn(s);
    }
}
