package cn.minzheng.assistance.providers;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The provider read model (collection {@code providers}), one upsert per event. */
@Component
public class ProviderStore {
    static final String COLLECTION = "providers";
    private final ReactiveMongoTemplate mongo;

    public ProviderStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Provider> apply(String id, Update update) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
                .map(ProviderStore::fromDocument);
    }

    public Mono<Provider> find(String id) {
        return mongo.findById(id, Document.class, COLLECTION).map(ProviderStore::fromDocument);
    }

    public Flux<Provider> inGoodStanding(String regionPrefix) {
        Criteria c = new Criteria().andOperator(Criteria.where("registered").is(true),
                Criteria.where("abnormal").ne(true), Criteria.where("serious").ne(true), Criteria.where("ended").ne(true));
        return mongo.find(Query.query(c).limit(500), Document.class, COLLECTION).map(ProviderStore::fromDocument)
                .filter(p -> regionPrefix == null || p.regionCode() == null || p.regionCode().startsWith(regionPrefix)
                        || regionPrefix.startsWith(p.regionCode()));
    }

    private static Provider fromDocument(Document d) {
        return new Provider(String.valueOf(d.get("_id")), d.getString("name"), d.getString("orgType"),
                d.getString("creditCode"), d.getString("regionCode"), Boolean.TRUE.equals(d.getBoolean("registered")),
                Boolean.TRUE.equals(d.getBoolean("abnormal")), Boolean.TRUE.equals(d.getBoolean("serious")),
                Boolean.TRUE.equals(d.getBoolean("ended")));
    }
}
