package cn.minzheng.topology.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * The parts of the {@code apache/kafka} image a compose file can call, as folders the run mounts where
 * the image has them: {@code /opt/kafka/bin/*.sh} run the Kafka tool classes those scripts run (from
 * the Kafka jars of the run's class path), and {@code /etc/kafka/docker/run} — the image's command —
 * turns the {@code KAFKA_*} environment into {@code server.properties} by the image's rules, formats
 * the storage unless it is formatted, and starts the broker ({@link KafkaBroker}).
 */
public final class KafkaImage {

    /** Script of {@code /opt/kafka/bin} → the class it runs (Kafka 4.2's scripts). */
    static final Map<String, String> TOOLS = Map.of(
            "kafka-storage.sh", "kafka.tools.StorageTool",
            "kafka-topics.sh", "org.apache.kafka.tools.TopicCommand",
            "kafka-acls.sh", "org.apache.kafka.tools.AclCommand",
            "kafka-configs.sh", "kafka.admin.ConfigCommand",
            "kafka-broker-api-versions.sh", "org.apache.kafka.tools.BrokerApiVersionsCommand");

    public static final String BIN = "/opt/kafka/bin";
    public static final String DOCKER = "/etc/kafka/docker";
    /** Where the image's run script writes the broker's configuration. */
    public static final String CONFIG = "/opt/kafka/config";

    private final Path bin;
    private final Path docker;

    private KafkaImage(Path bin, Path docker) {
        this.bin = bin;
        this.docker = docker;
    }

    /** Writes the scripts under {@code folder}; {@code java} and {@code classpath} are this machine's. */
    public static KafkaImage create(Path folder, String java, String classpath) {
        Path bin = folder.resolve("bin");
        Path docker = folder.resolve("docker");
        TOOLS.forEach((script, mainClass) -> executable(bin.resolve(script), """
                #!/usr/bin/env bash
                # %s of the apache/kafka image: the same tool class, from the run's Kafka jars
                exec %s ${KAFKA_HEAP_OPTS_TOOLS:--Xmx256m} -XX:TieredStopAtLevel=1 -Dslf4j.internal.verbosity=ERROR -cp %s %s "$@"
                """.formatted(script, java, classpath, mainClass)));
        // the image's command; KAFKA_HEAP_OPTS as kafka-server-start.sh reads it
        executable(docker.resolve("run"), """
                #!/usr/bin/env bash
                # /etc/kafka/docker/run of the apache/kafka image: KAFKA_* → server.properties, format unless formatted, start
                exec %s ${KAFKA_HEAP_OPTS:--Xmx1g -Xms1g} ${TOPOLOGY_MAX_RAM:-} -Dslf4j.internal.verbosity=ERROR -cp %s %s %s/server.properties
                """.formatted(java, classpath, KafkaBroker.class.getName(), CONFIG));
        return new KafkaImage(bin, docker);
    }

    /** Source folders and where the image has them. */
    public List<Map.Entry<Path, String>> mounts() {
        return List.of(Map.entry(bin, BIN), Map.entry(docker, DOCKER));
    }

    private static void executable(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
