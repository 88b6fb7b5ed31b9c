package cn.minzheng.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.audit.chain.ChainFailure;
import cn.minzheng.audit.chain.ChainVerdict;
import cn.minzheng.audit.chain.ChainWalk;
import cn.minzheng.platform.embedded.EmbeddedInfra;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

/**
 * {@link ChainStore} on the embedded Mongo-wire server: the head is found by {@code _id} probes
 * past the head document, a chain is read in {@code _id $in} batches, and a walk over those batches
 * still names every tampering at its sequence — across batch boundaries.
 */
class ChainStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static MongoClient client;
    private static MongoDatabase database;
    private static ChainStore store;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedInfra.shared().mongoUri());
        database = client.getDatabase("audit-chainstore-test");
        store = new ChainStore(database);
        store.createIndexes().block(WAIT);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static MongoCollection<Document> records() {
        return database.getCollection(RecordDocuments.COLLECTION);
    }

    /** A fresh chain of {@code length} records stored in Mongo; the head document not written. */
    private static List<AuditRecord> stored(String topic, int length) {
        List<AuditRecord> chain = ChainFixture.chain(topic, 0, length);
        store.insert(chain).block(WAIT);
        return chain;
    }

    private static String topic() {
        return "t" + UUID.randomUUID().toString().replace("-", "") + ".events";
    }

    @ParameterizedTest(name = "head document at #{1} of {0} records → head #{0}")
    @CsvSource({"0, -1", "5, -1", "31, -1", "32, -1", "33, -1", "70, -1", "70, 0", "70, 40", "70, 70", "65, 1"})
    void headFollowsTheRecordsPastTheHeadDocument(int length, int headDocumentAt) {
        String topic = topic();
        String chain = ChainHead.chainId(topic, 0);
        List<AuditRecord> records = stored(topic, length);
        if (headDocumentAt >= 0) {
            store.advanceHead(headDocumentAt == 0 ? ChainHead.empty(chain) : new ChainHead(chain, headDocumentAt,
                    records.get(headDocumentAt - 1).hash())).block(WAIT);
        }
        ChainHead head = store.head(chain).block(WAIT);
        assertThat(head.sequence()).isEqualTo(length);
        assertThat(head.hash()).isEqualTo(length == 0 ? ChainDigest.GENESIS : records.get(length - 1).hash());
    }

    @Test
    void headStopsAtAGapAndAtARecordOfAnotherChain() {
        String topic = topic();
        String chain = ChainHead.chainId(topic, 0);
        List<AuditRecord> records = stored(topic, 50);
        Mono.from(records().deleteOne(Filters.eq("_id", RecordDocuments.id(chain, 41)))).block(WAIT);
        assertThat(store.head(chain).block(WAIT)).isEqualTo(new ChainHead(chain, 40, records.get(39).hash()));

        Mono.from(records().updateOne(Filters.eq("_id", RecordDocuments.id(chain, 36)),
                Updates.set("chain", "elsewhere.events-0"))).block(WAIT);
        assertThat(store.head(chain).block(WAIT)).isEqualTo(new ChainHead(chain, 35, records.get(34).hash()));
    }

    @ParameterizedTest(name = "records {1}..{2} of 40 in batches of {3}")
    @CsvSource({"40, 1, 40, 7", "40, 1, 40, 40", "40, 1, 40, 500", "40, 13, 27, 5", "40, 20, 20, 3", "40, 30, 29, 4",
            "40, 35, 60, 10"})
    void rangeReadsEveryRecordInOrderAcrossBatches(int length, long from, long to, int batch) {
        String topic = topic();
        List<AuditRecord> records = stored(topic, length);
        List<AuditRecord> read = store.range(ChainHead.chainId(topic, 0), from, to, batch).collectList().block(WAIT);
        List<AuditRecord> expected = from > to ? List.of()
                : records.subList((int) from - 1, (int) Math.min(to, length));
        assertThat(read).isEqualTo(expected);
    }

    static Stream<Arguments> tamperings() {
        return Stream.of(
                Arguments.of("edit the data of #12", (BiConsumer<String, List<AuditRecord>>) (chain, rs) ->
                        update(chain, 12, Updates.set("data", "{\"toStatus\":\"REJECTED\"}")),
                        ChainFailure.Kind.CONTENT_CHANGED, 12L),
                Arguments.of("delete #15 (first of a batch)", (BiConsumer<String, List<AuditRecord>>) (chain, rs) ->
                        Mono.from(records().deleteOne(Filters.eq("_id", RecordDocuments.id(chain, 15)))).block(WAIT),
                        ChainFailure.Kind.MISSING, 15L),
                Arguments.of("delete #14 (last of a batch)", (BiConsumer<String, List<AuditRecord>>) (chain, rs) ->
                        Mono.from(records().deleteOne(Filters.eq("_id", RecordDocuments.id(chain, 14)))).block(WAIT),
                        ChainFailure.Kind.MISSING, 14L),
                Arguments.of("delete #15..#21 (a whole batch)", (BiConsumer<String, List<AuditRecord>>) (chain, rs) ->
                        Mono.from(records().deleteMany(Filters.in("_id", List.of(RecordDocuments.id(chain, 15),
                                RecordDocuments.id(chain, 16), RecordDocuments.id(chain, 17),
                                RecordDocuments.id(chain, 18), RecordDocuments.id(chain, 19),
                                RecordDocuments.id(chain, 20), RecordDocuments.id(chain, 21))))).block(WAIT),
                        ChainFailure.Kind.MISSING, 15L),
                Arguments.of("delete the last record #30", (BiConsumer<String, List<AuditRecord>>) (chain, rs) ->
                        Mono.from(records().deleteOne(Filters.eq("_id", RecordDocuments.id(chain, 30)))).block(WAIT),
                        ChainFailure.Kind.MISSING, 30L),
                // records are read by their ids <chain>#<sequence>: a record under another record's id is
                // not where its sequence belongs (a sequence-sorted scan would not have noticed)
                Arguments.of("swap the contents of #14 and #15 (across a batch boundary)",
                        (BiConsumer<String, List<AuditRecord>>) (chain, rs) -> {
                            replace(chain, 14, rs.get(14));
                            replace(chain, 15, rs.get(13));
                        }, ChainFailure.Kind.MISSING, 14L),
                Arguments.of("swap the sequence fields of #9 and #10", (BiConsumer<String, List<AuditRecord>>) (chain, rs) -> {
                    update(chain, 9, Updates.set("sequence", 1000L));
                    update(chain, 10, Updates.set("sequence", 9L));
                    update(chain, 9, Updates.set("sequence", 10L));
                }, ChainFailure.Kind.CONTENT_CHANGED, 9L),
                Arguments.of("replace #20 by a re-hashed forgery", (BiConsumer<String, List<AuditRecord>>) (chain, rs) ->
                        replace(chain, 20, ChainFixture.rehashed(ChainFixture.withData(rs.get(19), Map.of("forged", true)))),
                        ChainFailure.Kind.LINK_BROKEN, 21L),
                Arguments.of("move #8 to another chain", (BiConsumer<String, List<AuditRecord>>) (chain, rs) ->
                        update(chain, 8, Updates.set("chain", "elsewhere.events-0")),
                        ChainFailure.Kind.FOREIGN_RECORD, 8L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void aWalkOverTheBatchesNamesTheTamperedSequence(String what, BiConsumer<String, List<AuditRecord>> tamper,
            ChainFailure.Kind kind, long sequence) {
        String topic = topic();
        String chain = ChainHead.chainId(topic, 0);
        List<AuditRecord> records = stored(topic, 30);
        tamper.accept(chain, new ArrayList<>(records));
        ChainWalk walk = new ChainWalk(chain, 1, ChainDigest.GENESIS, Map.of());
        store.range(chain, 1, 30, 7).takeWhile(walk::accept).blockLast(WAIT);
        ChainVerdict verdict = walk.finish(30L);
        assertThat(verdict.ok()).as(what).isFalse();
        assertThat(verdict.failure().kind()).as(what).isEqualTo(kind);
        assertThat(verdict.failure().sequence()).as(what).isEqualTo(sequence);
    }

    @Test
    void anIntactChainWalksOkOverTheBatches() {
        String topic = topic();
        String chain = ChainHead.chainId(topic, 0);
        List<AuditRecord> records = stored(topic, 30);
        ChainWalk walk = new ChainWalk(chain, 1, ChainDigest.GENESIS, Map.of());
        store.range(chain, 1, 30, 7).takeWhile(walk::accept).blockLast(WAIT);
        ChainVerdict verdict = walk.finish(30L);
        assertThat(verdict.ok()).isTrue();
        assertThat(verdict.count()).isEqualTo(30);
        assertThat(verdict.headHash()).isEqualTo(records.get(29).hash());
    }

    @Test
    void storedEventIdsAreFoundByTheirUniqueIndex() {
        String topic = topic();
        List<AuditRecord> records = stored(topic, 10);
        List<String> asked = List.of(records.get(0).eventId(), records.get(9).eventId(), "evt-never-stored");
        assertThat(store.storedEventIds(asked).block(WAIT))
                .containsExactlyInAnyOrder(records.get(0).eventId(), records.get(9).eventId());
    }

    private static void update(String chain, long sequence, org.bson.conversions.Bson update) {
        Mono.from(records().updateOne(Filters.eq("_id", RecordDocuments.id(chain, sequence)), update)).block(WAIT);
    }

    /** Puts {@code content} (another record's fields) under the id {@code <chain>#<sequence>}. */
    private static void replace(String chain, long sequence, AuditRecord content) {
        Document d = RecordDocuments.toDocument(content);
        d.put("_id", RecordDocuments.id(chain, sequence));
        // the unique indexes would refuse a second copy of the event id / (chain, sequence): delete first
        Mono.from(records().deleteOne(Filters.eq("_id", RecordDocuments.id(chain, sequence)))).block(WAIT);
        Mono.from(records().deleteOne(Filters.eq("eventId", content.eventId()))).block(WAIT);
        Mono.from(records().insertOne(d)).block(WAIT);
    }
}
