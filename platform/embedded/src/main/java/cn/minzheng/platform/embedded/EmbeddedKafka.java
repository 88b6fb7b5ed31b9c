package cn.minzheng.platform.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker (the {@code kafka_2.13} server artifact) in KRaft combined mode —
 * one process is both broker and controller — running inside this JVM on 127.0.0.1.
 *
 * <p>The storage directory is formatted with Kafka's own {@link Formatter} (what
 * {@code kafka-storage.sh format} does) on first start and reused afterwards, so data survives
 * {@link #stop()} / {@link #restart()} and, for a given folder, a process restart.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().build().start()) {
 *     kafka.createTopics("assistance.events", 3);
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final boolean temporaryDataDir;
    private final Map<String, String> overrides;
    private KafkaRaftServer server;

    private EmbeddedKafka(Builder builder) {
        this.port = builder.port > 0 ? builder.port : FreePorts.find();
        this.controllerPort = builder.controllerPort > 0 ? builder.controllerPort : FreePorts.findOtherThan(this.port);
        this.temporaryDataDir = builder.dataDir == null;
        this.dataDir = temporaryDataDir ? createTempDir() : builder.dataDir.toAbsolutePath();
        this.overrides = Map.copyOf(builder.overrides);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the broker and returns once it is unfenced and answers an admin request. */
    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        LogLevels.quietBrokerLogs();
        for (int wanted : new int[] {port, controllerPort}) {
            if (FreePorts.inUse(wanted)) {
                throw new IllegalStateException("Kafka broker cannot start: port 127.0.0.1:" + wanted + " is already in use");
            }
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data directory " + dataDir, e);
        }
        Properties props = brokerProperties();
        KafkaConfig config = new KafkaConfig(props, false);
        format(config);
        KafkaRaftServer started = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            started.startup();
        } catch (RuntimeException e) {
            shutdownQuietly(started);
            throw new IllegalStateException("Kafka broker failed to start on " + bootstrapServers()
                    + " (data " + dataDir + "): " + e.getMessage(), e);
        }
        server = started;
        awaitAnswering(Duration.ofSeconds(60));
        log.info("Kafka broker (KRaft) listening on {} with data in {}", bootstrapServers(), dataDir);
        return this;
    }

    /** Stops the broker; the data directory and the ports are kept for {@link #restart()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer running = server;
        server = null;
        shutdownQuietly(running);
        log.info("Kafka broker on {} stopped", bootstrapServers());
    }

    /** Stops (if running) and starts again on the same ports with the same data. */
    public synchronized EmbeddedKafka restart() {
        stop();
        return start();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * Creates a topic with the given number of partitions (replication 1) unless it exists, and
     * waits until the broker knows it. Topics used without this call are auto-created with one
     * partition.
     */
    public void createTopics(String name, int partitions) {
        createTopics(Map.of(name, partitions));
    }

    /** Creates several topics: name → partitions. Existing topics are left as they are. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        try (Admin admin = admin()) {
            List<NewTopic> topics = new ArrayList<>();
            partitionsByTopic.forEach((name, partitions) -> topics.add(new NewTopic(name, partitions, (short) 1)));
            admin.createTopics(topics).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name, e.getCause());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("cannot create topic " + name, e);
                }
            });
            awaitKnown(admin, partitionsByTopic.keySet(), Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
    }

    /** The controller accepts a topic before the broker's metadata cache has it: ask until it does. */
    private void awaitKnown(Admin admin, Set<String> topics, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics " + topics + " not visible on " + bootstrapServers(), e);
                }
                Thread.sleep(50);
            }
        }
    }

    /** Names of the topics the broker currently has (internal ones excluded). */
    public Set<String> topicNames() {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot list topics on " + bootstrapServers(), e);
        }
    }

    /** Stops the broker and, if the data directory was a temporary one, deletes it. */
    @Override
    public void close() {
        stop();
        if (temporaryDataDir) {
            DirectoryTrees.deleteQuietly(dataDir);
        }
    }

    private Admin admin() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(config);
    }

    private void awaitAnswering(Duration timeout) {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " does not answer", e);
        }
    }

    Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // internal topics: one replica, one partition each, so they appear fast on 2 cores
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // small files and few threads: this broker serves tests and one developer
        p.put("log.segment.bytes", String.valueOf(1024 * 1024));
        p.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.replica.fetchers", "1");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        p.put("controller.quorum.election.timeout.ms", "1000");
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", "6000");
        p.putAll(overrides);
        return p;
    }

    private void format(KafkaConfig config) {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return; // formatted before: keep the cluster id and the data
        }
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(dataDir.toString()))
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(config.metadataLogDir())
                .setIgnoreFormatted(false);
        try {
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static void shutdownQuietly(KafkaRaftServer running) {
        // shutdown() waits for the controlled shutdown; a hung broker must not hang the test JVM forever
        CountDownLatch done = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            try {
                running.shutdown();
                running.awaitShutdown();
            } catch (RuntimeException e) {
                log.warn("Kafka broker shutdown failed: {}", e.toString());
            } finally {
                done.countDown();
            }
        }, "embedded-kafka-shutdown");
        stopper.start();
        try {
            if (!done.await(60, TimeUnit.SECONDS)) {
                log.warn("Kafka broker did not shut down within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("embedded-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a broker as its own process until the JVM is stopped.
     * {@code --port 9092 --controller-port 9093 --data DIR}.
     */
    public static void main(String[] args) throws InterruptedException {
        MainArguments arguments = MainArguments.parse(args);
        EmbeddedKafka kafka = builder()
                .port(arguments.intValue("port", 9092))
                .controllerPort(arguments.intValue("controller-port", 9093))
                .dataDir(arguments.path("data", Path.of(".devstack", "kafka")))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "embedded-kafka-stop"));
        MainArguments.startOrExit("EmbeddedKafka", kafka::start);
        System.out.println("Kafka broker (KRaft) ready on " + kafka.bootstrapServers() + ", data in " + kafka.dataDir());
        new CountDownLatch(1).await();
    }

    /** Ports and data directory of an {@link EmbeddedKafka}; unset ports are free ones. */
    public static final class Builder {
        private int port;
        private int controllerPort;
        private Path dataDir;
        private final Map<String, String> overrides = new HashMap<>();

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** A folder that keeps the data; without it a temporary folder is used and deleted on {@link #close()}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Any broker property, e.g. {@code log.retention.ms}. */
        public Builder brokerProperty(String name, String value) {
            overrides.put(name, value);
            return this;
        }

        public EmbeddedKafka build() {
            return new EmbeddedKafka(this);
        }
    }
}
