package cn.minzheng.audit.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.audit.chain.ChainFixture;
import cn.minzheng.audit.chain.ChainHeadGauges;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.chain.RecordDocuments;
import cn.minzheng.audit.ingest.ChainAppender;
import cn.minzheng.platform.embedded.EmbeddedMongo;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

/**
 * Search pages read one time range per page (issue 20 item 7): {@code from} and the cursor's time
 * as the lower bound and {@code to} as the upper bound in <em>one</em> condition on {@code timeMs},
 * which the embedded BSON store's planner turns into an index range (separate conditions, as before,
 * read everything after {@code from} for every page). On the BSON store, which plans with the
 * declared indexes: paging through random queries with random page sizes returns exactly the
 * matching records in (time, id) order, each once, many of them tied on the millisecond. The seed
 * is in the test's name and in every assertion message.
 */
class RecordSearchPagingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");
    private static final String[] ACTORS = {"clerk-1", "clerk-2", "approver-1", null};
    private static final String[] TYPES = {"minzheng.assistance.application.submitted.v1",
        "minzheng.assistance.application.accepted.v1", "minzheng.org.organization.registration-applied.v1"};
    private static final String[] REGIONS = {"421303001", "421303002", "421302001", "110101"};

    private static EmbeddedMongo mongo;
    private static MongoClient client;
    private static MongoDatabase db;
    private static List<Document> stored;

    @BeforeAll
    static void trail() {
        mongo = EmbeddedMongo.builder().bsonStore(true).build().start();
        client = MongoClients.create(mongo.connectionString());
        db = client.getDatabase("paging");
        ChainStore chains = new ChainStore(db);
        chains.createIndexes().block(WAIT);
        ChainAppender appender = new ChainAppender(chains, Clock.systemUTC(),
                new ChainHeadGauges(new SimpleMeterRegistry()), ChainFixture.MACS);
        Random random = new Random(20261207L);
        Map<String, List<IncomingEvent>> byChain = new LinkedHashMap<>();
        for (int i = 0; i < 900; i++) {
            String topic = i % 3 == 0 ? "org.events" : "assistance.events";
            // 40 distinct milliseconds over two days: most records share their time with others
            String time = BASE.plus(Duration.ofMinutes(72L * random.nextInt(40))).toString();
            IncomingEvent e = new IncomingEvent("e-" + i, topic, 0, i, TYPES[random.nextInt(TYPES.length)],
                    "S-" + random.nextInt(30), ACTORS[random.nextInt(ACTORS.length)], "CLERK",
                    REGIONS[random.nextInt(REGIONS.length)], time, null, Map.of("i", i));
            byChain.computeIfAbsent(e.chain(), c -> new ArrayList<>()).add(e);
        }
        byChain.forEach((chain, events) -> {
            for (int i = 0; i < events.size(); i += 100) {
                appender.append(chain, events.subList(i, Math.min(events.size(), i + 100)));
            }
        });
        stored = Flux.from(db.getCollection(RecordDocuments.COLLECTION).find()).collectList().block(WAIT);
        assertThat(stored).hasSize(900);
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.stop();
    }

    @Test
    void fromAndTheCursorAreOneRangeOnTheTime() {
        RecordQuery q = new RecordQuery("clerk-1", null, null, null, BASE, BASE.plus(Duration.ofDays(1)),
                new RecordQuery.Cursor(BASE.toEpochMilli() + 5, "x#1"), 50);
        assertThat(RecordSearchStore.timeRange(q)).isEqualTo(new Document("$gte", BASE.toEpochMilli() + 5)
                .append("$lt", BASE.plus(Duration.ofDays(1)).toEpochMilli()));
        assertThat(RecordSearchStore.timeRange(q.after(new RecordQuery.Cursor(BASE.toEpochMilli() - 5, "x#1"))))
                .containsEntry("$gte", BASE.toEpochMilli());
        assertThat(RecordSearchStore.timeRange(new RecordQuery(null, null, null, null, null, null, null, 50))).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 2L, 3L, 42L, 20261207L, -7L})
    void pagingReturnsEveryMatchOnceInTimeAndIdOrder(long seed) {
        Random random = new Random(seed);
        RecordSearchStore store = new RecordSearchStore(db);
        for (int n = 0; n < 12; n++) {
            String actor = random.nextInt(3) == 0 ? null : ACTORS[random.nextInt(ACTORS.length - 1)];
            String type = random.nextInt(3) == 0 ? TYPES[random.nextInt(TYPES.length)] : null;
            String region = random.nextInt(3) == 0 ? List.of("4213", "421303", "11").get(random.nextInt(3)) : "";
            Instant from = random.nextBoolean() ? null : BASE.plus(Duration.ofMinutes(72L * random.nextInt(40)));
            Instant to = random.nextBoolean() ? null : BASE.plus(Duration.ofMinutes(72L * random.nextInt(41)));
            int limit = 1 + random.nextInt(60);
            RecordQuery query = new RecordQuery(actor, type, region, null, from, to, null, limit);
            Predicate<Document> matches = d -> (actor == null || actor.equals(d.getString("actorId")))
                    && (type == null || type.equals(d.getString("type")))
                    && d.getString("regionCode").startsWith(region)
                    && (from == null || d.getLong("timeMs") >= from.toEpochMilli())
                    && (to == null || d.getLong("timeMs") < to.toEpochMilli());
            List<String> expected = stored.stream().filter(matches)
                    .sorted(Comparator.comparingLong((Document d) -> d.getLong("timeMs"))
                            .thenComparing(d -> d.getString("_id")))
                    .map(d -> d.getString("_id")).toList();
            List<String> paged = new ArrayList<>();
            RecordQuery page = query;
            for (int pages = 0; pages <= expected.size() + 1; pages++) {
                RecordPage p = RecordSearch.page(store.find(page, limit + 1).collectList().block(WAIT), limit);
                p.items().forEach(item -> paged.add(item.chain() + "#" + item.sequence()));
                if (p.nextCursor() == null) {
                    break;
                }
                page = query.after(RecordQuery.Cursor.decode(p.nextCursor()));
            }
            assertThat(paged).as("seed %d: %s", seed, query).containsExactlyElementsOf(expected);
        }
    }
}
