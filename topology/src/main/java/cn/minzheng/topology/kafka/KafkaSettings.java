package cn.minzheng.topology.kafka;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The broker's {@code server.properties} from a service's {@code KAFKA_*} environment, by the rules
 * of the {@code apache/kafka} image: drop the prefix, lower case, {@code ___} → {@code -},
 * {@code __} → {@code _}, {@code _} → {@code .}; the variables its start script reads for the JVM
 * are not broker settings.
 */
public final class KafkaSettings {

    private static final Set<String> SCRIPT_VARIABLES = Set.of("KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_LOG4J_OPTS",
            "KAFKA_JMX_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_ROOT_LOGLEVEL",
            "KAFKA_LOG4J_LOGGERS", "KAFKA_TOOLS_LOG4J_LOGLEVEL", "KAFKA_JMX_HOSTNAME", "KAFKA_JMX_PORT", "KAFKA_VERSION");

    private KafkaSettings() {
    }

    public static Map<String, String> brokerProperties(Map<String, String> environment) {
        Map<String, String> properties = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !SCRIPT_VARIABLES.contains(name)) {
                properties.put(propertyName(name.substring("KAFKA_".length())), value);
            }
        });
        return properties;
    }

    static String propertyName(String variable) {
        return variable.toLowerCase(java.util.Locale.ROOT)
                .replace("___", "\u0000").replace("__", "\u0001").replace('_', '.')
                .replace('\u0000', '-').replace('\u0001', '_');
    }
}
