package cn.minzheng.platform.kit.mongo;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Creates the declared {@link IndexSpec}s (idempotent: an existing identical index is kept). */
public class MongoIndexes {

    private static final Logger log = LoggerFactory.getLogger(MongoIndexes.class);

    private final ReactiveMongoTemplate mongo;

    public MongoIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> ensure(List<IndexSpec> specs) {
        return Flux.fromIterable(specs)
                .concatMap(spec -> mongo.getCollection(spec.collection())
                        .flatMap(c -> Mono.from(c.createIndex(Indexes.ascending(spec.keys()),
                                new IndexOptions().unique(true).sparse(spec.sparse()).name(spec.name()))))
                        .doOnNext(name -> log.info("unique index {} on {} {}", name, spec.collection(), spec.keys())))
                .then();
    }

    /** Start-up form: waits (not on a request path) so the service never serves without its indexes. */
    public void ensureAtStartup(List<IndexSpec> specs, Duration timeout) {
        if (!specs.isEmpty()) {
            ensure(specs).block(timeout);
        }
    }
}
