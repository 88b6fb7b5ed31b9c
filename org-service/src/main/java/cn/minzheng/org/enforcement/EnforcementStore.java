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
import java.util.regex.Pattern;
import java.util.Map;

/**
 * Enforcement cases in MongoDB, each change with its events in the same document write. Beside the
 * case: the organization's representative ({@code agentSubject}, the party) and, once a decision with a
 * warning or small fine is delivered, {@code smallPenaltyOn} (to count repeats within 3 years).
 */
public class EnforcementStore {
    public static final String CASES = "enforcement_cases";
    private final AggregateDocuments documents;

    public EnforcementStore(AggregateDocuments documents) {
        this.documents = documents;
    }

    public Mono<EnforcementCase> insert(EnforcementCase c, String agentSubject, String organizationName, List<EventEnvelope> events) {
        return documents.insert(CASES, c, events, Map.of("agentSubject", agentSubject == null ? "" : agentSubject,
                "organizationName", organizationName));
    }

    public Mono<Boolean> update(EnforcementCase c, long expectedVersion, List<EventEnvelope> events, Map<String, Object> extra) {
        return documents.update(CASES, c, expectedVersion, events, extra);
    }

    public Mono<StoredCase> enforcementCase(String id) {
        return documents.mongo().findById(id, Document.class, CASES).map(this::stored);
    }

    /** Cases in scope (staff: region; party: its own), newest first, optionally only overdue ones. */
    public Flux<StoredCase> cases(AccessScope scope, String organizationId, LocalDate overdueOn, String cursor, int size) {
        Criteria c = RegistrationStore.scopeCriteria(scope, "authorityCode", "agentSubject");
        if (organizationId != null) {
            c = c.and("organizationId").is(organizationId);
        }
        if (overdueOn != null) {
            c = c.and("decision").is(null).and("status").ne(CaseStatus.CLOSED.name()).and("dueOn").lt(overdueOn);
        }
        if (cursor != null) {
            c = c.and("_id").lt(cursor);
        }
        return documents.mongo().find(new Query(c).with(Sort.by(Sort.Direction.DESC, "_id")).limit(size), Document.class, CASES)
                .map(this::stored);
    }

    /** Cases with a decision, of authorities under a region prefix (all when null), newest first, after the cursor (公示). */
    public Flux<StoredCase> decided(String authorityPrefix, String cursor, int size) {
        Criteria c = Criteria.where("decision").ne(null);
        if (authorityPrefix != null) {
            c = c.and("authorityCode").regex("^" + Pattern.quote(authorityPrefix));
        }
        if (cursor != null) {
            c = c.and("_id").lt(cursor);
        }
        return documents.mongo().find(new Query(c).with(Sort.by(Sort.Direction.DESC, "_id")).limit(size), Document.class, CASES)
                .map(this::stored);
    }

    /** Delivered warnings / small fines against the organization since {@code since}, other than {@code exceptCase}. */
    public Mono<Long> smallPenaltiesSince(String organizationId, LocalDate since, String exceptCase) {
        return documents.mongo().count(new Query(Criteria.where("organizationId").is(organizationId).and("_id").ne(exceptCase)
                .and("smallPenaltyOn").gte(since.toString())), CASES);
    }

    private StoredCase stored(Document d) {
        String agent = d.getString("agentSubject");
        return new StoredCase(documents.fromDocument(EnforcementCase.class, d), agent == null || agent.isEmpty() ? null : agent,
                d.getString("organizationName"));
    }

    public record StoredCase(EnforcementCase enforcementCase, String agentSubject, String organizationName) {
    }
}
