package cn.minzheng.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service's application.yml (every document of it), flattened to dotted keys, and the question
 * compose asks of it: does an environment variable bind to something here?
 *
 * <p>Spring Boot's relaxed binding maps a property to two environment names: the canonical one
 * ({@code minzheng.audit.checkpoint.key-file} → {@code MINZHENG_AUDIT_CHECKPOINT_KEYFILE}: upper case,
 * {@code _} for {@code .}, dashes removed) and the legacy one (dashes as {@code _}:
 * {@code MINZHENG_AUDIT_CHECKPOINT_KEY_FILE}). A variable also reaches the yml when a value names it
 * as a placeholder ({@code ${REGISTRY_PASSWORD:…}}). A map key is different: the env variable's key
 * arrives lower-cased, so {@code EUREKA_CLIENT_SERVICEURL_DEFAULTZONE} never replaces a literal
 * {@code defaultZone} (issue 13: assistance-service never registered) — {@link DeploymentChecks} checks that
 * case on its own.
 */
record SpringConfig(Map<String, Object> properties, Set<String> placeholders) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)");

    /** Properties of Spring Boot and Spring Cloud that compose may set without the yml naming them. */
    static final Set<String> FRAMEWORK_PROPERTIES = Set.of(
            "SERVER_PORT",
            "SPRING_KAFKA_BOOTSTRAP_SERVERS",
            "SPRING_MONGODB_URI",
            "MANAGEMENT_SERVER_PORT",
            "MANAGEMENT_TRACING_SAMPLING_PROBABILITY",
            // Boot 4's name (Boot 3's MANAGEMENT_OTLP_TRACING_ENDPOINT is ignored by Boot 4)
            "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
            "EUREKA_INSTANCE_PREFER_IP_ADDRESS",
            // Kafka clients authenticate (issue 14): the protocol, and the secret files imported as properties
            "SPRING_KAFKA_SECURITY_PROTOCOL",
            "SPRING_CONFIG_IMPORT");

    /**
     * Variables compose sets for properties that have no default on purpose — the service refuses to
     * start without them, so its application.yml cannot name them with a value: each names the property
     * it binds to and the class that declares it.
     */
    static final Map<String, String> REQUIRED_WITHOUT_DEFAULT = Map.of(
            // issue 14 item 3: audit-service's record MAC key (audit chain.RecordKeyProperties)
            "MINZHENG_AUDIT_RECORDKEY_FILE", "minzheng.audit.record-key.file");

    /**
     * Map properties of Spring Boot that compose may fill key by key: {@code spring.kafka.properties.*}
     * reaches every producer, consumer and admin client Boot's KafkaProperties builds (the service kit's
     * included: it builds from {@code KafkaProperties.buildProducerProperties()} and friends).
     */
    static final Set<String> FRAMEWORK_MAP_PREFIXES = Set.of("SPRING_KAFKA_PROPERTIES_");

    static SpringConfig read(Path applicationYml) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Object document : Deployment.yaml().loadAll(Deployment.text(applicationYml))) {
            flatten("", document, properties);
        }
        Set<String> placeholders = new LinkedHashSet<>();
        for (Object value : properties.values()) {
            Matcher m = PLACEHOLDER.matcher(String.valueOf(value));
            while (m.find()) {
                placeholders.add(m.group(1));
            }
        }
        return new SpringConfig(properties, placeholders);
    }

    /** Whether Spring would hand this environment variable to the service (property, placeholder or framework). */
    boolean binds(String variable) {
        if (FRAMEWORK_PROPERTIES.contains(variable) || placeholders.contains(variable)
                || FRAMEWORK_MAP_PREFIXES.stream().anyMatch(variable::startsWith) || REQUIRED_WITHOUT_DEFAULT.containsKey(variable)) {
            return true;
        }
        for (String key : properties.keySet()) {
            String path = key.replaceAll("\\[[^]]*]", "");
            if (variable.equals(envName(path, "")) || variable.equals(envName(path, "_"))) {
                return true;
            }
        }
        return false;
    }

    Optional<String> value(String key) {
        Object value = properties.get(key);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    private static String envName(String key, String dash) {
        return key.replace("-", dash).replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static void flatten(String prefix, Object node, Map<String, Object> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
            into.putIfAbsent(prefix, list);
        } else if (!prefix.isEmpty()) {
            into.putIfAbsent(prefix, node == null ? "" : node);
        }
    }
}
