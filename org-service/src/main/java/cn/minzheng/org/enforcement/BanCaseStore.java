package cn.minzheng.org.enforcement;

import cn.minzheng.org.outbox.AggregateDocuments;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.security.AccessScope;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** 取缔 cases in MongoDB ({@code ban_cases}), each change with its events in the same document write. */
public class BanCaseStore {
    public static final String CASES = "ban_cases";
    private final AggregateDocuments documents;

    public BanCaseStore(AggregateDocuments documents) {
        this.documents = documents;
    }

    public Mono<BanCase> insert(BanCase c, List<EventEnvelope> events) {
        return documents.insert(CASES, c, events, Map.of());
    }

    public Mono<Boolean> update(BanCase c, long expectedVersion, List<EventEnvelope> events) {
        return documents.update(CASES, c, expectedVersion, events, Map.of());
    }

    public Mono<BanCase> banCase(String id) {
        return documents.mongo().findById(id, Document.class, CASES).map(d -> documents.fromDocument(BanCase.class, d));
    }

    /** Cases in scope (staff: region), newest first, after the cursor, optionally only undecided ones past their due day. */
    public Flux<BanCase> cases(AccessScope scope, LocalDate overdueOn, String cursor, int size) {
        Criteria c = RegistrationStore.scopeCriteria(scope, "authorityCode", "_none");
        if (overdueOn != null) {
            c = c.and("decision").is(null).and("status").ne(BanStatus.CLOSED.name()).and("dueOn").lt(overdueOn);
        }
        if (cursor != null) {
            c = c.and("_id").lt(cursor);
        }
        return documents.mongo().find(new Query(c).with(Sort.by(Sort.Direction.DESC, "_id")).limit(size), Document.class, CASES)
                .map(d -> documents.fromDocument(BanCase.class, d));
    }
}
