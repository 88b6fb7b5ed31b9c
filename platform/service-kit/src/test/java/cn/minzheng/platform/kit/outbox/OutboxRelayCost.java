package cn.minzheng.platform.kit.outbox;

import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventTypes;
import cn.minzheng.platform.kit.testapp.TestInfra;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import cn.minzheng.platform.embedded.EmbeddedMongo;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Not a test: a measuring harness for the outbox relay's cost per drained document against the
 * embedded Mongo-wire server, at several collection sizes. Run by hand (see the kit README, section
 * Outbox → cost), never by the build:
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) cn.minzheng.platform.kit.outbox.OutboxRelayCost [--file] 1000 10000 50000
 * </pre>
 * For each size N: a fresh collection of N aggregate documents with nothing pending (their events
 * long published), then
 * <ul>
 *   <li>{@code drain}: 200 times, push one event into a random document (the service's write) and
 *   {@code publishPending} it with a publisher that answers at once, so the figure is the relay's
 *   Mongo cost (claim, pull, release) alone;</li>
 *   <li>{@code drain+kafka}: the same with the real embedded broker;</li>
 *   <li>{@code burst}: 2,000 documents written and drained with {@code publishInBackground}, 64 at a
 *   time (the shape of a sweep over many aggregates): documents/s;</li>
 *   <li>{@code full scan}: {@code sweepOnce()} when nothing is pending (median of 5);</li>
 *   <li>{@code idle tick}: what the background sweep costs every {@code sweep-interval} (2 s) when
 *   nothing is pending.</li>
 * </ul>
 */
public final class OutboxRelayCost {

    private static final int SAMPLES = 200;
    private static final int BURST = 2_000;

    private OutboxRelayCost() {
    }

    public static void main(String[] args) throws Exception {
        boolean file = Arrays.asList(args).contains("--file");
        int[] sizes = Arrays.stream(args).filter(a -> !a.startsWith("--")).mapToInt(Integer::parseInt).toArray();
        if (sizes.length == 0) {
            sizes = new int[] {1_000, 10_000, 50_000};
        }
        var infra = TestInfra.infra();
        Path dataFile = Files.createTempDirectory("outbox-cost").resolve("data.mv");
        // --file: the devstack's shape (H2 MVStore in a file); else the tests' in-memory store
        EmbeddedMongo store = file ? EmbeddedMongo.builder().dataFile(dataFile).build().start() : infra.mongo();
        try (var client = MongoClients.create(store.connectionString());
             var kafka = new KafkaEventPublisher(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()),
                     Duration.ofSeconds(10))) {
            var mongo = new ReactiveMongoTemplate(client, "kit_outbox_cost");
            EventPublisher instant = (topic, key, event) -> Mono.empty();
            System.out.printf("store: %s%n", file ? "H2 MVStore file " + dataFile : "H2 MVStore in memory");
            System.out.printf("machine: %d cores, %d MB max heap, JDK %s%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
            System.out.printf("%8s %22s %22s %14s %14s %14s%n", "docs", "drain ms p50/p99", "drain+kafka ms p50/p99",
                    "burst docs/s", "full scan ms", "idle tick ms");
            boolean warm = false;
            for (int i = -1; i < sizes.length; i++) {
                // the first round (1,000 documents) only warms the JIT and is not printed
                int size = i < 0 ? 1_000 : sizes[i];
                String collection = "orgs_" + size + "_" + UUID.randomUUID().toString().substring(0, 6);
                String topic = "kit.cost." + collection;
                infra.kafka().createTopics(topic, 2);
                fill(mongo, collection, size);
                var topics = Map.of(collection, topic);
                var properties = new OutboxProperties(topics, Duration.ofSeconds(2), Duration.ofSeconds(30),
                        Duration.ofMillis(500), Duration.ofSeconds(30), 100, Duration.ofSeconds(10), "cost", false);
                var quiet = new OutboxRelay(mongo, instant, topics, properties, "cost", new SimpleMeterRegistry(), Clock.systemUTC());
                var real = new OutboxRelay(mongo, kafka, topics, properties, "cost", new SimpleMeterRegistry(), Clock.systemUTC());
                quiet.sweepOnce().block(); // warm-up, and any one-off set-up the relay does per collection
                double[] drain = drains(mongo, quiet, collection, size);
                double[] withKafka = drains(mongo, real, collection, size);
                double burst = burst(mongo, real, collection, size);
                double[] scans = new double[5];
                for (int s = 0; s < scans.length; s++) {
                    long start = System.nanoTime();
                    quiet.sweepOnce().block();
                    scans[s] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(scans);
                double fullScan = scans[scans.length / 2];
                double tick = idleTick(quiet);
                if (warm) {
                    System.out.printf("%8d %22s %22s %14.0f %14.1f %14.1f%n", size, fmt(drain), fmt(withKafka), burst,
                            fullScan, tick);
                }
                warm = true;
                mongo.dropCollection(collection).block();
            }
        }
        if (file) {
            store.stop();
        }
        System.exit(0);
    }

    /**
     * What the background sweep costs every {@code sweep-interval} when nothing is pending: its tick
     * method ({@code sweepDue}, which scans only when a full sweep is due) or, in a kit that has none,
     * {@code sweepOnce} (a scan every tick). Median of 20.
     */
    private static double idleTick(OutboxRelay relay) throws Exception {
        Method tick;
        try {
            tick = OutboxRelay.class.getMethod("sweepDue");
        } catch (NoSuchMethodException before) {
            tick = OutboxRelay.class.getMethod("sweepOnce");
        }
        double[] millis = new double[20];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            ((Mono<?>) tick.invoke(relay)).block();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[millis.length / 2];
    }

    private static void fill(ReactiveMongoTemplate mongo, String collection, int size) {
        Flux.range(0, size).buffer(1_000)
                .concatMap(batch -> mongo.getCollection(collection).flatMap(c -> Mono.from(c.insertMany(batch.stream()
                        .map(i -> new Document("_id", id(i)).append("version", 3L).append("name", "社会组织 " + i)
                                .append("creditCode", "51110000MJ" + String.format("%08d", i))
                                .append("status", "REGISTERED").append("region", "110105")
                                .append("address", "北京市朝阳区某街道 " + i + " 号").append(PendingEvents.FIELD, List.of()))
                        .toList()))))
                .blockLast();
    }

    private static String id(int i) {
        return "ORG-" + i;
    }

    private static double[] drains(ReactiveMongoTemplate mongo, OutboxRelay relay, String collection, int size) {
        double[] millis = new double[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            String id = id((int) (Math.random() * size));
            push(mongo, collection, id).block();
            long start = System.nanoTime();
            relay.publishPending(collection, id).block();
            millis[s] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double burst(ReactiveMongoTemplate mongo, OutboxRelay relay, String collection, int size) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            ids.add(id((i * 7919) % size));
        }
        var done = new CountDownLatch(1);
        long start = System.nanoTime();
        Flux.fromIterable(ids)
                .flatMap(id -> push(mongo, collection, id).then(relay.publishPending(collection, id)), 64)
                .doOnTerminate(done::countDown)
                .subscribe();
        if (!done.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("burst did not finish");
        }
        return BURST / ((System.nanoTime() - start) / 1e9);
    }

    private static Mono<Void> push(ReactiveMongoTemplate mongo, String collection, String id) {
        var event = EventEnvelope.builder(EventTypes.APPLICATION_SUBMITTED)
                .subject(id).actor("clerk-1", "CLERK").regionCode("110105").aggregateVersion(4)
                .data(EventData.of(id, "organization").transition("REGISTERED", "REGISTERED"))
                .build();
        return mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.updateOne(new Document("_id", id),
                        Updates.combine(Updates.inc("version", 1L), PendingEvents.pushUpdate(List.of(event))))))
                .then();
    }

    private static String fmt(double[] sorted) {
        return String.format("%.2f / %.2f", sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)]);
    }
}
