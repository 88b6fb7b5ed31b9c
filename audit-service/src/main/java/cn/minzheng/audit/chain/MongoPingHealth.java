package cn.minzheng.audit.chain;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * Mongo health by {@code ping}, which MongoDB and the Mongo-wire server both answer (Boot's own
 * indicator sends {@code hello}, which the devstack's Mongo-wire server does not know). Local until
 * the service kit offers it.
 */
public class MongoPingHealth implements ReactiveHealthIndicator {

    private final MongoDatabase database;

    public MongoPingHealth(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public Mono<Health> health() {
        return Mono.from(database.runCommand(new Document("ping", 1)))
                .timeout(Duration.ofSeconds(5))
                .map(reply -> Health.up().withDetail("database", database.getName()).build())
                .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.toString()).build()));
    }
}
