package cn.minzheng.audit;

import cn.minzheng.audit.chain.ChainFixture;
import cn.minzheng.audit.chain.ChainHead;
import cn.minzheng.audit.chain.ChainHeadGauges;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.checkpoint.CheckpointStore;
import cn.minzheng.audit.checkpoint.SigningKey;
import cn.minzheng.audit.checkpoint.VerificationKeys;
import cn.minzheng.audit.ingest.ChainAppender;
import cn.minzheng.audit.chain.ChainVerdict;
import cn.minzheng.audit.verify.Verification;
import cn.minzheng.platform.embedded.EmbeddedMongo;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * In-process measurement of the two store paths the bench found slow on the Mongo-wire server:
 * ingest (dedupe, head, ordered insert, head advance — {@link ChainAppender}, exactly as the Kafka
 * listener calls it) and verify ({@link Verification}, as the API calls it). Not a test: it prints
 * figures, it asserts only that the chain it built verifies.
 *
 * <p>Run (after {@code ./mvnw -B -o -pl audit-service test-compile}):
 * <pre>
 * cd audit-service
 * ../mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.minzheng.audit.TrailThroughput \
 *      [records=30000] [batch=500] [file|memory=file] [background=0]
 * </pre>
 * {@code file} keeps the data in an MVStore file (as the devstack's Mongo-wire server does), {@code
 * memory} in memory (as the tests do); {@code background} records of another chain are stored first
 * (a trail that already holds other chains, as on a devstack after a while).
 */
public final class TrailThroughput {

    private TrailThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        boolean inFile = args.length <= 2 || !args[2].equals("memory");
        int background = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Path dir = Files.createTempDirectory("trail-throughput");
        EmbeddedMongo.Builder builder = EmbeddedMongo.builder();
        if (inFile) {
            builder.dataFile(dir.resolve("data.mv"));
        }
        EmbeddedMongo mongo = builder.build().start();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            run(client.getDatabase("throughput"), records, batch, inFile, background);
        } finally {
            mongo.stop();
            cn.minzheng.platform.embedded.DirectoryTrees.delete(dir);
        }
    }

    static void run(MongoDatabase database, int records, int batch, boolean inFile, int background) {
        Duration wait = Duration.ofMinutes(10);
        ChainStore store = new ChainStore(database);
        store.createIndexes().block(wait);
        CheckpointStore checkpoints = new CheckpointStore(database);
        checkpoints.createIndexes().block(wait);
        ChainAppender appender = new ChainAppender(store, Clock.systemUTC(), new ChainHeadGauges(new SimpleMeterRegistry()),
                ChainFixture.MACS);
        String topic = "throughput.events";
        String chain = topic + "-0";

        System.out.printf(Locale.ROOT, "Mongo-wire server (%s), %d records, batches of %d, %s%n",
                inFile ? "MVStore file" : "in memory", records, batch, Runtime.version());
        if (background > 0) {
            // other chains' records already in the trail (inserted directly, not measured)
            long t0 = System.nanoTime();
            ChainHead other = ChainHead.empty("background.events-0");
            for (int offset = 0; offset < background; offset += 1000) {
                List<IncomingEvent> events = new ArrayList<>();
                for (int o = offset; o < Math.min(background, offset + 1000); o++) {
                    events.add(ChainFixture.event("background.events", 0, o));
                }
                ChainHead.Extension extension = other.extend(events, java.time.Instant.now(), ChainFixture.MACS);
                store.insert(extension.records()).block(wait);
                other = extension.head();
            }
            store.advanceHead(other).block(wait);
            System.out.printf(Locale.ROOT, "trail pre-filled with %,d records of another chain in %.1f s%n", background,
                    seconds(System.nanoTime() - t0));
        }
        int window = Math.max(batch, records / 10);
        long windowStart = System.nanoTime();
        long windowCpu = cpu();
        long ingestStart = windowStart;
        long ingestCpu = windowCpu;
        for (int offset = 0; offset < records; offset += batch) {
            List<IncomingEvent> events = new ArrayList<>(batch);
            for (int o = offset; o < Math.min(records, offset + batch); o++) {
                events.add(ChainFixture.event(topic, 0, o));
            }
            appender.append(chain, events);
            int done = Math.min(records, offset + batch);
            if (done % window == 0 || done == records) {
                long now = System.nanoTime();
                long nowCpu = cpu();
                int inWindow = done % window == 0 ? window : done % window;
                System.out.printf(Locale.ROOT, "  ingest: trail %,7d .. %,7d  %,7.0f events/s  %,7.1f CPU ms per 1,000%n",
                        done - inWindow, done, inWindow / seconds(now - windowStart),
                        (nowCpu - windowCpu) / 1e6 / inWindow * 1000);
                windowStart = now;
                windowCpu = nowCpu;
            }
        }
        System.out.printf(Locale.ROOT, "ingest overall: %,.0f events/s, %,.1f CPU ms per 1,000 events%n",
                records / seconds(System.nanoTime() - ingestStart), (cpu() - ingestCpu) / 1e6 / records * 1000);

        // a redelivered batch (all duplicates), as after a rebalance
        List<IncomingEvent> again = new ArrayList<>();
        for (int o = records - batch; o < records; o++) {
            again.add(ChainFixture.event(topic, 0, o));
        }
        long t = System.nanoTime();
        int fresh = appender.append(chain, again).stored();
        System.out.printf(Locale.ROOT, "redelivered batch of %d (%d new): %.1f ms%n", again.size(), fresh,
                (System.nanoTime() - t) / 1e6);

        Verification verification = new Verification(store, checkpoints,
                VerificationKeys.of(SigningKey.generate().publicKey(), List.of()), ChainFixture.MACS);
        for (int run = 1; run <= 3; run++) {
            t = System.nanoTime();
            long c = cpu();
            ChainVerdict verdict = verification.verify(chain, null, null).block(wait);
            double s = seconds(System.nanoTime() - t);
            if (verdict == null || !verdict.ok() || verdict.count() != records) {
                throw new IllegalStateException("the chain does not verify: " + verdict);
            }
            System.out.printf(Locale.ROOT, "verify run %d: %,d records in %.2f s = %,.0f records/s, %,.1f CPU ms per 1,000%n",
                    run, verdict.count(), s, verdict.count() / s, (cpu() - c) / 1e6 / verdict.count() * 1000);
        }
        t = System.nanoTime();
        ChainVerdict tail = verification.verify(chain, (long) records - 999, null).block(wait);
        System.out.printf(Locale.ROOT, "verify of the last 1,000 records: %.1f ms (%s)%n", (System.nanoTime() - t) / 1e6,
                tail == null ? "no chain" : tail.ok() ? "OK" : tail.failure());
    }

    /** CPU time of this process (client and server run in it), nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
