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

    /** Reserves {@code count} consecutive serials in one atomic increment; emits the first of them. */
    public Mono<Long> reserve(String authorityCode, long count) {
        if (count < 1) {
            return Mono.error(new IllegalArgumentException("count must be positive: " + count));
        }
        return mongo.findAndModify(new Query(Criteria.where("_id").is(authorityCode)), new Update().inc("value", count),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
                .map(d -> ((Number) d.get("value")).longValue() - count + 1);
    }

    public Mono<Long> next(String authorityCode) {
        return mongo.findAndModify(new Query(Criteria.where("_id").is(authorityCode)), new Update().inc("value", 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
                .map(d -> ((Number) d.get("value")).longValue());
    }
}
