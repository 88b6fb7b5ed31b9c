package cn.minzheng.audit.statistics;

import cn.minzheng.audit.projection.ProjectionStateView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.ChainFixture;
import cn.minzheng.audit.chain.ChainHeadGauges;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.ingest.ChainAppender;
import cn.minzheng.audit.projection.ChainProjection;
import cn.minzheng.audit.projection.Projections;
import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.events.EventTypes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The on-time projection (issue 20 item 7) answers exactly what reading every accepted case answers,
 * on the embedded Mongo-wire server: for random trails of assistance and org cases (applications,
 * acceptances with due dates that are missing, unreadable or real, decisions on time or late,
 * withdrawals before and after decisions, events of other types, two partitions per topic, times
 * around China midnights, batches redelivered, batches applied twice as after a stop between the
 * bucket write and the watermark) and random queries (every grouping, region prefixes, services,
 * open and closed acceptance ranges starting and ending inside days, {@code asOf} before, between
 * and after the facts). And a build stopped midway resumes from its watermarks; a rebuild replaces
 * the generation. The day tallies the rates read ({@link OnTimeProjection#tallies}) answer the same for
 * every grouping, also after facts arriving later and the whole trail delivered or applied again.
 * jqwik prints the seed of a failing try; each try derives its trail from one long.
 */
class OnTimeProjectionProperties {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant BASE = Instant.parse("2026-02-27T15:00:00Z"); // 23:00 in China
    private static final String[] REGIONS = {"421303", "421303001", "421302", "110101", null};
    private static final String[] PREFIXES = {null, "", "42", "4213", "421303", "421303001", "11", "9"};
    private static final String[] SERVICES = {null, "assistance", "org", "gateway"};
    private static final String[] DUE = {"2026-02-28", "2026-03-01", "2026-03-02", "2026-03-04", "2026-02-30", "soon", null};
    private static final String[] PROGRAMS = {"DIBAO_URBAN", "TEKUN", "TEMPORARY", null};

    private static MongoClient client;

    @BeforeContainer
    static void connect() {
        client = MongoClients.create(EmbeddedInfra.shared().mongoUri());
    }

    @AfterContainer
    static void close() {
        client.close();
    }

    /** One database per try: the trail, the handling clocks (what the scan reads) and the projection. */
    record Trail(MongoDatabase db, ChainStore chains, HandlingCaseStore cases, OnTimeProjection days,
            ChainAppender appender) {

        static Trail fresh(boolean withDays) {
            MongoDatabase db = client.getDatabase("ontime-" + UUID.randomUUID().toString().substring(0, 8));
            ChainStore chains = new ChainStore(db);
            chains.createIndexes().block(WAIT);
            HandlingCaseStore cases = new HandlingCaseStore(db);
            Projections projections = new Projections(List.of(cases), db, chains, Clock.systemUTC());
            OnTimeProjection days = new OnTimeProjection(db, chains, cases, Clock.systemUTC());
            ChainAppender appender = new ChainAppender(chains, Clock.systemUTC(),
                    new ChainHeadGauges(new SimpleMeterRegistry()), projections,
                    withDays ? List.<ChainProjection<?>>of(days) : List.of(), ChainFixture.MACS);
            return new Trail(db, chains, cases, days, appender);
        }

        Trail restarted() {
            return new Trail(db, chains, cases, new OnTimeProjection(db, chains, cases, Clock.systemUTC()), appender);
        }

        void drop() {
            Mono.from(db.drop()).block(WAIT);
        }
    }

    private static String time(Random random, long ms) {
        return BASE.plusMillis(ms).atOffset(ZoneOffset.ofHours(random.nextBoolean() ? 8 : 0)).toString();
    }

    private static long someMillis(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> Duration.ofHours(random.nextInt(96)).toMillis();
            case 1 -> Duration.ofHours(1 + random.nextInt(96)).toMillis() - 1;
            default -> (long) (random.nextDouble() * Duration.ofHours(96).toMillis());
        };
    }

    /** Cases of random shape, each on one chain (topic, partition), its events in order, with events of other types. */
    static List<IncomingEvent> events(Random random, int cases) {
        List<IncomingEvent> events = new ArrayList<>();
        Map<String, Long> offsets = new LinkedHashMap<>();
        for (int i = 0; i < cases; i++) {
            boolean org = random.nextInt(3) == 0;
            String topic = org ? "org.events" : "assistance.events";
            int partition = random.nextInt(2);
            String subject = (org ? "APP-" : "DB-421303-") + i + (random.nextInt(10) == 0 ? ".x$%" : "");
            String region = REGIONS[random.nextInt(REGIONS.length)];
            long t = someMillis(random);
            List<String[]> steps = new ArrayList<>(); // type, field, value
            if (random.nextInt(5) > 0) {
                steps.add(new String[] {org ? EventTypes.ORGANIZATION_REGISTRATION_APPLIED : EventTypes.APPLICATION_SUBMITTED,
                    org ? "orgType" : "program", PROGRAMS[random.nextInt(PROGRAMS.length)]});
            }
            if (random.nextInt(6) > 0) {
                steps.add(new String[] {org ? EventTypes.ORGANIZATION_REGISTRATION_ACCEPTED : EventTypes.APPLICATION_ACCEPTED,
                    "dueDate", DUE[random.nextInt(DUE.length)]});
            }
            if (!org && random.nextInt(5) == 0) {
                steps.add(new String[] {EventTypes.APPLICATION_PUBLICITY_COMPLETED, "dueDate", DUE[random.nextInt(DUE.length)]});
            }
            int end = random.nextInt(5);
            if (end == 0 || end == 3) {
                steps.add(new String[] {org ? EventTypes.ORGANIZATION_APPLICATION_WITHDRAWN : EventTypes.APPLICATION_WITHDRAWN,
                    null, null});
            }
            if (end == 1 || end == 2 || end == 3) {
                String decision = org ? (random.nextBoolean() ? EventTypes.ORGANIZATION_REGISTRATION_APPROVED
                        : EventTypes.ORGANIZATION_REGISTRATION_REFUSED)
                        : List.of(EventTypes.APPLICATION_APPROVED, EventTypes.APPLICATION_DENIED,
                                EventTypes.APPLICATION_EMERGENCY_PAID).get(random.nextInt(3));
                steps.add(new String[] {decision, null, null});
            }
            if (random.nextInt(4) == 0) {
                steps.add(new String[] {EventTypes.APPLICATION_HOME_VISIT_RECORDED, null, null});
            }
            for (String[] step : steps) {
                Map<String, Object> data = new LinkedHashMap<>();
                if (step[1] != null && step[2] != null) {
                    data.put(step[1], step[2]);
                }
                long offset = offsets.merge(topic + "-" + partition, 1L, Long::sum) - 1;
                events.add(new IncomingEvent("e-" + UUID.randomUUID(), topic, partition, offset, step[0], subject,
                        "clerk-1", "CLERK", region, random.nextInt(50) == 0 ? "not a time" : time(random, t), null, data));
                t += random.nextInt(3) == 0 ? Duration.ofHours(random.nextInt(48)).toMillis() : random.nextInt(3_600_000);
            }
        }
        return events;
    }

    /** Appends in random batches per chain; some batches are delivered again (the redelivery ingest absorbs). */
    static void ingest(Trail trail, Random random, List<IncomingEvent> events) {
        Map<String, List<IncomingEvent>> byChain = new LinkedHashMap<>();
        events.forEach(e -> byChain.computeIfAbsent(e.chain(), c -> new ArrayList<>()).add(e));
        byChain.forEach((chain, list) -> {
            list.sort((a, b) -> Long.compare(a.offset(), b.offset()));
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

    private static Instant someInstant(Random random) {
        return BASE.plusMillis(someMillis(random) - Duration.ofHours(6).toMillis());
    }

    /** Every grouping of the API (by=service, program, region, period with each granularity). */
    private static final List<OnTimeQuery> GROUPINGS = List.of(
            new OnTimeQuery("service", "month", null, null, null), new OnTimeQuery("program", "month", null, null, null),
            new OnTimeQuery("region", "month", null, null, null), new OnTimeQuery("period", "day", null, null, null),
            new OnTimeQuery("period", "month", null, null, null), new OnTimeQuery("period", "year", null, null, null));

    /** The tallies per group (each grouping) and in total, as the API would show them: over the handling clocks. */
    private static Map<String, OnTimeView.Tally> scanTallies(List<HandlingCase> cases, Instant asOf) {
        Map<String, OnTimeView.Tally> all = new TreeMap<>();
        for (int g = 0; g < GROUPINGS.size(); g++) {
            OnTimeRates.Tallies t = new OnTimeRates.Tallies();
            Function<HandlingCase, String> key = GROUPINGS.get(g).key();
            for (HandlingCase c : cases) {
                t.add(key.apply(c), c.outcome(asOf));
            }
            put(all, g, t);
        }
        return all;
    }

    /** The same over the projection's entries, judged by {@link HandlingDays.Entry#outcome}. */
    private static Map<String, OnTimeView.Tally> projectedTallies(List<HandlingDays.Entry> entries, Instant asOf) {
        Map<String, OnTimeView.Tally> all = new TreeMap<>();
        long asOfDay = asOf.atZone(HandlingCase.ZONE).toLocalDate().toEpochDay();
        for (int g = 0; g < GROUPINGS.size(); g++) {
            OnTimeRates.Tallies t = new OnTimeRates.Tallies();
            Function<HandlingDays.Entry, String> key = GROUPINGS.get(g).entryKey();
            for (HandlingDays.Entry e : entries) {
                t.add(key.apply(e), e.outcome(asOf.toEpochMilli(), asOfDay));
            }
            put(all, g, t);
        }
        return all;
    }

    private static void put(Map<String, OnTimeView.Tally> all, int grouping, OnTimeRates.Tallies t) {
        t.groups.forEach((k, v) -> all.put(grouping + ":" + k, OnTimeView.Tally.of(v)));
        all.put(grouping + ":total", OnTimeView.Tally.of(t.total));
    }

    /** Random queries: the projection and the scan of the handling clocks give the same tallies. */
    static void assertSameAsScan(Trail trail, Random random, int queries) {
        for (int q = 0; q < queries; q++) {
            Instant a = someInstant(random);
            Instant b = someInstant(random);
            Instant from = a.isBefore(b) ? a : b;
            Instant to = a.isBefore(b) ? b : a;
            if (random.nextInt(4) == 0) {
                from = null; // the on-time range is optional
            }
            if (random.nextInt(6) == 0) {
                to = null;
            }
            Instant asOf = random.nextInt(3) == 0 ? BASE.plus(Duration.ofDays(30)) : someInstant(random);
            String prefix = PREFIXES[random.nextInt(PREFIXES.length)];
            String service = SERVICES[random.nextInt(SERVICES.length)];
            List<HandlingCase> scan = trail.cases().accepted(prefix, service, from, to).collectList().block(WAIT);
            List<HandlingDays.Entry> projected = trail.days().accepted(prefix, service, from, to).block(WAIT);
            assertThat(projected).as("no generation").isNotNull();
            assertThat(projected).as("cases of region %s service %s [%s, %s)", prefix, service, from, to)
                    .hasSameSizeAs(scan)
                    .containsExactlyInAnyOrderElementsOf(scan.stream().map(HandlingDays.Entry::of).toList());
            Map<String, OnTimeView.Tally> expected = scanTallies(scan, asOf);
            assertThat(projectedTallies(projected, asOf))
                    .as("region %s service %s [%s, %s) asOf %s", prefix, service, from, to, asOf)
                    .containsExactlyEntriesOf(expected);
            assertThat(dayTallies(trail, prefix, service, from, to, asOf))
                    .as("day tallies: region %s service %s [%s, %s) asOf %s", prefix, service, from, to, asOf)
                    .containsExactlyEntriesOf(expected);
        }
    }

    /** The same read from the day tallies, as {@link OnTimeRates} reads them ({@link OnTimeProjection#tallies}). */
    private static Map<String, OnTimeView.Tally> dayTallies(Trail trail, String prefix, String service, Instant from,
            Instant to, Instant asOf) {
        Map<String, OnTimeView.Tally> all = new TreeMap<>();
        for (int g = 0; g < GROUPINGS.size(); g++) {
            OnTimeRates.Tallies t = trail.days().tallies(prefix, service, from, to, asOf, GROUPINGS.get(g).entryKey())
                    .block(WAIT);
            assertThat(t).as("no generation").isNotNull();
            put(all, g, t);
        }
        return all;
    }

    @Property(tries = 8)
    void theProjectionAnswersWhatTheScanAnswers(@ForAll long seed) {
        Random random = new Random(seed);
        Trail trail = Trail.fresh(true);
        try {
            trail.days().start().block(WAIT); // empty trail: generation 1 built at once, then kept at ingest
            assertThat(trail.days().view().block(WAIT).status()).isEqualTo("ready");
            ingest(trail, random, events(random, 1 + random.nextInt(150)));
            assertSameAsScan(trail, random, 25);
        } finally {
            trail.drop();
        }
    }

    /**
     * Facts arriving later (a decision or a withdrawal after the case was counted open, a due date set
     * by 公示, the application after the acceptance) move a case from one tally to another, and the
     * whole trail delivered again, or applied again as after a stop, changes nothing: after each step
     * the day tallies answer what the scan answers, and they hold exactly one count per accepted case.
     */
    @Property(tries = 6)
    void factsArrivingLaterMoveCasesWithoutCountingTwice(@ForAll long seed) {
        Random random = new Random(seed);
        Trail trail = Trail.fresh(true);
        try {
            trail.days().start().block(WAIT);
            List<IncomingEvent> all = events(random, 20 + random.nextInt(120));
            Map<String, List<IncomingEvent>> bySubject = new LinkedHashMap<>();
            all.forEach(e -> bySubject.computeIfAbsent(e.subject(), k -> new ArrayList<>()).add(e));
            List<IncomingEvent> early = new ArrayList<>();
            List<IncomingEvent> later = new ArrayList<>();
            bySubject.values().forEach(events -> {
                int cut = random.nextInt(events.size() + 1);
                early.addAll(events.subList(0, cut));
                later.addAll(events.subList(cut, events.size()));
            });
            ingest(trail, random, early);
            assertSameAsScan(trail, random, 8);
            assertOneCountPerCase(trail);
            ingest(trail, random, later);
            assertSameAsScan(trail, random, 8);
            assertOneCountPerCase(trail);
            ingest(trail, random, all); // everything delivered again
            int generation = trail.days().view().block(WAIT).active();
            for (String chain : trail.chains().heads().map(h -> h.chain()).collectList().block(WAIT)) {
                long head = trail.chains().head(chain).block(WAIT).sequence();
                trail.days().apply(generation, chain, trail.chains().range(chain, 1, head).collectList().block(WAIT))
                        .block(WAIT); // as after a stop before the watermark moved
            }
            assertSameAsScan(trail, random, 8);
            assertOneCountPerCase(trail);
        } finally {
            trail.drop();
        }
    }

    /**
     * Day buckets written by a version that kept no tallies (the upgrade): the rates read the entries
     * until the next start has derived the tallies of every bucket, then the tallies — exact both ways.
     */
    @Property(tries = 2)
    void bucketsWithoutTalliesGetThemAtStart(@ForAll long seed) {
        Random random = new Random(seed);
        Trail trail = Trail.fresh(true);
        try {
            trail.days().start().block(WAIT);
            ingest(trail, random, events(random, 30 + random.nextInt(100)));
            // as an older version left them: no tallies, no marker
            Mono.from(trail.db().getCollection(OnTimeProjection.TALLIES).drop()).block(WAIT);
            Mono.from(trail.db().getCollection(Projections.STATE).updateOne(new Document("_id", OnTimeProjection.STATE_ID),
                    new Document("$unset", new Document(OnTimeProjection.TALLIES_KEPT, "")))).block(WAIT);
            assertSameAsScan(trail, random, 6); // from the entries
            Trail restarted = trail.restarted();
            restarted.days().start().block(WAIT);
            assertThat(Mono.from(trail.db().getCollection(Projections.STATE)
                    .find(new Document("_id", OnTimeProjection.STATE_ID)).first()).block(WAIT)
                    .getBoolean(OnTimeProjection.TALLIES_KEPT)).isTrue();
            assertOneCountPerCase(restarted);
            assertSameAsScan(restarted, random, 6); // from the tallies
        } finally {
            trail.drop();
        }
    }

    /** The day tallies count each accepted case once: their counts add up to the handling clocks' accepted cases. */
    private static void assertOneCountPerCase(Trail trail) {
        long accepted = trail.cases().accepted(null, null, null, null).count().block(WAIT);
        long counted = Flux.from(trail.db().getCollection(OnTimeProjection.TALLIES).find())
                .flatMapIterable(d -> d.get("t", Document.class).values())
                .map(n -> ((Number) n).longValue()).reduce(0L, Long::sum).block(WAIT);
        assertThat(counted).as("counts in the day tallies").isEqualTo(accepted);
    }

    /**
     * A stop between writing a batch's buckets and moving the watermark: the batch is applied again
     * (as the next catch-up would), and a redelivered batch is handed over again. No case counts twice.
     */
    @Property(tries = 4)
    void aBatchAppliedTwiceCountsOnce(@ForAll long seed) {
        Random random = new Random(seed);
        Trail trail = Trail.fresh(false);
        try {
            ingest(trail, random, events(random, 20 + random.nextInt(120)));
            trail.days().start().block(WAIT);
            int generation = trail.days().view().block(WAIT).active();
            for (String chain : trail.chains().heads().map(h -> h.chain()).collectList().block(WAIT)) {
                long head = trail.chains().head(chain).block(WAIT).sequence();
                long from = 1 + random.nextInt((int) head);
                List<AuditRecord> again = trail.chains().range(chain, from, Math.min(head, from + random.nextInt(80)))
                        .collectList().block(WAIT);
                trail.days().apply(generation, chain, again).block(WAIT);
                trail.days().apply(generation, chain, again).block(WAIT);
                trail.days().appended(chain, again).block(WAIT);
            }
            assertSameAsScan(trail, random, 15);
        } finally {
            trail.drop();
        }
    }

    /** A build killed midway resumes from its watermarks at the next start, ends exact; a rebuild replaces it. */
    @Property(tries = 2)
    void aBuildStoppedMidwayResumesAndEndsExact(@ForAll long seed) {
        Random random = new Random(seed);
        Trail trail = Trail.fresh(false);
        try {
            ingest(trail, random, events(random, 500 + random.nextInt(300)));
            long total = trail.chains().count().block(WAIT);
            AtomicInteger batches = new AtomicInteger();
            AtomicLong killedAt = new AtomicLong();
            trail.days().afterBuildBatch(done -> {
                if (batches.incrementAndGet() == 2) {
                    killedAt.set(done);
                    throw new IllegalStateException("killed");
                }
            });
            assertThatThrownBy(() -> trail.days().start().block(WAIT)).hasMessageContaining("killed");
            ProjectionStateView stopped = trail.days().view().block(WAIT);
            assertThat(stopped.status()).isEqualTo("building");
            assertThat(stopped.statusText()).contains("正在首次建立");
            assertThat(stopped.active()).isNull();
            assertThat(stopped.recordsDone()).isEqualTo(killedAt.get()).isPositive().isLessThan(total);
            assertThat(stopped.recordsTotal()).isEqualTo(total);
            // meanwhile the on-time statistics read the cases: no generation is complete
            assertThat(trail.days().accepted(null, null, null, null).blockOptional(WAIT)).isEmpty();

            Trail restarted = trail.restarted(); // a new process: what the killed build did is not done again
            List<Long> progress = new ArrayList<>();
            restarted.days().afterBuildBatch(progress::add);
            restarted.days().start().block(WAIT);
            assertThat(progress.get(0)).isGreaterThan(killedAt.get())
                    .isLessThanOrEqualTo(killedAt.get() + ChainProjection.BATCH);
            ProjectionStateView done = restarted.days().view().block(WAIT);
            assertThat(done.status()).isEqualTo("ready");
            assertThat(done.recordsDone()).isEqualTo(total);
            assertSameAsScan(restarted, random, 15);

            assertThat(restarted.days().rebuild("test").block(WAIT).status()).isEqualTo("rebuilding");
            restarted.days().lastBuild().block(WAIT);
            ProjectionStateView rebuilt = restarted.days().view().block(WAIT);
            assertThat(rebuilt.status()).isEqualTo("ready");
            assertThat(rebuilt.active()).isEqualTo(done.active() + 1);
            assertThat(Mono.from(trail.db().getCollection(OnTimeProjection.BUCKETS)
                    .countDocuments(new Document("g", done.active()))).block(WAIT)).isZero();
            assertSameAsScan(restarted, random, 15);
        } finally {
            trail.drop();
        }
    }
}
