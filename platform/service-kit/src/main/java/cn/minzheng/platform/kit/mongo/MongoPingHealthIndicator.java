package cn.minzheng.platform.kit.mongo;

import java.time.Duration;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * Mongo health by {@code ping}, which MongoDB and every backend of the devstack's Mongo-wire server
 * answer. Boot's own indicator sends {@code hello}, which the Mongo-wire server's file backend did
 * not answer in the services' runs, leaving them DOWN although their database worked.
 */
public class MongoPingHealthIndicator implements ReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    public MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Health> health() {
        return mongo.getMongoDatabase()
                .flatMap(db -> Mono.from(db.runCommand(new Document("ping", 1)))
                        .map(reply -> Health.up().withDetail("database", db.getName()).build()))
                .timeout(Duration.ofSeconds(5))
                .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.getClass().getSimpleName()).build()));
    }
}
