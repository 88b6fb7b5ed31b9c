package cn.minzheng.topology.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * The Apache Kafka broker (KRaft) as the {@code apache/kafka} image's command runs it: the
 * {@code KAFKA_*} environment written to {@code server.properties} by the image's rules
 * ({@link KafkaSettings}), the log directories formatted with {@code CLUSTER_ID} unless they are
 * (the image tolerates "already formatted": a volume formatted before, e.g. with SCRAM credentials, is
 * kept), then the server ({@code kafka-server-start.sh}). {@code KafkaBroker <server.properties to write>}.
 */
public final class KafkaBroker {

    private KafkaBroker() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KafkaBroker <server.properties to write>");
            System.exit(2);
        }
        String clusterId = System.getenv("CLUSTER_ID");
        if (clusterId == null || clusterId.isBlank()) {
            System.err.println("CLUSTER_ID environment variable not set");
            System.exit(1);
        }
        Path file = Path.of(args[0]);
        StringBuilder text = new StringBuilder("# from the KAFKA_* environment (apache/kafka image rules)\n");
        KafkaSettings.brokerProperties(System.getenv()).forEach((k, v) -> text.append(k).append('=').append(escaped(v)).append('\n'));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        KafkaConfig config = new KafkaConfig(properties, true);
        format(config, clusterId);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kafka-shutdown"));
        server.startup();
        System.out.println("Kafka broker (KRaft) started, node " + config.nodeId() + ", logs in " + config.logDirs());
        new CountDownLatch(1).await();
    }

    /** A value as a properties file keeps it (the image writes values as they are; backslashes are rare). */
    private static String escaped(String value) {
        return value.replace("\\", "\\\\");
    }

    private static void format(KafkaConfig config, String clusterId) throws Exception {
        List<String> directories = config.logDirs();
        if (directories.stream().allMatch(d -> Files.exists(Path.of(d, "meta.properties")))) {
            System.out.println("log directories already formatted: " + directories);
            return;
        }
        for (String dir : directories) {
            try {
                Files.createDirectories(Path.of(dir));
            } catch (IOException e) {
                throw new IllegalStateException("cannot create the log directory " + dir, e);
            }
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setNodeId(config.nodeId())
                .setClusterId(clusterId)
                .setDirectories(directories)
                .setControllerListenerName(config.controllerListenerNames().get(0))
                .setMetadataLogDirectory(config.metadataLogDir())
                .setIgnoreFormatted(true)
                .run();
        System.out.println("formatted " + directories + " with cluster id " + clusterId);
    }
}
