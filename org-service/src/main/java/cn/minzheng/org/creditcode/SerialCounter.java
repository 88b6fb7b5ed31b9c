package cn.minzheng.org.creditcode;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/** One counter per registration authority; each call is one atomic increment, so no serial is handed out twice. */
public class SerialCounter {
    static final String COLLECTION = "credit_code_serials";
    private final ReactiveMongoTemplate mongo;

    public SerialCounter(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Long> next(String authorityCode) {
        return mongo.findAndModify(new Query(Criteria.where("_id").is(authorityCode)), new Update().inc("value", 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
                .map(d -> ((Number) d.get("value")).longValue());
    }
}
