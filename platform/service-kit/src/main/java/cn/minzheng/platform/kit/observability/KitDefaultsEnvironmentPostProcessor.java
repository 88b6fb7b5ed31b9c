package cn.minzheng.platform.kit.observability;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service gets, at the lowest precedence (a service's application.yml or the
 * environment overrides them): actuator health/info/prometheus exposed over HTTP, the trace id
 * in the console log pattern, JSON console logs (Elastic Common Schema, with {@code service.name},
 * {@code traceId} and {@code spanId}) unless {@code minzheng.logging.json=false}, a latency
 * histogram for {@code http.server.requests}, the {@code application} tag on every meter (when
 * {@code minzheng.metrics.application-tag=true}), every trace sampled, the OTLP span endpoint under
 * Boot 3's name ({@code management.otlp.tracing.endpoint}) carried over to Boot 4's, and
 * Kafka consumer defaults (see {@code KafkaConsumerAutoConfiguration}).
 */
public class KitDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE = "minzhengServiceKitDefaults";
    /** {@code false} keeps Spring Boot's plain-text console lines (e.g. on a developer's machine). */
    public static final String JSON_LOGS_PROPERTY = "minzheng.logging.json";
    /**
     * {@code true} adds the common tag {@code application=<spring.application.name>} to every meter.
     * Off by default for now: it adds a label to every series, and services' tests match exact
     * label sets (Prometheus's {@code job} label already names the service when scraped).
     */
    public static final String APPLICATION_TAG_PROPERTY = "minzheng.metrics.application-tag";

    /** Boot 4's OTLP span export endpoint (env {@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT}). */
    public static final String OTLP_ENDPOINT_PROPERTY = "management.opentelemetry.tracing.export.otlp.endpoint";
    /** Boot 3's name for it, still used by compose (env {@code MANAGEMENT_OTLP_TRACING_ENDPOINT}). */
    public static final String LEGACY_OTLP_ENDPOINT_PROPERTY = "management.otlp.tracing.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var defaults = new HashMap<String, Object>(Map.ofEntries(
                Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus"),
                Map.entry("management.endpoint.health.probes.enabled", "true"),
                Map.entry("logging.pattern.correlation", "[%X{traceId:-},%X{spanId:-}] "),
                Map.entry("spring.reactor.context-propagation", "auto"),
                // every trace sampled (low volume; the gateway samples all too): override per stack with
                // MANAGEMENT_TRACING_SAMPLING_PROBABILITY. Export only with an OTLP endpoint (none by default).
                Map.entry("management.tracing.sampling.probability", "1.0"),
                // no exemplars in the Prometheus scrape: compose's Prometheus keeps none (no exemplar-storage),
                // and Prometheus before 2.43 (Debian 12 ships 2.42) drops the whole scrape when a histogram's
                // _count carries one — seen in the production-topology run
                Map.entry("management.tracing.exemplars.include", "none"),
                // Spring Security's own observations would add five internal spans to every request
                Map.entry("management.observations.enable.spring.security", "false"),
                // latency histogram per endpoint (uri tag) with fixed buckets, so Prometheus can compute
                // quantiles (histogram_quantile) while the scrape stays small (10 buckets, not ~70)
                Map.entry("management.metrics.distribution.slo.http.server.requests",
                        "10ms,25ms,50ms,100ms,250ms,500ms,1s,2500ms,5s,10s"),
                // Kafka consumers: commit after processing, never die on a malformed record
                Map.entry("spring.kafka.listener.ack-mode", "record"),
                Map.entry("spring.kafka.consumer.enable-auto-commit", "false"),
                Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
                Map.entry("spring.kafka.consumer.key-deserializer",
                        "org.apache.kafka.common.serialization.StringDeserializer"),
                Map.entry("spring.kafka.consumer.value-deserializer",
                        "org.springframework.kafka.support.serializer.ErrorHandlingDeserializer"),
                Map.entry("spring.kafka.consumer.properties.spring.deserializer.value.delegate.class",
                        "cn.minzheng.platform.events.EventEnvelopeDeserializer")));
        if (environment.getProperty(APPLICATION_TAG_PROPERTY, Boolean.class, false)) {
            defaults.put("management.metrics.tags.application", "${spring.application.name:unknown}");
        }
        // Boot 3's name (compose's MANAGEMENT_OTLP_TRACING_ENDPOINT) is ignored by Boot 4: carry it over
        String legacyEndpoint = environment.getProperty(LEGACY_OTLP_ENDPOINT_PROPERTY);
        if (legacyEndpoint != null && !legacyEndpoint.isBlank() && environment.getProperty(OTLP_ENDPOINT_PROPERTY) == null) {
            defaults.put(OTLP_ENDPOINT_PROPERTY, legacyEndpoint);
        }
        if (environment.getProperty(JSON_LOGS_PROPERTY, Boolean.class, true)) {
            defaults.put("logging.structured.format.console", "ecs");
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
