package cn.minzheng.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the services do with the reactive driver 5.8 and Spring Data MongoDB, against the Mongo-wire server. */
class EmbeddedMongoTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    static EmbeddedMongo mongo;
    static MongoClient client;

    @BeforeAll
    static void start() {
        startWith(EmbeddedMongo.builder());
    }

    static void startWith(EmbeddedMongo.Builder builder) {
        mongo = builder.build().start();
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    private static MongoCollection<Document> collection(String name) {
        return client.getDatabase("embedded_test").getCollection(name);
    }

    @Test
    void insertFindAndAtomicFindOneAndUpdateWithVersionCheck() {
        MongoCollection<Document> cases = collection("cases");
        Mono.from(cases.insertOne(new Document("_id", "DB-1").append("status", "SUBMITTED").append("version", 1L)))
                .block(TIMEOUT);

        Document updated = Mono.from(cases.findOneAndUpdate(
                        Filters.and(Filters.eq("_id", "DB-1"), Filters.eq("version", 1L)),
                        Updates.combine(Updates.set("status", "ACCEPTED"), Updates.inc("version", 1L)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .block(TIMEOUT);
        Document stale = Mono.from(cases.findOneAndUpdate(
                        Filters.and(Filters.eq("_id", "DB-1"), Filters.eq("version", 1L)),
                        Updates.set("status", "REJECTED")))
                .block(TIMEOUT);

        assertThat(updated).isNotNull();
        assertThat(updated.getString("status")).isEqualTo("ACCEPTED");
        assertThat(updated.getLong("version")).isEqualTo(2L);
        assertThat(stale).as("a stale version matches nothing").isNull();
        Document found = Mono.from(cases.find(Filters.eq("_id", "DB-1")).first()).block(TIMEOUT);
        assertThat(found.getString("status")).isEqualTo("ACCEPTED");
    }

    @Test
    void uniqueIndexRejectsADuplicate() {
        MongoCollection<Document> events = collection("audit_records");
        Mono.from(events.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true))).block(TIMEOUT);
        Mono.from(events.insertOne(new Document("eventId", "e-1"))).block(TIMEOUT);

        assertThatThrownBy(() -> Mono.from(events.insertOne(new Document("eventId", "e-1"))).block(TIMEOUT))
                .isInstanceOf(MongoWriteException.class)
                .satisfies(e -> assertThat(((MongoWriteException) e).getError().getCode()).isEqualTo(11000));
    }

    @Test
    void pushAndPullOnAnArrayInOneUpdate() {
        MongoCollection<Document> outbox = collection("outbox");
        Mono.from(outbox.insertOne(new Document("_id", "A-1").append("pendingEvents", List.of()))).block(TIMEOUT);

        Mono.from(outbox.updateOne(Filters.eq("_id", "A-1"),
                Updates.pushEach("pendingEvents", List.of(new Document("id", "e1"), new Document("id", "e2"))))).block(TIMEOUT);
        Mono.from(outbox.updateOne(Filters.eq("_id", "A-1"),
                Updates.pull("pendingEvents", new Document("id", "e1")))).block(TIMEOUT);

        Document doc = Mono.from(outbox.find(Filters.eq("_id", "A-1")).first()).block(TIMEOUT);
        assertThat(doc.getList("pendingEvents", Document.class)).extracting(d -> d.getString("id")).containsExactly("e2");
    }

    @Test
    void springDataReactiveTemplateWorks() {
        ReactiveMongoTemplate template = new ReactiveMongoTemplate(client, "embedded_spring");
        template.insert(new Document("_id", "ORG-1").append("name", "随州市曾都区志愿者协会").append("status", "ACTIVE"), "orgs")
                .block(TIMEOUT);

        Document modified = template.findAndModify(
                        Query.query(Criteria.where("_id").is("ORG-1").and("status").is("ACTIVE")),
                        new Update().set("status", "SUSPENDED").push("history", "suspended"),
                        FindAndModifyOptions.options().returnNew(true), Document.class, "orgs")
                .block(TIMEOUT);
        List<Document> active = template.find(Query.query(Criteria.where("status").is("ACTIVE")), Document.class, "orgs")
                .collectList().block(TIMEOUT);

        assertThat(modified.getString("status")).isEqualTo("SUSPENDED");
        assertThat(modified.getList("history", String.class)).containsExactly("suspended");
        assertThat(active).isEmpty();
    }

    @Test
    void fileBackedDataSurvivesARestart(@TempDir Path dir) {
        try (EmbeddedMongo durable = EmbeddedMongo.builder().dataFile(dir.resolve("data.mv")).build().start();
             MongoClient first = MongoClients.create(durable.connectionString())) {
            Mono.from(first.getDatabase("org").getCollection("orgs").insertOne(new Document("_id", "ORG-9")))
                    .block(TIMEOUT);
            int port = durable.port();

            durable.restart();

            assertThat(durable.port()).isEqualTo(port);
            try (MongoClient second = MongoClients.create(durable.connectionString())) {
                List<Document> docs = Flux.from(second.getDatabase("org").getCollection("orgs").find()).collectList()
                        .block(TIMEOUT);
                assertThat(docs).extracting(d -> d.getString("_id")).containsExactly("ORG-9");
            }
        }
    }

    /**
     * The file store keeps freed chunks for {@link EmbeddedMongo#FILE_RETENTION}, so rewriting data
     * grows the file; at stop it is rewritten with its live pages only: a store whose 2,000 documents
     * were replaced five times ends up about as large as one written once (without the compaction:
     * about three times as large), with every document as last written.
     */
    @Test
    void theFileShrinksAtStopAndKeepsTheLatestData(@TempDir Path dir) throws Exception {
        long writtenOnce = sizeAfterStop(dir.resolve("once.mv"), 1);
        long rewritten = sizeAfterStop(dir.resolve("rewritten.mv"), 6);
        assertThat(rewritten).as("rewritten five times: %d bytes, written once: %d", rewritten, writtenOnce)
                .isLessThan(writtenOnce * 3 / 2);

        try (EmbeddedMongo reopened = EmbeddedMongo.builder().dataFile(dir.resolve("rewritten.mv")).oplog(false).build().start();
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("org").getCollection("bulk");
            assertThat(Mono.from(docs.countDocuments()).block(TIMEOUT)).isEqualTo(2_000L);
            assertThat(Mono.from(docs.find(new Document("_id", 1_999)).first()).block(TIMEOUT).getInteger("round")).isEqualTo(5);
        }
    }

    /** Writes 2,000 documents of 4 KB {@code rounds} times over (delete all, insert all), stops, measures. */
    private static long sizeAfterStop(Path file, int rounds) throws Exception {
        String filler = "x".repeat(4_000);
        try (EmbeddedMongo durable = EmbeddedMongo.builder().dataFile(file).oplog(false).build().start();
             MongoClient client = MongoClients.create(durable.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("org").getCollection("bulk");
            for (int round = 0; round < rounds; round++) {
                List<Document> batch = new java.util.ArrayList<>();
                for (int i = 0; i < 2_000; i++) {
                    batch.add(new Document("_id", i).append("round", round).append("filler", filler));
                }
                Mono.from(docs.deleteMany(new Document())).block(TIMEOUT);
                Mono.from(docs.insertMany(batch)).block(TIMEOUT);
            }
            durable.stop();
            return java.nio.file.Files.size(file);
        }
    }

    /** A compaction cut off at stop (a kill) leaves a temporary file; the next start removes it. */
    @Test
    void aStartRemovesWhatACutOffCompactionLeftBehind(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data.mv");
        try (EmbeddedMongo durable = EmbeddedMongo.builder().dataFile(file).oplog(false).build().start()) {
            durable.stop();
            Path leftover = dir.resolve("data.mv.tempFile");
            java.nio.file.Files.write(leftover, new byte[4096]);
            durable.start();
            assertThat(leftover).doesNotExist();
            assertThat(file).exists();
        }
    }

    @Test
    void upsertWithSetOnInsertAndIncKeepsOneDocument() {
        MongoCollection<Document> keys = collection("idempotency_keys");
        for (int i = 0; i < 3; i++) {
            Mono.from(keys.updateOne(Filters.eq("_id", "key-1"),
                    Updates.combine(Updates.setOnInsert("firstResponse", "201"), Updates.inc("hits", 1)),
                    new com.mongodb.client.model.UpdateOptions().upsert(true))).block(TIMEOUT);
        }

        Document doc = Mono.from(keys.find(Filters.eq("_id", "key-1")).first()).block(TIMEOUT);
        assertThat(doc.getString("firstResponse")).isEqualTo("201");
        assertThat(doc.getInteger("hits")).isEqualTo(3);
        assertThat(Mono.from(keys.countDocuments()).block(TIMEOUT)).isEqualTo(1L);
    }

    @Test
    void cursorPaginationWithSortLimitAndGreaterThan() {
        MongoCollection<Document> cases = collection("paged");
        Flux.range(1, 7).concatMap(i -> Mono.from(cases.insertOne(new Document("_id", String.format("C-%03d", i))
                .append("region", i % 2 == 0 ? "421303001" : "421303002")))).blockLast(TIMEOUT);

        List<Document> page = Flux.from(cases.find(Filters.and(Filters.gt("_id", "C-002"),
                        Filters.regex("region", "^421303"))).sort(com.mongodb.client.model.Sorts.ascending("_id")).limit(3))
                .collectList().block(TIMEOUT);

        assertThat(page).extracting(d -> d.getString("_id")).containsExactly("C-003", "C-004", "C-005");
    }

    @Test
    void outboxClaimIsAnAtomicConditionalUpdate() {
        MongoCollection<Document> outbox = collection("claims");
        Mono.from(outbox.insertOne(new Document("_id", "A-9")
                .append("pendingEvents", List.of(new Document("id", "e1"))))).block(TIMEOUT);
        java.util.Date now = new java.util.Date();
        org.bson.conversions.Bson claimable = Filters.and(Filters.eq("_id", "A-9"), Filters.exists("pendingEvents.0"),
                Filters.or(Filters.exists("claimedUntil", false), Filters.lt("claimedUntil", now)));
        org.bson.conversions.Bson claim = Updates.set("claimedUntil", new java.util.Date(now.getTime() + 30_000));

        long first = Mono.from(outbox.updateOne(claimable, claim)).block(TIMEOUT).getModifiedCount();
        long second = Mono.from(outbox.updateOne(claimable, claim)).block(TIMEOUT).getModifiedCount();

        assertThat(first).isEqualTo(1);
        assertThat(second).as("the claim is held").isZero();
        assertThat(Mono.from(outbox.countDocuments(Filters.elemMatch("pendingEvents", Filters.eq("id", "e1"))))
                .block(TIMEOUT)).isEqualTo(1L);
    }

    @Test
    void changeStreamSeesInserts() {
        MongoCollection<Document> watched = collection("watched");
        // keep inserting until the stream, which opens asynchronously, reports one of the inserts
        reactor.core.Disposable writer = Flux.interval(Duration.ofMillis(100))
                .onBackpressureDrop() // a slow insert on a busy machine skips ticks instead of ending the writer
                .concatMap(i -> Mono.from(watched.insertOne(new Document("_id", "W-" + i))))
                .subscribe();
        try {
            String seen = Flux.from(watched.watch()).map(change -> change.getFullDocument().getString("_id"))
                    .next()
                    .block(Duration.ofSeconds(30));

            assertThat(seen).startsWith("W-");
        } finally {
            writer.dispose();
        }
    }

    /** Spring Boot's MongoReactiveHealthIndicator sends {@code hello}; legacy {@code isMaster} must keep working. */
    @Test
    void answersTheHelloHandshakeLikeAPrimary() {
        Document hello = Mono.from(client.getDatabase("admin").runCommand(new Document("hello", 1))).block(TIMEOUT);
        Document isMaster = Mono.from(client.getDatabase("admin").runCommand(new Document("isMaster", 1))).block(TIMEOUT);

        assertThat(hello.get("ok", Number.class).intValue()).isEqualTo(1);
        assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
        assertThat(hello.get("maxWireVersion", Number.class).intValue()).isPositive();
        assertThat(isMaster.get("ok", Number.class).intValue()).isEqualTo(1);
    }
}
