package cn.minzheng.audit;

import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.ChainFixture;
import cn.minzheng.audit.chain.ChainHeadGauges;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.ingest.ChainAppender;
import cn.minzheng.audit.projection.ChainProjection;
import cn.minzheng.audit.projection.Projections;
import cn.minzheng.audit.projection.RecordCountProjection;
import cn.minzheng.audit.projection.RecordCountStore;
import cn.minzheng.audit.reads.ReadBounds;
import cn.minzheng.audit.search.RecordSearchStore;
import cn.minzheng.audit.statistics.CountQuery;
import cn.minzheng.audit.statistics.CountsView;
import cn.minzheng.audit.statistics.HandlingCase;
import cn.minzheng.audit.statistics.HandlingCaseStore;
import cn.minzheng.audit.statistics.OnTimeProjection;
import cn.minzheng.audit.statistics.OnTimeQuery;
import cn.minzheng.audit.statistics.OnTimeRates;
import cn.minzheng.audit.statistics.OnTimeView;
import cn.minzheng.audit.statistics.RecordCounts;
import cn.minzheng.platform.embedded.DirectoryTrees;
import cn.minzheng.platform.embedded.EmbeddedMongo;
import cn.minzheng.platform.events.EventTypes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Measures (never asserts) the audit statistics over a large trail on the embedded Mongo-wire store
 * (issue 20 item 7): seeds {@code records} trail records as cases of ten events (submitted … accepted
 * with a due date … approved) over one year on four chains, then times the statistics calls as the
 * API makes them (minus HTTP): {@link RecordCounts#counts} and {@link OnTimeRates#rates}, three
 * warm-up calls and seven timed ones each, with the machine's load at the time
 * ({@code /proc/loadavg}). Optionally ({@code scan}) the old scans for comparison, and the session-8 read
 * of the on-time projection (one entry per case, judged one by one) against its day tallies. Not a test (surefire runs only
 * {@code *Test}, {@code *Tests}, {@code *Properties}): it prints figures.
 *
 * <p>Seeding: {@code projections} (default) hands each batch to what ingest calls after the append —
 * the subject projections ({@link Projections#project}), then the record counts and the on-time
 * projection ({@link ChainProjection#appended} with the batch's records at their chain positions) —
 * without storing the records themselves (so the record scan cannot be timed then); {@code ingest}
 * goes through {@link ChainAppender} as the Kafka listener does (hash, MAC, insert, then the same
 * projections): the realistic path, ~10× slower to seed.
 *
 * <pre>
 * cd audit-service
 * ../mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx4g -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.minzheng.audit.StatisticsAtScale \
 *      [records=1000000] [file|memory=file] [scan|noscan=noscan] [projections|ingest=projections] [rounds=1]
 * </pre>
 * {@code rounds}: the timed calls are repeated that many times over the same seeded store (a median per round).
 * {@code file}: the BSON store on a data file (the default devstack's store); {@code memory}: the BSON
 * store in memory.
 */
public final class StatisticsAtScale {

    private static final Duration WAIT = Duration.ofMinutes(30);
    private static final Instant YEAR = Instant.parse("2025-12-31T16:00:00Z"); // 2026-01-01 00:00 in China
    private static final String[] STEPS = {EventTypes.APPLICATION_SUBMITTED, EventTypes.APPLICATION_ACCEPTED,
        EventTypes.APPLICATION_HOME_VISIT_RECORDED, EventTypes.APPLICATION_ECONOMIC_CHECK_RECORDED,
        EventTypes.APPLICATION_OPINION_ISSUED, EventTypes.APPLICATION_PUBLICITY_STARTED,
        EventTypes.APPLICATION_PUBLICITY_COMPLETED, EventTypes.APPLICATION_APPROVED,
        EventTypes.APPLICATION_PROVIDER_ASSIGNED, EventTypes.APPLICATION_AMOUNT_CHANGED};
    private static final String[] REGIONS = {"421303001001", "421303002003", "421303100200", "421302001001"};
    private static final String[] PROGRAMS = {"DIBAO_URBAN", "DIBAO_RURAL", "TEKUN", "TEMPORARY"};
    private static final int CHAINS = 4;
    private static final int BATCH = 500;

    private StatisticsAtScale() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        boolean inFile = args.length <= 1 || !args[1].equals("memory");
        boolean scan = args.length > 2 && args[2].equals("scan");
        boolean ingest = args.length > 3 && args[3].equals("ingest");
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        System.out.printf(Locale.ROOT, "BSON store (%s), %,d records (cases of %d events, 4 chains, one year), %s, %d cpus%n",
                inFile ? "data file" : "in memory", records, STEPS.length, Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        Path dir = Files.createTempDirectory("statistics-at-scale");
        EmbeddedMongo.Builder builder = EmbeddedMongo.builder().bsonStore(true);
        if (inFile) {
            builder.dataFile(dir.resolve("data.mv"));
        }
        EmbeddedMongo mongo = builder.build().start();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            run(client.getDatabase("audit"), records, scan, ingest, rounds);
        } finally {
            mongo.stop();
            DirectoryTrees.delete(dir);
        }
    }

    private static void run(MongoDatabase db, int records, boolean scan, boolean ingest, int rounds) throws Exception {
        Clock clock = Clock.systemUTC();
        ChainStore chains = new ChainStore(db);
        chains.createIndexes().block(WAIT);
        HandlingCaseStore cases = new HandlingCaseStore(db);
        Projections projections = new Projections(List.of(cases), db, chains, clock);
        projections.start().block(WAIT);
        RecordCountProjection counts = new RecordCountProjection(new RecordCountStore(db), chains, clock);
        OnTimeProjection days = new OnTimeProjection(db, chains, cases, clock);
        counts.start().block(WAIT); // an empty trail: generation 1 at once, then kept at ingest
        days.start().block(WAIT);
        ChainAppender appender = new ChainAppender(chains, clock, new ChainHeadGauges(new SimpleMeterRegistry()),
                projections, List.<ChainProjection<?>>of(counts, days), ChainFixture.MACS);

        Map<String, Long> sequences = new LinkedHashMap<>();
        BiConsumer<String, List<IncomingEvent>> sink = ingest ? appender::append : (chain, events) -> {
            List<AuditRecord> stored = new ArrayList<>(events.size());
            for (IncomingEvent e : events) {
                long sequence = sequences.merge(chain, 1L, Long::sum);
                stored.add(new AuditRecord(chain, sequence, null, e.eventId(), e.topic(), e.partition(), e.offset(),
                        e.type(), e.subject(), e.actorId(), e.actorRole(), e.regionCode(), e.time(), e.traceId(), e.data(),
                        e.time(), null));
            }
            projections.project(events).block(WAIT);
            counts.appended(chain, stored).block(WAIT);
            days.appended(chain, stored).block(WAIT);
        };
        long started = System.nanoTime();
        seed(sink, records);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "seeded %,d records through %s in %.1f s (%.0f records/s); load %s%n",
                records, ingest ? "ingest (ChainAppender)" : "the projections", seconds, records / seconds, loadavg());

        for (int round = 1; round <= rounds; round++) {
            System.out.printf(Locale.ROOT, "round %d of %d%n", round, rounds);
            timeAll(db, chains, cases, projections, counts, days, clock, scan, ingest);
        }
    }

    /** Every statistics call, timed once each (three warm-ups, seven timed). */
    private static void timeAll(MongoDatabase db, ChainStore chains, HandlingCaseStore cases, Projections projections,
            RecordCountProjection counts, OnTimeProjection days, Clock clock, boolean scan, boolean ingest) {
        RecordCounts recordCounts = new RecordCounts(new RecordSearchStore(db),
                new ReadBounds(100_000, Duration.ofDays(366)), counts);
        OnTimeRates onTime = new OnTimeRates(cases, days, projections, clock);
        Instant end = YEAR.plus(Duration.ofDays(365));
        String from = YEAR.toString();
        String to = end.toString();
        String partialFrom = YEAR.plus(Duration.ofMinutes(37)).toString();
        String partialTo = end.minus(Duration.ofMinutes(23)).toString();
        time("statistics by=type, one year, whole days (ADMIN)",
                () -> recordCounts.counts(CountQuery.parse("type", null, null, from, to)).map(CountsView::total));
        time("statistics by=day, one year, whole days (ADMIN)",
                () -> recordCounts.counts(CountQuery.parse("day", null, null, from, to)).map(CountsView::total));
        time("statistics by=region region=421303, range starting and ending inside days (AUDITOR 421303)",
                () -> recordCounts.counts(CountQuery.parse("region", null, "421303", partialFrom, partialTo))
                        .map(CountsView::total));
        String asOf = end.plus(Duration.ofDays(60)).toString();
        time("on-time by=program, one year (ADMIN)",
                () -> onTime.rates(OnTimeQuery.parse("program", null, null, null, from, to, asOf)).map(v -> v.total().cases()));
        time("on-time by=period period=month, no range (ADMIN)",
                () -> onTime.rates(OnTimeQuery.parse("period", "month", null, null, null, null, asOf)).map(v -> v.total().cases()));
        time("on-time by=region region=421303, range inside days (AUDITOR 421303)",
                () -> onTime.rates(OnTimeQuery.parse("region", null, null, "421303", partialFrom, partialTo, asOf))
                        .map(v -> v.total().cases()));
        // asOf inside the year, on a day cases are decided: those cases are judged by their instants
        String asOfInside = YEAR.plus(Duration.ofDays(200)).plus(Duration.ofHours(13)).toString();
        time("on-time by=program, one year, asOf on a day of decisions (ADMIN)",
                () -> onTime.rates(OnTimeQuery.parse("program", null, null, null, from, to, asOfInside))
                        .map(v -> v.total().cases()));
        if (scan) {
            Instant asOfEnd = Instant.parse(asOf);
            time("BEFORE (session 8: one entry per case from the day buckets) on-time by=program, one year",
                    () -> days.accepted(null, null, YEAR, end).map(entries -> {
                        long asOfDay = asOfEnd.atZone(HandlingCase.ZONE).toLocalDate().toEpochDay();
                        return entries.stream().filter(e -> e.outcome(asOfEnd.toEpochMilli(), asOfDay)
                                != HandlingCase.Outcome.WITHDRAWN).count();
                    }));
        }
        if (scan && ingest) {
            RecordCounts scanning = new RecordCounts(new RecordSearchStore(db), new ReadBounds(100_000, Duration.ofDays(366)), null);
            time("BEFORE (scan of the records) statistics by=type, one year",
                    () -> scanning.counts(CountQuery.parse("type", null, null, from, to)).map(CountsView::total));
        }
        if (scan) {
            OnTimeRates scanningOnTime = new OnTimeRates(cases, null, projections, clock);
            time("BEFORE (every accepted case) on-time by=program, one year",
                    () -> scanningOnTime.rates(OnTimeQuery.parse("program", null, null, null, from, to, asOf))
                            .map(v -> v.total().cases()));
        }
    }

    /** Cases of ten events, 500 in flight, spread over the year; batches of 500 per chain, as ingest appends them. */
    private static void seed(BiConsumer<String, List<IncomingEvent>> appender, int records) {
        Random random = new Random(20261207L);
        int casesTotal = records / STEPS.length;
        long yearMs = Duration.ofDays(365).toMillis();
        Map<String, List<IncomingEvent>> pending = new LinkedHashMap<>();
        long[] offsets = new long[CHAINS];
        long done = 0;
        long mark = System.nanoTime();
        int inFlight = 500;
        for (int first = 0; first < casesTotal; first += inFlight) {
            int last = Math.min(casesTotal, first + inFlight);
            for (int step = 0; step < STEPS.length; step++) {
                for (int c = first; c < last; c++) {
                    int partition = c % CHAINS;
                    long acceptedMs = (long) c * yearMs / casesTotal;
                    long at = acceptedMs + step * 3_600_000L * 24 * (step >= 7 ? 3 : 1) + random.nextInt(3_600_000);
                    String time = YEAR.plusMillis(at).atOffset(ZoneOffset.ofHours(8)).toString();
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("program", PROGRAMS[c % PROGRAMS.length]);
                    if (STEPS[step].equals(EventTypes.APPLICATION_ACCEPTED)) {
                        data.put("dueDate", YEAR.plusMillis(acceptedMs).plus(Duration.ofDays(42))
                                .atOffset(ZoneOffset.ofHours(8)).toLocalDate().toString());
                        data.put("dueBasis", "WORKING_DAYS");
                    }
                    IncomingEvent e = new IncomingEvent("e-" + c + "-" + step, "assistance.events", partition,
                            offsets[partition]++, STEPS[step], "DB-421303-" + c, "clerk-" + (c % 50), "CLERK",
                            REGIONS[c % REGIONS.length], time, null, data);
                    List<IncomingEvent> batch = pending.computeIfAbsent(e.chain(), k -> new ArrayList<>());
                    batch.add(e);
                    if (batch.size() == BATCH) {
                        appender.accept(e.chain(), batch);
                        done += batch.size();
                        pending.put(e.chain(), new ArrayList<>());
                        if (done % 100_000 == 0) {
                            long now = System.nanoTime();
                            System.out.printf(Locale.ROOT, "  %,d records (%.0f records/s over the last 100k); load %s%n",
                                    done, 100_000 / ((now - mark) / 1e9), loadavg());
                            mark = now;
                        }
                    }
                }
            }
        }
        pending.forEach((chain, batch) -> {
            if (!batch.isEmpty()) {
                appender.accept(chain, batch);
            }
        });
    }

    /**
     * Times one call as ADMIN (or the AUDITOR the label names): three warm-up calls, then seven timed;
     * prints every timed run and the median.
     */
    private static void time(String label, Supplier<Mono<?>> call) {
        JwtAuthenticationToken auth = label.contains("AUDITOR") ? token("AUDITOR") : token("ADMIN");
        for (int i = 0; i < 3; i++) {
            call.get().contextWrite(ReactiveSecurityContextHolder.withAuthentication(auth)).block(WAIT);
        }
        double[] ms = new double[7];
        Object answer = null;
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            answer = call.get().contextWrite(ReactiveSecurityContextHolder.withAuthentication(auth)).block(WAIT);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: median %.1f ms, runs %s, answer total %s; load %s%n", label,
                sorted[sorted.length / 2], Arrays.toString(Arrays.stream(ms).map(m -> Math.round(m * 10) / 10.0).toArray()),
                answer, loadavg());
    }

    private static JwtAuthenticationToken token(String role) {
        Jwt jwt = Jwt.withTokenValue("measure").header("alg", "none").subject("measure-" + role.toLowerCase(Locale.ROOT))
                .claim("roles", List.of(role)).claim("region", "421303").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(3600)).build();
        return new JwtAuthenticationToken(jwt, List.of());
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
