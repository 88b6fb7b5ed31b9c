package cn.minzheng.platform.kit.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Span export is off unless an OTLP endpoint is configured, under Boot 4's name or compose's (Boot 3's)
 * {@code MANAGEMENT_OTLP_TRACING_ENDPOINT}; sampling comes from {@code management.tracing.sampling.probability}.
 */
class TracingExportTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withInitializer(context -> new KitDefaultsEnvironmentPostProcessor()
                    .postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
            .withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
                    OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class,
                    TracingAutoConfiguration.class));

    @Test
    void noEndpointNoExporter() {
        service.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(SpanExporter.class).hasSingleBean(TraceSpans.class);
            assertThat(context.getBean(Sampler.class).getDescription()).contains("TraceIdRatioBased{1.000000}");
        });
    }

    @Test
    void bootFoursEndpointPropertyExportsOverOtlpHttp() {
        service.withPropertyValues("management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:4318/v1/traces")
                .run(context -> assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class));
    }

    @Test
    void composesBootThreeNameIsCarriedOver() {
        service.withPropertyValues("management.otlp.tracing.endpoint=http://jaeger:4318/v1/traces")
                .run(context -> {
                    assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class);
                    assertThat(context.getEnvironment().getProperty(KitDefaultsEnvironmentPostProcessor.OTLP_ENDPOINT_PROPERTY))
                            .isEqualTo("http://jaeger:4318/v1/traces");
                });
    }

    @Test
    void bootFoursNameWinsOverTheOldOne() {
        service.withPropertyValues("management.otlp.tracing.endpoint=http://old:4318/v1/traces",
                        "management.opentelemetry.tracing.export.otlp.endpoint=http://new:4318/v1/traces")
                .run(context -> assertThat(context.getEnvironment()
                        .getProperty(KitDefaultsEnvironmentPostProcessor.OTLP_ENDPOINT_PROPERTY))
                        .isEqualTo("http://new:4318/v1/traces"));
    }

    @Test
    void samplingComesFromTheProperty() {
        service.withPropertyValues("management.tracing.sampling.probability=0.25")
                .run(context -> assertThat(context.getBean(Sampler.class).getDescription())
                        .contains("TraceIdRatioBased{0.250000}"));
    }
}
