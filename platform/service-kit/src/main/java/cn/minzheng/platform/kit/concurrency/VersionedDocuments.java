package cn.minzheng.platform.kit.concurrency;

import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * The conditional single-document update every aggregate change uses: match {@code {_id, version}},
 * apply the change and {@code $inc version}, atomically. When nothing matched, tells 404 from 412.
 */
public final class VersionedDocuments {

    public static final String VERSION_FIELD = "version";

    private VersionedDocuments() {
    }

    /**
     * Applies {@code update} (plus {@code version + 1}) when the document still has {@code expectedVersion};
     * emits the document after the change, or fails with {@link StaleVersionProblem} (412) or
     * {@link NotFoundProblem} (404, {@code resource} names it).
     */
    public static <T> Mono<T> update(ReactiveMongoTemplate mongo, Class<T> type, String collection, Object id,
                                     long expectedVersion, Update update, String resource) {
        var query = Query.query(Criteria.where("_id").is(id).and(VERSION_FIELD).is(expectedVersion));
        update.inc(VERSION_FIELD, 1);
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), type, collection)
                .switchIfEmpty(Mono.defer(() -> whyNot(mongo, collection, id, expectedVersion, resource)));
    }

    private static <T> Mono<T> whyNot(ReactiveMongoTemplate mongo, String collection, Object id, long expected,
                                      String resource) {
        var query = Query.query(Criteria.where("_id").is(id));
        query.fields().include(VERSION_FIELD);
        return mongo.findOne(query, Document.class, collection)
                .switchIfEmpty(Mono.error(() -> new NotFoundProblem(resource, String.valueOf(id))))
                .flatMap(doc -> {
                    Number current = doc.get(VERSION_FIELD, Number.class);
                    return Mono.error(new StaleVersionProblem(expected, current == null ? null : current.longValue()));
                });
    }
}
