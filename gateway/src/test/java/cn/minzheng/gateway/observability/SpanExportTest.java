package cn.minzheng.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The gateway exports its spans over OTLP/HTTP when compose names Jaeger's receiver under Boot 4's
 * property (env {@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT}), and not otherwise;
 * sampling follows {@code management.tracing.sampling.probability}.
 */
class SpanExportTest {

    private final ApplicationContextRunner gateway = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
                    OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class));

    @Test
    void noEndpointNoExporter() {
        gateway.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SpanExporter.class));
    }

    @Test
    void composesEndpointExportsOverOtlpHttp() {
        gateway.withPropertyValues("management.opentelemetry.tracing.export.otlp.endpoint=http://jaeger:4318/v1/traces")
                .run(context -> assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class));
    }

    @Test
    void samplingComesFromTheProperty() {
        gateway.withPropertyValues("management.tracing.sampling.probability=0.25")
                .run(context -> assertThat(context.getBean(Sampler.class).getDescription())
                        .contains("TraceIdRatioBased{0.250000}"));
    }
}
