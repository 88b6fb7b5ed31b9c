package cn.minzheng.org.creditlist;

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

/** 拟列入告知 in MongoDB, with the organization's name beside each (the agent's and the registrar's lists show it). */
public class ListingNoticeStore {
    public static final String NOTICES = "listing_notices";
    private final AggregateDocuments documents;

    public ListingNoticeStore(AggregateDocuments documents) {
        this.documents = documents;
    }

    /** The document {@link #insertAll} writes (events held elsewhere: a sweep batch's outbox document). */
    public Document document(ListingNotice n, String organizationName, List<EventEnvelope> events) {
        Document d = documents.toDocument(n);
        d.put("organizationName", organizationName);
        d.put(PendingEvents.FIELD, PendingEvents.documents(events));
        return d;
    }

    /** Many notices in one round trip; those that exist already (a re-run) are left as they are. */
    public Mono<Long> insertAll(List<Document> notices) {
        return documents.insertAll(NOTICES, notices);
    }

    public Mono<Boolean> update(ListingNotice n, long expectedVersion, List<EventEnvelope> events) {
        return documents.update(NOTICES, n, expectedVersion, events, Map.of());
    }

    /** Many conditional changes in one round trip; emits how many applied. */
    public Mono<Long> updateAll(List<AggregateDocuments.VersionedWrite> writes) {
        return documents.updateAll(NOTICES, writes);
    }

    public Mono<ListingNotice> notice(String id) {
        return documents.mongo().findById(id, Document.class, NOTICES).map(d -> documents.fromDocument(ListingNotice.class, d));
    }

    /** The ids among {@code ids} that exist ({@code _id $in}: one indexed query). */
    public Mono<Set<String>> existing(List<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Set.of());
        }
        Query q = new Query(Criteria.where("_id").in(ids));
        q.fields().include("_id");
        return documents.mongo().find(q, Document.class, NOTICES).map(d -> d.getString("_id")).collect(Collectors.toSet());
    }

    /** Every notice of the organization, newest id last. */
    public Flux<ListingNotice> ofOrganization(String organizationId) {
        return documents.mongo().find(new Query(Criteria.where("organizationId").is(organizationId)).with(Sort.by("_id")), Document.class,
                NOTICES).map(d -> documents.fromDocument(ListingNotice.class, d));
    }

    /**
     * The ids of the notices of authorities under {@code authorityPrefix} (all when null) after {@code cursor}, in
     * {@code _id} order, whatever their status, as ONE streamed query: a sweep reads its scope once per run (the
     * Mongo-wire server answers this only by a scan — a query per batch scanned the collection once per 500
     * notices) and each batch's notices by their ids ({@link #notices}). A batch is the same set of notices when
     * it is run again from the same cursor.
     */
    public Flux<String> idsAfter(String authorityPrefix, String cursor) {
        Criteria c = new Criteria();
        if (authorityPrefix != null) {
            c = c.and("authorityCode").regex("^" + Pattern.quote(authorityPrefix));
        }
        if (cursor != null) {
            c = c.and("_id").gt(cursor);
        }
        Query q = new Query(c).with(Sort.by("_id"));
        q.fields().include("_id");
        return documents.mongo().find(q, Document.class, NOTICES).map(d -> d.getString("_id"));
    }

    /** These notices as stored now ({@code _id $in}: one indexed query per sweep batch), in no particular order. */
    public Flux<ListingNotice> notices(List<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return documents.mongo().find(new Query(Criteria.where("_id").in(ids)), Document.class, NOTICES)
                .map(d -> documents.fromDocument(ListingNotice.class, d));
    }
}
