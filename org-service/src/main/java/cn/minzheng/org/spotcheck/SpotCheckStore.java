package cn.minzheng.org.spotcheck;

import cn.minzheng.org.outbox.AggregateDocuments;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.platform.events.EventEnvelope;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Spot-check plans in MongoDB, each change with its events in the same document write. The name and
 * credit code of every drawn organization are kept beside the plan (as they were at the draw), for
 * the public results. Each plan also carries its {@link SpotCheckPlan#drawSlots() draw slots} under
 * {@value #SLOTS}, one field per organization type with a unique sparse index each
 * ({@link #slotField}): the insert itself refuses a second draw of a slot, even when two race — no
 * read-then-write, no transaction.
 */
public class SpotCheckStore {
    public static final String PLANS = "spot_checks";
    public static final String SLOTS = "drawSlots";
    private final AggregateDocuments documents;

    public SpotCheckStore(AggregateDocuments documents) {
        this.documents = documents;
    }

    public Mono<SpotCheckPlan> insert(SpotCheckPlan plan, Map<String, DrawnOrganization> drawn, Map<String, Object> filters,
                                      List<EventEnvelope> events) {
        Map<String, Object> names = new LinkedHashMap<>();
        drawn.forEach((id, o) -> names.put(id, new Document("name", o.name()).append("creditCode", o.creditCode())));
        Document slots = new Document();
        plan.drawSlots().forEach((type, slot) -> slots.put(type.name(), slot));
        return documents.insert(PLANS, plan, events, Map.of("drawnOrganizations", new Document(names), "filters", new Document(filters),
                SLOTS, slots));
    }

    /** The field of the draw slot of {@code type} (unique, sparse). */
    public static String slotField(OrganizationType type) {
        return SLOTS + "." + type.name();
    }

    /** The plans holding any of {@code slots} (normally none or one per slot). */
    public Flux<StoredPlan> holders(Map<OrganizationType, String> slots) {
        List<Criteria> any = slots.entrySet().stream().map(e -> Criteria.where(slotField(e.getKey())).is(e.getValue())).toList();
        return documents.mongo().find(new Query(new Criteria().orOperator(any)).with(Sort.by("_id")), Document.class, PLANS)
                .map(this::stored);
    }

    public Mono<Boolean> update(SpotCheckPlan plan, long expectedVersion, List<EventEnvelope> events) {
        return documents.update(PLANS, plan, expectedVersion, events, Map.of());
    }

    public Mono<StoredPlan> plan(String id) {
        return documents.mongo().findById(id, Document.class, PLANS).map(this::stored);
    }

    /**
     * The public record of authorities under {@code authorityPrefix}, newest id first, after {@code cursor}:
     * published plans and superseded ones (a redraw never hides the draw it replaced).
     */
    public Flux<StoredPlan> published(String authorityPrefix, String cursor, int size) {
        Criteria c = Criteria.where("status").in(SpotCheckPlan.PlanStatus.PUBLISHED.name(), SpotCheckPlan.PlanStatus.SUPERSEDED.name());
        if (authorityPrefix != null) {
            c = c.and("authorityCode").regex("^" + Pattern.quote(authorityPrefix));
        }
        if (cursor != null) {
            c = c.and("_id").lt(cursor);
        }
        return documents.mongo().find(new Query(c).with(Sort.by(Sort.Direction.DESC, "_id")).limit(size), Document.class, PLANS)
                .map(this::stored);
    }

    private StoredPlan stored(Document d) {
        Map<String, DrawnOrganization> drawn = new LinkedHashMap<>();
        Document names = d.get("drawnOrganizations", Document.class);
        if (names != null) {
            names.forEach((id, v) -> {
                Document o = (Document) v;
                drawn.put(id, new DrawnOrganization(o.getString("name"), o.getString("creditCode")));
            });
        }
        Document filters = d.get("filters", Document.class);
        return new StoredPlan(documents.fromDocument(SpotCheckPlan.class, d), drawn, filters == null ? Map.of() : filters);
    }

    /** Name and credit code of a drawn organization at the time of the draw. */
    public record DrawnOrganization(String name, String creditCode) {
    }

    public record StoredPlan(SpotCheckPlan plan, Map<String, DrawnOrganization> drawn, Map<String, Object> filters) {
    }
}
