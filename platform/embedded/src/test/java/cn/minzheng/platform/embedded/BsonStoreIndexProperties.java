package cn.minzheng.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Queries the BSON store answers from an index (equality, {@code $in}, ranges, {@code ^prefix}
 * regexes, on one field or the leading fields of a compound index, on fields that hold arrays
 * too) return what the same query returns on an identical collection without indexes (a full
 * scan through mongo-java-server's matcher), with and without a sort by {@code _id} and a limit.
 * jqwik prints the seed of a failing run.
 */
class BsonStoreIndexProperties {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final AtomicInteger RUN = new AtomicInteger();
    private static EmbeddedMongo mongo;
    private static MongoClient client;

    private static synchronized MongoDatabase database() {
        if (mongo == null) {
            mongo = EmbeddedMongo.builder().bsonStore(true).oplog(false).build().start();
            client = MongoClients.create(mongo.connectionString());
        }
        return client.getDatabase("properties");
    }

    @AfterContainer
    static void stop() {
        if (mongo != null) {
            client.close();
            mongo.close();
        }
    }

    record Scenario(List<Document> documents, List<Bson> queries) {
    }

    @Property(tries = 60, seed = "2026120720", edgeCases = EdgeCasesMode.NONE)
    void indexedQueriesReturnWhatAFullScanReturns(@ForAll("scenarios") Scenario scenario) {
        int run = RUN.incrementAndGet();
        MongoCollection<Document> indexed = database().getCollection("indexed_" + run);
        MongoCollection<Document> scanned = database().getCollection("scanned_" + run);
        Mono.from(indexed.createIndex(Indexes.ascending("a"))).block(TIMEOUT);
        Mono.from(indexed.createIndex(Indexes.ascending("b", "c"))).block(TIMEOUT);
        Mono.from(indexed.createIndex(Indexes.ascending("c", "_id"))).block(TIMEOUT);
        // half the documents before the indexes exist (index build), half after (index maintenance)
        int half = scenario.documents().size() / 2;
        Mono.from(scanned.insertMany(scenario.documents())).block(TIMEOUT);
        insert(indexed, scenario.documents().subList(0, half));
        Mono.from(indexed.createIndex(Indexes.ascending("d.e"))).block(TIMEOUT);
        insert(indexed, scenario.documents().subList(half, scenario.documents().size()));
        // an update that moves index keys, on both
        for (MongoCollection<Document> c : List.of(indexed, scanned)) {
            Mono.from(c.updateMany(new Document("c", new Document("$lt", 3L)), new Document("$inc", new Document("c", 7L)))).block(TIMEOUT);
            Mono.from(c.deleteMany(new Document("c", 12L))).block(TIMEOUT);
        }

        for (Bson query : scenario.queries()) {
            assertThat(ids(Flux.from(indexed.find(query)))).as("find %s", query).isEqualTo(ids(Flux.from(scanned.find(query))));
            assertThat(idsInOrder(Flux.from(indexed.find(query).sort(Sorts.descending("_id")).limit(3))))
                    .as("find %s sort _id -1 limit 3", query)
                    .isEqualTo(idsInOrder(Flux.from(scanned.find(query).sort(Sorts.descending("_id")).limit(3))));
            assertThat(idsInOrder(Flux.from(indexed.find(query).sort(Sorts.ascending("_id")).skip(1).limit(4))))
                    .as("find %s sort _id 1 skip 1 limit 4", query)
                    .isEqualTo(idsInOrder(Flux.from(scanned.find(query).sort(Sorts.ascending("_id")).skip(1).limit(4))));
            assertThat(Mono.from(indexed.countDocuments(query)).block(TIMEOUT)).as("count %s", query)
                    .isEqualTo(Mono.from(scanned.countDocuments(query)).block(TIMEOUT));
        }
    }

    private static void insert(MongoCollection<Document> collection, List<Document> documents) {
        if (!documents.isEmpty()) {
            Mono.from(collection.insertMany(new ArrayList<>(documents))).block(TIMEOUT);
        }
    }

    private static List<Integer> ids(Flux<Document> found) {
        return found.map(d -> d.getInteger("_id")).collectList().block(TIMEOUT).stream().sorted(Comparator.naturalOrder()).toList();
    }

    private static List<Integer> idsInOrder(Flux<Document> found) {
        return found.map(d -> d.getInteger("_id")).collectList().block(TIMEOUT);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Object> aValues = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 5).map(i -> (Object) i),
                Arbitraries.of("x0", "x1", "x2").map(s -> (Object) s),
                Arbitraries.integers().between(0, 5).list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.just(null));
        Arbitrary<String> bValues = Arbitraries.of("4213", "421303", "421303001", "4214", "张三", "42130");
        Arbitrary<Document> document = Combinators.combine(aValues, bValues, Arbitraries.longs().between(0, 12),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3))
                .as((a, b, c, presence, d) -> {
                    Document doc = new Document();
                    if (presence != 0) {
                        doc.append("a", a);
                    }
                    doc.append("b", b).append("c", c);
                    if (d > 0) {
                        doc.append("d", List.of(new Document("e", d), new Document("e", d + 1)));
                    }
                    return doc;
                });
        Arbitrary<List<Document>> documents = document.list().ofMinSize(8).ofMaxSize(40).map(list -> {
            List<Document> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(new Document("_id", i * 3).append("a", list.get(i).get("a")).append("b", list.get(i).get("b"))
                        .append("c", list.get(i).get("c")).append("d", list.get(i).get("d")));
                if (!list.get(i).containsKey("a")) {
                    out.get(i).remove("a");
                }
                if (!list.get(i).containsKey("d")) {
                    out.get(i).remove("d");
                }
            }
            return out;
        });
        return Combinators.combine(documents, query().list().ofMinSize(1).ofMaxSize(6)).as(Scenario::new);
    }

    private Arbitrary<Bson> query() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(Arbitraries.integers().between(0, 5).map(i -> (Object) i),
                Arbitraries.of("x0", "x1", "x9").map(s -> (Object) s), Arbitraries.of(2.0d, 3L).map(n -> (Object) n));
        Arbitrary<Long> c = Arbitraries.longs().between(0, 20);
        Arbitrary<String> b = Arbitraries.of("4213", "421303", "421303001", "4214", "张三", "42130");
        return Arbitraries.oneOf(
                scalar.map(v -> (Bson) new Document("a", v)),
                scalar.list().ofMinSize(1).ofMaxSize(4).map(vs -> (Bson) new Document("a", new Document("$in", vs))),
                Combinators.combine(c, c).as((lo, hi) -> (Bson) new Document("a", new Document("$gt", lo).append("$lt", hi))),
                Combinators.combine(b, c, c).as((bv, lo, hi) -> (Bson) new Document("b", bv).append("c", new Document("$gte", lo).append("$lt", hi))),
                Combinators.combine(b, c).as((bv, lo) -> (Bson) new Document("b", bv).append("c", new Document("$gt", lo))),
                Combinators.combine(b, c).as((bv, hi) -> (Bson) new Document("$and", List.of(new Document("b", bv), new Document("c", new Document("$lte", hi))))),
                Arbitraries.of("^4213", "^421303", "^张", "^42130.*", "4213").map(r -> (Bson) new Document("b", new Document("$regex", r))),
                Arbitraries.integers().between(0, 40).map(i -> i * 3).list().ofMaxSize(6).map(ids -> (Bson) new Document("_id", new Document("$in", ids))),
                Combinators.combine(Arbitraries.integers().between(0, 40).map(i -> i * 3), c).as((id, cv) -> (Bson) new Document("_id", id).append("c", cv)),
                Combinators.combine(Arbitraries.integers().between(-1, 130), Arbitraries.integers().between(-1, 130))
                        .as((lo, hi) -> (Bson) new Document("_id", new Document("$gte", lo).append("$lte", hi))),
                c.map(lo -> (Bson) new Document("c", new Document("$gte", lo)).append("b", new Document("$ne", "4213"))),
                Arbitraries.integers().between(1, 4).map(e -> (Bson) new Document("d.e", e)),
                Arbitraries.just(new Document()));
    }
}
