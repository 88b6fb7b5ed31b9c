package cn.minzheng.platform.kit.bodies;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.transport.UnreadBodyDrainWebFilter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

/** Strict bodies, the unread-body drain and lingering close are on by default; the first two can be switched off. */
class RequestBodiesAutoConfigurationTest {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RequestBodiesAutoConfiguration.class));

    @Test
    void onByDefault() {
        runner.run(context -> assertThat(context).hasBean("strictJsonRequestBodies")
                .hasSingleBean(UnreadBodyDrainWebFilter.class).hasBean("lingeringClose"));
    }

    @Test
    void strictBodiesSwitchedOffByProperty() {
        runner.withPropertyValues("minzheng.web.strict-bodies=false")
                .run(context -> assertThat(context).doesNotHaveBean("strictJsonRequestBodies")
                        .hasSingleBean(UnreadBodyDrainWebFilter.class));
    }

    @Test
    void drainSwitchedOffByProperty() {
        runner.withPropertyValues("minzheng.web.drain-unread-bodies=false")
                .run(context -> assertThat(context).hasBean("strictJsonRequestBodies")
                        .doesNotHaveBean(UnreadBodyDrainWebFilter.class));
    }
}
