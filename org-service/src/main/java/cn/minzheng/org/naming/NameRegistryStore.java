package cn.minzheng.org.naming;

import cn.minzheng.platform.kit.problem.ConflictProblem;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;

/**
 * Names held and released, one document per {@link NameClaim#key()} (the {@code _id}), so claiming a
 * name is one atomic insert, or a compare-and-set over a released record whose blocking window has run.
 */
public class NameRegistryStore {
    public static final String COLLECTION = "names";
    private final ReactiveMongoTemplate mongo;
    private final NamePolicy policy;

    public NameRegistryStore(ReactiveMongoTemplate mongo, NamePolicy policy) {
        this.mongo = mongo;
        this.policy = policy;
    }

    /** Records that could block {@code claim}: the same claim key, or the same full name in the same authority. */
    public Flux<NameRecord> candidates(NameClaim claim, String fullName) {
        Query q = new Query(new Criteria().orOperator(Criteria.where("_id").is(claim.key()),
                Criteria.where("fullName").is(fullName).and("claim.authorityCode").is(claim.authorityCode())));
        return mongo.find(q, Document.class, COLLECTION).map(NameRegistryStore::read);
    }

    /** The names in use in one authority (the area of the similarity rule, [SG]§13). */
    public Flux<NameRecord> inUse(String authorityCode) {
        Query q = new Query(Criteria.where("claim.authorityCode").is(authorityCode).and("state").is(NameRecord.NameState.IN_USE.name()));
        return mongo.find(q, Document.class, COLLECTION).map(NameRegistryStore::read);
    }

    /** Takes the name for {@code organizationId}; a 409 NAME_TAKEN when someone holds or blocks it. */
    public Mono<Void> claim(NameClaim claim, String fullName, String organizationId, LocalDate on) {
        Document doc = write(new NameRecord(claim, fullName, organizationId, NameRecord.NameState.IN_USE, null));
        return mongo.insert(doc, COLLECTION).then()
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(claim.key(), Document.class, COLLECTION)
                        .flatMap(existing -> takeOver(read(existing), doc, organizationId, on)));
    }

    private Mono<Void> takeOver(NameRecord existing, Document fresh, String organizationId, LocalDate on) {
        if (organizationId.equals(existing.organizationId()) && existing.state() == NameRecord.NameState.IN_USE) {
            return Mono.empty();
        }
        if (existing.blocks(on, policy)) {
            return Mono.error(new ConflictProblem("name-taken", existing.fullName()));
        }
        Query unchanged = new Query(Criteria.where("_id").is(existing.claim().key()).and("state").is(existing.state().name())
                .and("organizationId").is(existing.organizationId()));
        Update replace = new Update();
        fresh.forEach((k, v) -> {
            if (!k.equals("_id")) {
                replace.set(k, v);
            }
        });
        return mongo.updateFirst(unchanged, replace, COLLECTION)
                .flatMap(r -> r.getModifiedCount() == 1 ? Mono.<Void>empty()
                        : Mono.error(new ConflictProblem("name-taken", existing.fullName())));
    }

    /** The document of a name held by an organization, for bulk writers (fixtures) that insert many at once. */
    public static Document inUse(NameClaim claim, String fullName, String organizationId) {
        return write(new NameRecord(claim, fullName, organizationId, NameRecord.NameState.IN_USE, null));
    }

    /** Marks a held name released (by rename, 注销 or 撤销) from {@code on}. */
    public Mono<Void> release(NameClaim claim, String organizationId, NameRecord.NameState state, LocalDate on) {
        Query held = new Query(Criteria.where("_id").is(claim.key()).and("organizationId").is(organizationId)
                .and("state").is(NameRecord.NameState.IN_USE.name()));
        return mongo.updateFirst(held, new Update().set("state", state.name()).set("releasedOn", on.toString()), COLLECTION).then();
    }

    static Document write(NameRecord r) {
        return new Document("_id", r.claim().key())
                .append("claim", new Document("authorityCode", r.claim().authorityCode()).append("field", r.claim().field())
                        .append("form", r.claim().form()).append("distinctive", r.claim().distinctive()))
                .append("fullName", r.fullName())
                .append("organizationId", r.organizationId())
                .append("state", r.state().name())
                .append("releasedOn", r.releasedOn() == null ? null : r.releasedOn().toString());
    }

    static NameRecord read(Document d) {
        Document c = d.get("claim", Document.class);
        String released = d.getString("releasedOn");
        return new NameRecord(new NameClaim(c.getString("authorityCode"), c.getString("field"), c.getString("form"),
                c.getString("distinctive")), d.getString("fullName"), d.getString("organizationId"),
                NameRecord.NameState.valueOf(d.getString("state")), released == null ? null : LocalDate.parse(released));
    }
}
