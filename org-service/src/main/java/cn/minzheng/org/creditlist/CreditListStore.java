package cn.minzheng.org.creditlist;

import cn.minzheng.org.outbox.AggregateDocuments;
import cn.minzheng.platform.events.EventEnvelope;
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

    public Mono<Boolean> update(CreditListEntry e, long expectedVersion, List<EventEnvelope> events) {
        return documents.update(ENTRIES, e, expectedVersion, events, Map.of());
    }

    public Mono<CreditListEntry> entry(String id) {
        return documents.mongo().findById(id, Document.class, ENTRIES).map(d -> documents.fromDocument(CreditListEntry.class, d));
    }

    /** Entries on a list, of authorities under {@code authorityPrefix}, after {@code cursor}, at most {@code size}. */
    public Flux<PublicEntry> listed(CreditList list, String authorityPrefix, String cursor, int size) {
        Criteria c = Criteria.where("list").is(list.name()).and("status").is(EntryStatus.LISTED.name());
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
                              EntryGround ground, String groundText, java.time.LocalDate listedOn) {
    }
}
