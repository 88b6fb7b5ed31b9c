package cn.minzheng.audit;

import cn.minzheng.audit.chain.ChainHeadGauges;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.chain.RecordDocuments;
import cn.minzheng.audit.ingest.ChainAppender;
import cn.minzheng.audit.projection.Projections;
import cn.minzheng.audit.search.RecordSearchStore;
import cn.minzheng.audit.statistics.HandlingCase;
import cn.minzheng.audit.statistics.HandlingCaseStore;
import cn.minzheng.audit.statistics.HandlingFacts;
import cn.minzheng.audit.statistics.OnTimeTally;
import cn.minzheng.audit.timeline.SubjectIndex;
import cn.minzheng.platform.embedded.EmbeddedMongo;
import cn.minzheng.platform.events.EventTypes;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * In-process measurement of what the trail projections (subject index, handling clocks) cost at
 * ingest and save at query time on the Mongo-wire server: the same realistic trail (cases of ten
 * events each, 500 cases in flight, one chain, batches of 500) ingested once without and once with
 * the projections; then timeline reads (subject scan vs. index), on-time statistics (a scan of the
 * trail's matter events vs. the projection) and the rebuild of the projections from the trail.
 * Not a test: it prints figures.
 *
 * <p>Run like {@link TrailThroughput}: {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * cn.minzheng.audit.ProjectionCost [records=100000] [file|memory=file]}.
 */
public final class ProjectionCost {

    private static final Duration WAIT = Duration.ofMinutes(10);
    private static final String[] STEPS = {EventTypes.APPLICATION_SUBMITTED, EventTypes.APPLICATION_ACCEPTED,
        EventTypes.APPLICATION_HOME_VISIT_RECORDED, EventTypes.APPLICATION_ECONOMIC_CHECK_RECORDED,
        EventTypes.APPLICATION_OPINION_ISSUED, EventTypes.APPLICATION_PUBLICITY_STARTED,
        EventTypes.APPLICATION_PUBLICITY_COMPLETED, EventTypes.APPLICATION_APPROVED,
        EventTypes.APPLICATION_PROVIDER_ASSIGNED, EventTypes.APPLICATION_AMOUNT_CHANGED};

    private ProjectionCost() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean inFile = args.length <= 1 || !args[1].equals("memory");
        System.out.printf(Locale.ROOT, "Mongo-wire server (%s), %,d records (cases of %d events, 500 in flight), %s%n",
                inFile ? "MVStore file" : "in memory", records, STEPS.length, Runtime.version());
        for (boolean withProjections : new boolean[] {false, true}) {
            Path dir = Files.createTempDirectory("projection-cost");
            EmbeddedMongo.Builder builder = EmbeddedMongo.builder();
            if (inFile) {
                builder.dataFile(dir.resolve("data.mv"));
            }
            EmbeddedMongo mongo = builder.build().start();
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                run(client.getDatabase("cost"), records, withProjections);
            } finally {
                mongo.stop();
                cn.minzheng.platform.embedded.DirectoryTrees.delete(dir);
            }
        }
    }

    /**
     * Cases DB-…-n, each of the ten steps in order, 500 cases interleaved; acceptances carry a due
     * date. Generated batch by batch (the same sequence every time), so the harness does not hold
     * the trail in the measured heap.
     */
    static final class Trail {
        final int records;
        final Random random = new Random(7);
        final int[] step;
        int nextCase;
        final List<Integer> inFlight = new ArrayList<>();
        Instant t = Instant.parse("2026-01-05T01:00:00Z");
        long offset;

        Trail(int records) {
            this.records = records;
            this.step = new int[Math.max(1, records / STEPS.length)];
        }

        List<IncomingEvent> next(int n) {
            List<IncomingEvent> events = new ArrayList<>(n);
            int cases = step.length;
            while (events.size() < n && offset < records) {
                while (inFlight.size() < 500 && nextCase < cases) {
                    inFlight.add(nextCase++);
                }
                int slot = random.nextInt(inFlight.size());
                int c = inFlight.get(slot);
                String type = STEPS[step[c]++];
                if (step[c] == STEPS.length) {
                    inFlight.remove(slot);
                }
                String subject = "DB-4213" + String.format(Locale.ROOT, "%02d", c % 20) + "-2026-" + c;
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("aggregateId", subject);
                data.put("aggregateType", "application");
                data.put("changes", Map.of());
                if (type.equals(EventTypes.APPLICATION_SUBMITTED)) {
                    data.put("program", c % 3 == 0 ? "TEKUN" : "DIBAO_URBAN");
                    data.put("householdSize", 2);
                }
                if (type.equals(EventTypes.APPLICATION_ACCEPTED)) {
                    data.put("dueDate", t.plus(Duration.ofDays(14)).toString().substring(0, 10));
                    data.put("dueBasis", "PROMISED");
                    data.put("limitWorkingDays", 10);
                }
                t = t.plusSeconds(20);
                events.add(new IncomingEvent("evt-" + offset, "assistance.events", 0, offset, type, subject, "clerk-1",
                        "CLERK", "421303" + String.format(Locale.ROOT, "%03d", c % 20), t.toString(), null, data));
                offset++;
            }
            return events;
        }
    }

    static void run(MongoDatabase database, int records, boolean withProjections) {
        Trail trail = new Trail(records);
        List<String> subjects = new ArrayList<>();
        ChainStore store = new ChainStore(database);
        store.createIndexes().block(WAIT);
        SubjectIndex index = new SubjectIndex(database);
        HandlingCaseStore cases = new HandlingCaseStore(database);
        Projections projections = new Projections(List.of(index, cases), database, store, Clock.systemUTC());
        projections.start().block(WAIT); // empty trail: marks the projections built
        ChainAppender appender = new ChainAppender(store, Clock.systemUTC(), new ChainHeadGauges(new SimpleMeterRegistry()),
                withProjections ? projections : null, cn.minzheng.audit.chain.ChainFixture.MACS);
        System.out.printf(Locale.ROOT, "%n== ingest %s projections%n", withProjections ? "WITH" : "without");
        int batch = 500;
        int window = records / 5;
        long start = System.nanoTime();
        long cpu0 = cpu();
        long windowStart = start;
        long windowCpu = cpu0;
        for (int from = 0; from < records; from += batch) {
            List<IncomingEvent> events = trail.next(batch);
            if (from % (records / 15) < batch) {
                subjects.add(events.get(0).subject());
            }
            appender.append("assistance.events-0", events);
            int done = Math.min(records, from + batch);
            if (done % window == 0) {
                long now = System.nanoTime();
                long nowCpu = cpu();
                System.out.printf(Locale.ROOT, "  trail %,7d .. %,7d  %,6.0f events/s  %,6.0f CPU ms per 1,000%n",
                        done - window, done, window / ((now - windowStart) / 1e9), (nowCpu - windowCpu) / 1e6 / window * 1000);
                windowStart = now;
                windowCpu = nowCpu;
            }
        }
        System.out.printf(Locale.ROOT, "ingest overall: %,.0f events/s, %,.0f CPU ms per 1,000 events%n",
                records / ((System.nanoTime() - start) / 1e9), (cpu() - cpu0) / 1e6 / records * 1000);

        RecordSearchStore search = new RecordSearchStore(database);
        String[] read = subjects.toArray(String[]::new);
        if (!withProjections) {
            time("timeline by subject scan", read, s -> search.timeline(s, "4213", EventTypes.TIMELINE_READ, 5000)
                    .count().block(WAIT));
            Instant asOf = Instant.parse("2026-03-01T00:00:00Z");
            long t0 = System.nanoTime();
            OnTimeTally tally = onTimeFromTheTrail(database, asOf);
            System.out.printf(Locale.ROOT, "on-time statistics from the trail (matter events, full scan): %,.0f ms (%s)%n",
                    (System.nanoTime() - t0) / 1e6, tally.toJson());
            t0 = System.nanoTime();
            projections = new Projections(List.of(new SubjectIndex(database), new HandlingCaseStore(database)),
                    database, store, Clock.systemUTC());
            forgetMarker(database);
            long cpuR = cpu();
            projections.start().block(WAIT);
            System.out.printf(Locale.ROOT, "rebuild of both projections from %,d records: %,.1f s, %,.0f CPU ms per 1,000%n",
                    records, (System.nanoTime() - t0) / 1e9, (cpu() - cpuR) / 1e6 / records * 1000);
        } else {
            time("timeline by subject index", read, s -> index.eventIds(s).flatMapMany(search::byEventIds)
                    .filter(d -> s.equals(d.getString("subject")) && d.getString("regionCode").startsWith("4213"))
                    .sort(Comparator.comparingLong(d -> ((Number) d.get("timeMs")).longValue())).count().block(WAIT));
            Instant asOf = Instant.parse("2026-03-01T00:00:00Z");
            for (int run = 1; run <= 3; run++) {
                long t0 = System.nanoTime();
                OnTimeTally tally = cases.accepted("4213", null, null, null)
                        .reduce(new OnTimeTally(), (t, c) -> t.add(c.outcome(asOf))).block(WAIT);
                System.out.printf(Locale.ROOT, "on-time statistics from the projection, run %d: %,.0f ms (%s)%n", run,
                        (System.nanoTime() - t0) / 1e6, tally.toJson());
            }
        }
    }

    /** Drops the marker so start() rebuilds (the baseline DB never had the projections). */
    private static void forgetMarker(MongoDatabase database) {
        Mono.from(database.getCollection(Projections.STATE).deleteMany(new Document())).block(WAIT);
    }

    /** The query-time alternative: read the matter events of the trail and fold them per case. */
    static OnTimeTally onTimeFromTheTrail(MongoDatabase database, Instant asOf) {
        Map<String, Map<String, Object>> byCase = new LinkedHashMap<>();
        Flux.from(database.getCollection(RecordDocuments.COLLECTION)
                        .find(Filters.and(Filters.in("type", HandlingFactsAccess.types()), Filters.regex("regionCode", "^4213"))))
                .map(RecordDocuments::fromDocument)
                .doOnNext(r -> HandlingFacts.of(r.type(), r.subject(), "assistance", r.regionCode(), r.time(), r.eventId(),
                        r.data()).ifPresent(f -> byCase.computeIfAbsent(r.subject(), s -> new LinkedHashMap<>()).putAll(f)))
                .blockLast(WAIT);
        OnTimeTally tally = new OnTimeTally();
        byCase.forEach((subject, f) -> {
            if (f.get("acceptedMs") instanceof Long accepted) {
                tally.add(new HandlingCase(subject, "assistance", (String) f.get("program"), (String) f.get("regionCode"),
                        Instant.ofEpochMilli(accepted), (String) f.get("dueDate"), null, (String) f.get("decision"),
                        f.get("decidedMs") instanceof Long d ? Instant.ofEpochMilli(d) : null, null).outcome(asOf));
            }
        });
        return tally;
    }

    private static void time(String what, String[] subjects, java.util.function.Function<String, Long> read) {
        read.apply(subjects[0]); // warm-up
        long[] ms = new long[subjects.length];
        long count = 0;
        for (int i = 0; i < subjects.length; i++) {
            long t0 = System.nanoTime();
            count += read.apply(subjects[i]);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%s: %d reads, median %d ms, max %d ms (%.1f records each)%n", what,
                subjects.length, ms[ms.length / 2], ms[ms.length - 1], (double) count / subjects.length);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The matter event types (same package access to HandlingFacts' table). */
    static final class HandlingFactsAccess {
        static List<String> types() {
            return Arrays.stream(EventTypes.class.getFields()).map(f -> {
                try {
                    return f.get(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }).filter(v -> v instanceof String s && HandlingFacts.relevant(s)).map(String.class::cast).toList();
        }
    }
}
