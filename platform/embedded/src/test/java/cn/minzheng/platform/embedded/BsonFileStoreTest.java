package cn.minzheng.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.BsonBinarySubType;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The BSON file store (the default for a data file) through the wire protocol, with the reactive driver. */
class BsonFileStoreTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Every BSON type the services store, with values at their limits, as read back after a restart. */
    static Document everyType() {
        return new Document("_id", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("name", "随州市曾都区慈善总会（社会团体）😀")
                .append("empty", "")
                .append("int", Integer.MIN_VALUE)
                .append("intMax", Integer.MAX_VALUE)
                .append("long", Long.MAX_VALUE)
                .append("longMin", Long.MIN_VALUE)
                .append("longBeyondDouble", 9_007_199_254_740_993L)
                .append("double", -0.1d)
                .append("negativeZero", -0.0d)
                .append("nan", Double.NaN)
                .append("decimal", new Decimal128(new java.math.BigDecimal("12345678901234567890.12")))
                .append("fen", 123_456_789_012L)
                .append("date", Date.from(Instant.parse("2026-12-07T08:00:00.123Z")))
                .append("epoch", new Date(0))
                .append("yes", true)
                .append("no", false)
                .append("missingValue", null)
                .append("binary", new Binary(new byte[] {0, 1, 2, (byte) 0xff}))
                .append("uuid", new Binary(BsonBinarySubType.UUID_STANDARD, uuidBytes(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))))
                .append("timestamp", new BsonTimestamp(1_765_000_000, 7))
                .append("min", new MinKey())
                .append("max", new MaxKey())
                .append("nested", new Document("level", new Document("deeper", List.of(1, List.of("二", List.of(3L)), new Document("k", null)))))
                .append("emptyArray", List.of())
                .append("emptyDocument", new Document())
                .append("events", List.of(new Document("type", "org.inspected").append("at", Date.from(Instant.parse("2026-01-01T00:00:00Z")))
                        .append("amountFen", 5_000L), new Document("type", "org.listed")));
    }

    private static byte[] uuidBytes(UUID uuid) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16);
        buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return buffer.array();
    }

    @Test
    void everyBsonTypeRoundTripsAndSurvivesARestartWithItsIndexes(@TempDir Path dir) {
        Path file = dir.resolve("data.mv");
        Document stored = everyType();
        try (EmbeddedMongo mongo = EmbeddedMongo.builder().dataFile(file).build().start()) {
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> c = client.getDatabase("org").getCollection("types");
                Mono.from(c.createIndex(Indexes.ascending("name"), new IndexOptions().unique(true))).block(TIMEOUT);
                Mono.from(c.createIndex(Indexes.ascending("events.type", "fen"))).block(TIMEOUT);
                Mono.from(c.insertOne(stored)).block(TIMEOUT);
                Mono.from(c.insertOne(new Document("_id", "plain").append("name", "第二个").append("fen", 1L)
                        .append("events", List.of(new Document("type", "org.listed"))))).block(TIMEOUT);
                assertThat(Mono.from(c.find(Filters.eq("_id", stored.get("_id"))).first()).block(TIMEOUT)).isEqualTo(stored);
            }
            mongo.restart();
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> c = client.getDatabase("org").getCollection("types");
                assertThat(Mono.from(c.find(Filters.eq("_id", stored.get("_id"))).first()).block(TIMEOUT)).isEqualTo(stored);
                assertThat(Flux.from(c.find(Filters.eq("events.type", "org.listed")).sort(Sorts.ascending("fen"))).map(d -> d.get("_id"))
                        .collectList().block(TIMEOUT)).containsExactly("plain", stored.get("_id"));
                assertThat(Flux.from(c.find(Filters.and(Filters.eq("events.type", "org.inspected"), Filters.gt("fen", 1L))))
                        .map(d -> d.get("_id")).collectList().block(TIMEOUT)).containsExactly(stored.get("_id"));
                // the unique index came back with the file: a duplicate is still refused
                assertThatThrownBy(() -> Mono.from(c.insertOne(new Document("name", "第二个"))).block(TIMEOUT))
                        .isInstanceOf(com.mongodb.MongoWriteException.class);
                Document validation = Mono.from(client.getDatabase("org").runCommand(new Document("validate", "types"))).block(TIMEOUT);
                assertThat(validation.get("keysPerIndex", Document.class)).containsEntry("events.type_1_fen_1", 3L)
                        .containsEntry("name_1", 2L);
            }
        }
    }

    /**
     * A sweep-like load (every document read in {@code _id $in} batches and updated several
     * times) with no chunk retention: the file reuses freed space (the plain backend, keeping
     * every freed chunk for 15 minutes, grows with every write), and at stop it is rewritten to
     * about its live size, every document as last written.
     */
    @Test
    void theFileStaysBoundedDuringRewritesAndShrinksAtStop(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data.mv");
        int documents = 2_000;
        int rounds = 12;
        String filler = "社会组织年度检查".repeat(100);
        long peak = 0;
        long live;
        try (EmbeddedMongo mongo = EmbeddedMongo.builder().dataFile(file).oplog(false).bsonFileRetention(Duration.ZERO).build().start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> orgs = client.getDatabase("org").getCollection("organizations");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                batch.add(new Document("_id", String.format("ORG-%05d", i)).append("version", 0L).append("note", filler));
            }
            Mono.from(orgs.insertMany(batch)).block(TIMEOUT);
            mongo.stop(); // flushed and compacted: the live size
            live = Files.size(file);
            mongo.start();
            for (int round = 1; round <= rounds; round++) {
                for (int from = 0; from < documents; from += 500) {
                    List<String> ids = new ArrayList<>();
                    for (int i = from; i < from + 500; i++) {
                        ids.add(String.format("ORG-%05d", i));
                    }
                    assertThat(Flux.from(orgs.find(Filters.in("_id", ids))).count().block(TIMEOUT)).isEqualTo(500L);
                    Mono.from(orgs.updateMany(Filters.in("_id", ids), Updates.combine(Updates.set("version", (long) round),
                            Updates.set("note", filler + round)))).block(TIMEOUT);
                }
                peak = Math.max(peak, Files.size(file));
            }
            peak = Math.max(peak, Files.size(file));
            mongo.stop();
            long afterStop = Files.size(file);
            // without reusing freed space the file holds every version written: more than (rounds + 1) × live
            // (measured 4.6–6.2 × live here: H2 reuses a chunk once its pages are all dead, and its
            // background compaction moves the rest, so part of the old versions still stands at any time)
            assertThat(peak).as("peak %d bytes, live %d bytes, %d rounds of rewrites", peak, live, rounds)
                    .isLessThan(live * (rounds + 1) * 2 / 3);
            assertThat(afterStop).as("after stop %d bytes, live %d bytes", afterStop, live).isLessThan(live * 3 / 2);
            mongo.start();
            try (MongoClient again = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> reopened = again.getDatabase("org").getCollection("organizations");
                assertThat(Mono.from(reopened.countDocuments(Filters.eq("version", (long) rounds))).block(TIMEOUT)).isEqualTo((long) documents);
            }
        }
    }

    @Test
    void aFileOfThePlainBackendStaysOnItAndCannotBeForcedOntoTheBsonStore(@TempDir Path dir) {
        Path file = dir.resolve("old.mv");
        try (EmbeddedMongo old = EmbeddedMongo.builder().dataFile(file).bsonStore(false).build().start();
             MongoClient client = MongoClients.create(old.connectionString())) {
            Mono.from(client.getDatabase("org").getCollection("orgs").insertOne(new Document("_id", "ORG-1"))).block(TIMEOUT);
        }
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            assertThat(BsonH2Backend.isPlainH2File(store)).isTrue();
        }
        try (EmbeddedMongo reopened = EmbeddedMongo.builder().dataFile(file).build().start();
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            assertThat(Flux.from(client.getDatabase("org").getCollection("orgs").find()).map(d -> d.getString("_id"))
                    .collectList().block(TIMEOUT)).containsExactly("ORG-1");
        }
        assertThatThrownBy(() -> EmbeddedMongo.builder().dataFile(file).bsonStore(true).build().start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("plain H2 backend");
    }

    @Test
    void theBsonStoreAndThePlainMemoryBackendAreNotCombined() {
        assertThatThrownBy(() -> EmbeddedMongo.builder().plainMemory(true).bsonStore(true).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Arrays.asList(EmbeddedMongo.BSON_FILE_RETENTION, EmbeddedMongo.FILE_RETENTION))
                .containsExactly(Duration.ofSeconds(45), Duration.ofMinutes(15));
    }
}
