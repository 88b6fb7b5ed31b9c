package cn.minzheng.platform.kit.observability;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service gets, at the lowest precedence (a service's application.yml or the
 * environment overrides them): actuator health/info/prometheus exposed over HTTP, and the trace id
 * in the console log pattern, Kafka consumer defaults (see
 * {@code KafkaConsumerAutoConfiguration}).
 */
public class KitDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE = "minzhengServiceKitDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.ofEntries(
                Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus"),
                Map.entry("management.endpoint.health.probes.enabled", "true"),
                Map.entry("logging.pattern.correlation", "[%X{traceId:-}] "),
                Map.entry("spring.reactor.context-propagation", "auto"),
                // Kafka consumers: commit after processing, never die on a malformed record
                Map.entry("spring.kafka.listener.ack-mode", "record"),
                Map.entry("spring.kafka.consumer.enable-auto-commit", "false"),
                Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
                Map.entry("spring.kafka.consumer.key-deserializer",
                        "org.apache.kafka.common.serialization.StringDeserializer"),
                Map.entry("spring.kafka.consumer.value-deserializer",
                        "org.springframework.kafka.support.serializer.ErrorHandlingDeserializer"),
                Map.entry("spring.kafka.consumer.properties.spring.deserializer.value.delegate.class",
                        "cn.minzheng.platform.events.EventEnvelopeDeserializer"))));
    }
}
