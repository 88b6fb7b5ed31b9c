package cn.minzheng.org.creditlist;

import java.time.LocalDate;
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
import java.util.regex.Pattern;

/** Credit-list entries; the organization's name and credit code are kept beside each for the public list. */
public class CreditListStore {
    public static final String ENTRIES = "credit_list_entries";
    private final AggregateDocuments documents;

    public CreditListStore(AggregateDocuments documents) {
        this.documents = documents;
    }

    /** Inserts once per id (a DuplicateKeyException when it exists). */
    public Mono<CreditListEntry> insert(CreditListEntry e, String organizationName, String creditCode, List<EventEnvelope> events) {
        return documents.insert(ENTRIES, e, events, Map.of("organizationName", organizationName,
                "creditCode", creditCode == null ? "" : creditCode));
    }

    /** The document {@link #insert} writes, for bulk inserts ({@link #insertAll}). */
    public Document document(CreditListEntry e, String organizationName, String creditCode, List<EventEnvelope> events) {
        Document d = documents.toDocument(e);
        d.put("organizationName", organizationName);
        d.put("creditCode", creditCode == null ? "" : creditCode);
        d.put(PendingEvents.FIELD, PendingEvents.documents(events));
        return d;
    }

    /** Many entries in one round trip; entries that exist already (a re-run) are left as they are. */
    public Mono<Long> insertAll(List<Document> entries) {
        return documents.insertAll(ENTRIES, entries);
    }

    /** Publishes the pending events of these entries (after a bulk insert). */
    public Mono<Void> publish(List<String> ids) {
        return documents.publish(ENTRIES, ids, 8);
    }

    public Mono<Boolean> update(CreditListEntry e, long expectedVersion, List<EventEnvelope> events) {
        return documents.update(ENTRIES, e, expectedVersion, events, Map.of());
    }

    public Mono<CreditListEntry> entry(String id) {
        return documents.mongo().findById(id, Document.class, ENTRIES).map(d -> documents.fromDocument(CreditListEntry.class, d));
    }

    /** The organization's entries still listed. */
    public Flux<CreditListEntry> openEntries(String organizationId) {
        return documents.mongo().find(new Query(Criteria.where("organizationId").is(organizationId)
                        .and("status").is(EntryStatus.LISTED.name())).with(Sort.by("_id")), Document.class, ENTRIES)
                .map(d -> documents.fromDocument(CreditListEntry.class, d));
    }

    /** Every listed entry of authorities under {@code authorityPrefix} (all when null), for the daily sweep. */
    public Flux<CreditListEntry> allListed(String authorityPrefix) {
        Criteria c = Criteria.where("status").is(EntryStatus.LISTED.name());
        if (authorityPrefix != null) {
            c = c.and("authorityCode").regex("^" + Pattern.quote(authorityPrefix));
        }
        return documents.mongo().find(new Query(c).with(Sort.by("_id")), Document.class, ENTRIES)
                .map(d -> documents.fromDocument(CreditListEntry.class, d));
    }

    /**
     * The ids of the entries of authorities under {@code authorityPrefix} (all when null) after {@code cursor}, in
     * {@code _id} order, whatever their status, as ONE streamed query (read once per sweep run; each batch's
     * entries then by their ids, {@link #entries}). A batch is the same set of entries when it is run again.
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
        return documents.mongo().find(q, Document.class, ENTRIES).map(d -> d.getString("_id"));
    }

    /** These entries as stored now ({@code _id $in}: one indexed query per sweep batch), in no particular order. */
    public Flux<CreditListEntry> entries(List<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return documents.mongo().find(new Query(Criteria.where("_id").in(ids)), Document.class, ENTRIES)
                .map(d -> documents.fromDocument(CreditListEntry.class, d));
    }

    /** The entries still listed of these organizations (one query for a sweep batch). */
    public Flux<CreditListEntry> openEntries(List<String> organizationIds) {
        if (organizationIds.isEmpty()) {
            return Flux.empty();
        }
        return documents.mongo().find(new Query(Criteria.where("organizationId").in(organizationIds)
                        .and("status").is(EntryStatus.LISTED.name())), Document.class, ENTRIES)
                .map(d -> documents.fromDocument(CreditListEntry.class, d));
    }

    /** Many conditional entry changes in one round trip; emits how many applied. */
    public Mono<Long> updateAll(List<AggregateDocuments.VersionedWrite> writes) {
        return documents.updateAll(ENTRIES, writes);
    }

    /** Runs of the daily sweep, one document per scope. */
    public static final String SWEEPS = "credit_list_sweeps";

    public Mono<SweepRun> run(String id) {
        return documents.mongo().findById(id, Document.class, SWEEPS).map(d -> documents.fromDocument(SweepRun.class, d));
    }

    /** Saves the run's state (not an outbox collection: a plain replace). */
    public Mono<SweepRun> save(SweepRun run) {
        return documents.mongo().save(documents.toDocument(run), SWEEPS).thenReturn(run);
    }

    /** Entries on a list, of authorities under {@code authorityPrefix}, after {@code cursor}, at most {@code size}. */
    public Flux<PublicEntry> listed(CreditList list, String authorityPrefix, String cursor, int size) {
        return listed(list, authorityPrefix, null, null, cursor, size);
    }

    /** Entries still listed; each filter optional: list, authority prefix, exact credit code, part of the name. */
    public Flux<PublicEntry> listed(CreditList list, String authorityPrefix, String creditCode, String nameContains, String cursor, int size) {
        Criteria c = Criteria.where("status").is(EntryStatus.LISTED.name());
        if (list != null) {
            c = c.and("list").is(list.name());
        }
        if (creditCode != null) {
            c = c.and("creditCode").is(creditCode);
        }
        if (nameContains != null) {
            c = c.and("organizationName").regex(Pattern.quote(nameContains));
        }
        if (authorityPrefix != null) {
            c = c.and("authorityCode").regex("^" + Pattern.quote(authorityPrefix));
        }
        if (cursor != null) {
            c = c.and("_id").gt(cursor);
        }
        return documents.mongo().find(new Query(c).with(Sort.by("_id")).limit(size), Document.class, ENTRIES)
                .map(d -> {
                    CreditListEntry e = documents.fromDocument(CreditListEntry.class, d);
                    return new PublicEntry(e.id(), d.getString("organizationName"), d.getString("creditCode"), e.authorityCode(),
                            e.list(), e.ground(), e.ground().text(), e.listedOn());
                });
    }

    /** One public row of a credit list (公示). */
    public record PublicEntry(String entryId, String organizationName, String creditCode, String authorityCode, CreditList list,
                              EntryGround ground, String groundText, LocalDate listedOn) {
    }
}
