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
 * The Apache Kafka broker (KRaft) as the {@code apache/kafka} image runs it: format the log
 * directories with the cluster id once ({@code kafka-storage.sh format}, skipped when formatted),
 * then run the server ({@code kafka-server-start.sh}) with the given {@code server.properties}.
 * {@code KafkaBroker <server.properties> <CLUSTER_ID>}.
 */
public final class KafkaBroker {

    private KafkaBroker() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: KafkaBroker <server.properties> <CLUSTER_ID>");
            System.exit(2);
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            properties.load(in);
        }
        KafkaConfig config = new KafkaConfig(properties, true);
        format(config, args[1]);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kafka-shutdown"));
        server.startup();
        System.out.println("Kafka broker (KRaft) started, node " + config.nodeId() + ", logs in " + config.logDirs());
        new CountDownLatch(1).await();
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
