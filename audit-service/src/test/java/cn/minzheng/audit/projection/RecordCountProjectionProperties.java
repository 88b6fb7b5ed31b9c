package cn.minzheng.audit.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.ChainFixture;
import cn.minzheng.audit.chain.ChainHeadGauges;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.ingest.ChainAppender;
import cn.minzheng.audit.search.RecordQuery;
import cn.minzheng.audit.search.RecordSearchStore;
import cn.minzheng.platform.embedded.EmbeddedInfra;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * The record-count projection (issue 20 item 7) answers exactly what counting over the records
 * answers, on the embedded Mongo-wire server: for random trails (several chains, odd types and
 * regions, times around China midnights, batches redelivered, buckets applied twice as after a stop
 * between the bucket write and the watermark) and random queries (every grouping, type and region
 * filters, ranges starting and ending inside days). And a build stopped midway resumes from its
 * watermarks. jqwik prints the seed of a failing try; each try derives its trail from one long.
 */
class RecordCountProjectionProperties {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant BASE = Instant.parse("2026-02-27T15:00:00Z"); // 23:00 in China, a day before
    private static final String[] TOPICS = {"assistance.events", "org.events", "gateway.security-events"};
    private static final String[] TYPES = {"minzheng.assistance.application.submitted.v1",
        "minzheng.assistance.application.accepted.v1", "minzheng.org.organization.registration-applied.v1",
        "minzheng.gateway.access.refused.v1", "odd.type$with|chars%2E", "plain"};
    private static final String[] REGIONS = {"421303", "421303001", "421302", "110101", null};
    private static final String[] PREFIXES = {null, "", "42", "4213", "421303", "421303001", "11", "9"};
    private static final String[] FIELDS = {"day", "service", "type", "regionCode"};

    private static MongoClient client;

    @BeforeContainer
    static void connect() {
        client = MongoClients.create(EmbeddedInfra.shared().mongoUri());
    }

    @AfterContainer
    static void close() {
        client.close();
    }

    /** One database per try: the trail, the counts and the scan they are compared with. */
    record Trail(MongoDatabase db, ChainStore chains, RecordCountStore store, RecordCountProjection counts,
            ChainAppender appender, RecordSearchStore search) {

        static Trail fresh(boolean withCounts) {
            MongoDatabase db = client.getDatabase("counts-" + UUID.randomUUID().toString().substring(0, 8));
            ChainStore chains = new ChainStore(db);
            chains.createIndexes().block(WAIT);
            RecordCountStore store = new RecordCountStore(db);
            RecordCountProjection counts = new RecordCountProjection(store, chains, Clock.systemUTC());
            ChainAppender appender = new ChainAppender(chains, Clock.systemUTC(),
                    new ChainHeadGauges(new SimpleMeterRegistry()), null, withCounts ? counts : null, ChainFixture.MACS);
            return new Trail(db, chains, store, counts, appender, new RecordSearchStore(db));
        }

        void drop() {
            Mono.from(db.drop()).block(WAIT);
        }
    }

    static List<IncomingEvent> events(Random random, int n) {
        List<IncomingEvent> events = new ArrayList<>();
        long[] offsets = new long[TOPICS.length];
        for (int i = 0; i < n; i++) {
            int t = random.nextInt(TOPICS.length);
            // times over three China days, many right at or next to a midnight or an hour
            long ms = switch (random.nextInt(4)) {
                case 0 -> Duration.ofHours(random.nextInt(72)).toMillis();
                case 1 -> Duration.ofHours(1 + random.nextInt(72)).toMillis() - 1;
                default -> (long) (random.nextDouble() * Duration.ofHours(72).toMillis());
            };
            String time = BASE.plusMillis(ms).atOffset(java.time.ZoneOffset.ofHours(random.nextBoolean() ? 8 : 0)).toString();
            if (random.nextInt(40) == 0) {
                time = "not a time"; // counted at the time it was received, as the records' timeMs
            }
            events.add(new IncomingEvent("e-" + UUID.randomUUID(), TOPICS[t], 0, offsets[t]++,
                    TYPES[random.nextInt(TYPES.length)], "S-" + random.nextInt(20), "clerk-1", "CLERK",
                    REGIONS[random.nextInt(REGIONS.length)], time, null, Map.of("k", i)));
        }
        return events;
    }

    /** Appends in random batches per chain; some batches are delivered again (the redelivery ingest absorbs). */
    static void ingest(Trail trail, Random random, List<IncomingEvent> events) {
        Map<String, List<IncomingEvent>> byChain = new LinkedHashMap<>();
        events.forEach(e -> byChain.computeIfAbsent(e.chain(), c -> new ArrayList<>()).add(e));
        byChain.forEach((chain, list) -> {
            for (int i = 0; i < list.size(); ) {
                int size = 1 + random.nextInt(60);
                List<IncomingEvent> batch = list.subList(i, Math.min(list.size(), i + size));
                trail.appender().append(chain, batch);
                if (random.nextInt(4) == 0) {
                    trail.appender().append(chain, batch); // redelivered
                }
                i += size;
            }
        });
    }

    static Instant randomInstant(Random random) {
        long ms = switch (random.nextInt(3)) {
            case 0 -> Duration.ofHours(random.nextInt(80) - 4).toMillis();
            case 1 -> Duration.ofMinutes(random.nextInt(80 * 60) - 240).toMillis();
            default -> (long) (random.nextDouble() * Duration.ofHours(80).toMillis()) - Duration.ofHours(4).toMillis();
        };
        return BASE.plusMillis(ms);
    }

    /** Random queries: the projection and the scan answer the same counts, in the same order. */
    static void assertSameAsScan(Trail trail, Random random, int queries) {
        for (int q = 0; q < queries; q++) {
            Instant a = randomInstant(random);
            Instant b = randomInstant(random);
            Instant from = a.isBefore(b) ? a : b;
            Instant to = a.isBefore(b) ? b : a;
            if (random.nextInt(5) == 0) {
                from = BASE.minus(Duration.ofDays(2));
                to = BASE.plus(Duration.ofDays(5));
            }
            String field = FIELDS[random.nextInt(FIELDS.length)];
            String type = random.nextInt(3) == 0 ? TYPES[random.nextInt(TYPES.length)] : null;
            String prefix = PREFIXES[random.nextInt(PREFIXES.length)];
            RecordQuery query = new RecordQuery(null, type, prefix, null, from, to, null, 50);
            Map<String, Long> scan = trail.search().countBy(query, field)
                    .collect(LinkedHashMap<String, Long>::new,
                            (m, d) -> m.put(String.valueOf(d.get("_id")), ((Number) d.get("count")).longValue()))
                    .block(WAIT);
            Map<String, Long> projected = trail.counts().counts(field, type, prefix, from, to).block(WAIT);
            assertThat(projected).as("by %s type %s region %s [%s, %s)", field, type, prefix, from, to)
                    .containsExactlyEntriesOf(scan);
        }
    }

    @Property(tries = 8)
    void theProjectionAnswersWhatTheScanAnswers(@ForAll long seed) {
        Random random = new Random(seed);
        Trail trail = Trail.fresh(true);
        try {
            trail.counts().start().block(WAIT); // empty trail: generation 1 built at once, then kept at ingest
            assertThat(trail.counts().view().block(WAIT).status()).isEqualTo("ready");
            ingest(trail, random, events(random, 1 + random.nextInt(400)));
            assertSameAsScan(trail, random, 25);
        } finally {
            trail.drop();
        }
    }

    /**
     * A stop between writing a batch's buckets and moving the watermark: the batch is applied again
     * (as the next catch-up would). Nothing counts twice.
     */
    @Property(tries = 4)
    void aBatchAppliedTwiceCountsOnce(@ForAll long seed) {
        Random random = new Random(seed);
        Trail trail = Trail.fresh(false);
        try {
            ingest(trail, random, events(random, 50 + random.nextInt(300)));
            trail.counts().start().block(WAIT);
            int generation = trail.counts().view().block(WAIT).active();
            for (String chain : trail.chains().heads().map(h -> h.chain()).collectList().block(WAIT)) {
                long head = trail.chains().head(chain).block(WAIT).sequence();
                long from = 1 + random.nextInt((int) head);
                List<AuditRecord> again = trail.chains().range(chain, from, Math.min(head, from + random.nextInt(80)))
                        .collectList().block(WAIT);
                trail.counts().apply(generation, chain, again).block(WAIT);
                trail.counts().apply(generation, chain, again).block(WAIT);
                trail.counts().appended(chain, again).block(WAIT); // a redelivered batch handed over again
            }
            assertSameAsScan(trail, random, 15);
        } finally {
            trail.drop();
        }
    }

    /** A build killed midway resumes from its watermarks at the next start, and ends equal to the scan. */
    @Property(tries = 2)
    void aBuildStoppedMidwayResumesAndEndsExact(@ForAll long seed) {
        Random random = new Random(seed);
        Trail trail = Trail.fresh(false);
        try {
            ingest(trail, random, events(random, 2500 + random.nextInt(1500)));
            long total = trail.chains().count().block(WAIT);
            AtomicInteger batches = new AtomicInteger();
            AtomicLong killedAt = new AtomicLong();
            trail.counts().afterBuildBatch(done -> {
                if (batches.incrementAndGet() == 3) {
                    killedAt.set(done);
                    throw new IllegalStateException("killed");
                }
            });
            assertThatThrownBy(() -> trail.counts().start().block(WAIT)).hasMessageContaining("killed");
            ProjectionStateView stopped = trail.counts().view().block(WAIT);
            assertThat(stopped.status()).isEqualTo("building");
            assertThat(stopped.active()).isNull();
            assertThat(stopped.recordsDone()).isEqualTo(killedAt.get()).isPositive().isLessThan(total);
            assertThat(stopped.recordsTotal()).isEqualTo(total);
            // meanwhile the statistics count over the records: no generation is complete
            assertThat(trail.counts().counts("day", null, null, BASE, BASE.plus(Duration.ofDays(3))).blockOptional(WAIT))
                    .isEmpty();

            // a new process: what the killed build did is not done again
            RecordCountProjection restarted = new RecordCountProjection(trail.store(), trail.chains(), Clock.systemUTC());
            List<Long> progress = new ArrayList<>();
            restarted.afterBuildBatch(progress::add);
            restarted.start().block(WAIT);
            assertThat(progress.get(0)).isGreaterThan(killedAt.get())
                    .isLessThanOrEqualTo(killedAt.get() + RecordCountProjection.BATCH);
            ProjectionStateView done = restarted.view().block(WAIT);
            assertThat(done.status()).isEqualTo("ready");
            assertThat(done.recordsDone()).isEqualTo(total);
            Trail resumed = new Trail(trail.db(), trail.chains(), trail.store(), restarted, trail.appender(), trail.search());
            assertSameAsScan(resumed, random, 15);

            // a rebuild on demand: a new generation, the old one removed, the same answers
            assertThat(restarted.rebuild("test").block(WAIT).status()).isEqualTo("rebuilding");
            restarted.lastBuild().block(WAIT);
            ProjectionStateView rebuilt = restarted.view().block(WAIT);
            assertThat(rebuilt.status()).isEqualTo("ready");
            assertThat(rebuilt.active()).isEqualTo(done.active() + 1);
            assertThat(Mono.from(trail.db().getCollection(RecordCountStore.BUCKETS)
                    .countDocuments(new Document("g", done.active()))).block(WAIT)).isZero();
            assertSameAsScan(resumed, random, 15);
        } finally {
            trail.drop();
        }
    }
}
