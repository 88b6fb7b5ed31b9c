package cn.minzheng.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Duration;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every test of {@link EmbeddedMongoTest} again on mongo-java-server's plain in-memory backend
 * ({@code devstack --mongo-in-memory}): what the services do must work on it too.
 */
class PlainMemoryBackendTest extends EmbeddedMongoTest {

    /** Hides {@link EmbeddedMongoTest#start()}: JUnit runs this one instead. */
    @BeforeAll
    static void start() {
        startWith(EmbeddedMongo.builder().plainMemory(true));
    }

    @Test
    void withoutTheOplogThereIsNoChangeStreamButEverythingElseWorks() {
        try (EmbeddedMongo bare = EmbeddedMongo.builder().plainMemory(true).oplog(false).build().start();
             MongoClient bareClient = MongoClients.create(bare.connectionString())) {
            MongoCollection<Document> cases = bareClient.getDatabase("bare").getCollection("cases");
            Mono.from(cases.insertOne(new Document("_id", "C-1"))).block(Duration.ofSeconds(10));

            assertThat(Mono.from(cases.countDocuments()).block(Duration.ofSeconds(10))).isEqualTo(1L);
            assertThatThrownBy(() -> Flux.from(cases.watch()).next().block(Duration.ofSeconds(10)))
                    .isInstanceOf(com.mongodb.MongoCommandException.class);
        }
    }

    @Test
    void keepsNoDataFile() {
        assertThatThrownBy(() -> EmbeddedMongo.builder().plainMemory(true).dataFile(Path.of("data.mv")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no data file");
    }
}
