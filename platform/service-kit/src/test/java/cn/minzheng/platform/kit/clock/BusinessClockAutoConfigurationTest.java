package cn.minzheng.platform.kit.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.web.reactive.function.server.RouterFunction;

/** Which clock a service gets, and when the endpoint exists. */
class BusinessClockAutoConfigurationTest {

    private final ReactiveWebApplicationContextRunner web = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BusinessClockAutoConfiguration.class));

    @Test
    void aServiceWithoutAClockGetsTheBusinessClockAtTheConfiguredOffset() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BusinessClockAutoConfiguration.class))
                .withPropertyValues("minzheng.clock.offset=P8D")
                .run(context -> {
                    assertThat(context).hasSingleBean(Clock.class).hasSingleBean(BusinessClock.class);
                    var clock = context.getBean(BusinessClock.class);
                    assertThat(clock.offset()).isEqualTo(Duration.ofDays(8));
                    assertThat(Duration.between(Instant.now(), clock.instant())).isGreaterThan(Duration.ofDays(7));
                    assertThat(context).doesNotHaveBean(RouterFunction.class);
                });
    }

    @Test
    void theServicesOwnClockWins() {
        Clock own = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
        web.withBean(Clock.class, () -> own)
                .withPropertyValues("minzheng.clock.adjustable=true", "minzheng.clock.path=/api/v1/x/admin/clock")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(BusinessClock.class);
                    assertThat(context.getBean(Clock.class)).isSameAs(own);
                });
    }

    @Test
    void adjustableWithoutAPathFailsAtStartSayingWhatToSet() {
        web.withPropertyValues("minzheng.clock.adjustable=true").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("minzheng.clock.path"));
    }

    @Test
    void anOffsetBeyondAHundredYearsFailsAtStart() {
        web.withPropertyValues("minzheng.clock.offset=P36501D").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("minzheng.clock.offset"));
    }

    @Test
    void notAdjustableByDefault() {
        web.withPropertyValues("minzheng.clock.path=/api/v1/x/admin/clock")
                .run(context -> assertThat(context).hasSingleBean(BusinessClock.class)
                        .doesNotHaveBean(RouterFunction.class));
    }
}
