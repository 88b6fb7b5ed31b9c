package cn.minzheng.audit.timeline;

import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.projection.Projections;
import cn.minzheng.audit.projection.TrailProjection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which events concern an organization, across its subjects ({@link OrganizationKeys}): the
 * {@code orgEventIds} array of the document {@code _id = <organization id>} in
 * {@value Projections#SUBJECTS}, and the organization ids of a credit code in the document
 * {@code _id = credit-code:<code>} ({@code organizationIds}). Both grown with {@code $addToSet} in
 * the one upsert per document per batch: idempotent and order-free like {@link SubjectIndex}. Read
 * by {@code _id}, then the records by {@code eventId $in}: unique-index hits on every store.
 */
public class OrganizationIndex implements TrailProjection {

    static final String CREDIT_CODE_PREFIX = "credit-code:";

    private final MongoCollection<Document> subjects;

    public OrganizationIndex(MongoDatabase database) {
        this.subjects = database.getCollection(Projections.SUBJECTS);
    }

    @Override
    public String name() {
        return "organization event ids";
    }

    @Override
    public Mono<Void> prepare(MongoCollection<Document> subjects) {
        return Mono.empty();
    }

    @Override
    public Map<String, List<Bson>> updates(List<IncomingEvent> events) {
        Map<String, List<String>> byOrganization = new LinkedHashMap<>();
        Map<String, Set<String>> byCreditCode = new LinkedHashMap<>();
        for (IncomingEvent e : events) {
            Set<String> ids = OrganizationKeys.organizationIds(e.data());
            ids.forEach(id -> byOrganization.computeIfAbsent(id, o -> new ArrayList<>()).add(e.eventId()));
            String code = OrganizationKeys.creditCode(e.data());
            if (code != null) {
                byCreditCode.computeIfAbsent(CREDIT_CODE_PREFIX + code, c -> new LinkedHashSet<>()).addAll(ids);
            }
        }
        Map<String, List<Bson>> updates = new LinkedHashMap<>();
        byOrganization.forEach((id, eventIds) -> updates.put(id, List.of(Updates.addEachToSet("orgEventIds", eventIds))));
        byCreditCode.forEach((id, orgs) -> updates.merge(id, List.of(Updates.addEachToSet("organizationIds", new ArrayList<>(orgs))),
                (a, b) -> { List<Bson> all = new ArrayList<>(a); all.addAll(b); return all; }));
        return updates;
    }

    /** The organization ids a key stands for: those of a credit code, or the key itself as an organization id. */
    public Mono<List<String>> organizations(String key) {
        if (!OrganizationKeys.isCreditCode(key)) {
            return Mono.just(List.of(key));
        }
        return Mono.from(subjects.find(Filters.eq("_id", CREDIT_CODE_PREFIX + key)).first())
                .map(d -> d.getList("organizationIds", String.class, List.of()))
                .defaultIfEmpty(List.of());
    }

    /** The event ids concerning these organizations (empty for an unknown one). */
    public Mono<List<String>> eventIds(List<String> organizationIds) {
        return Flux.fromIterable(organizationIds)
                .concatMap(id -> Mono.from(subjects.find(Filters.eq("_id", id)).projection(new Document("orgEventIds", 1)).first())
                        .map(d -> d.getList("orgEventIds", String.class, List.of())))
                .collect(LinkedHashSet<String>::new, Set::addAll)
                .map(set -> (List<String>) new ArrayList<>(set));
    }
}
