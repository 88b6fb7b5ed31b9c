package cn.minzheng.platform.kit.observability;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The kit's spans on Boot's tracer (Micrometer Tracing over OpenTelemetry): the outbox publisher and
 * the Kafka record interceptor use {@link TraceSpans} when it exists. The server span of a request and
 * the client span of a {@code WebClient} call are Boot's own {@code http.server.requests} /
 * {@code http.client.requests} observations; {@link RequestIdWebFilter} adopts the server span.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryPropagationConfigurations",
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration"})
@ConditionalOnClass({Tracer.class, Propagator.class})
public class TracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({Tracer.class, Propagator.class})
    TraceSpans minzhengTraceSpans(Tracer tracer, Propagator propagator) {
        return new TraceSpans(tracer, propagator);
    }
}
