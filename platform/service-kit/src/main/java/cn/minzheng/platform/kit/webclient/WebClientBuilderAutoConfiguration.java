package cn.minzheng.platform.kit.webclient;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A {@code WebClient.Builder} for services, because Boot 4 only provides one with the separate
 * {@code spring-boot-webclient} module, which the services do not have. Prototype scope like Boot's:
 * every injection point gets its own builder to change. Uses the application's codecs (Jackson 3,
 * {@code spring.http.codecs.max-in-memory-size}), records {@code http.client.requests} through the
 * observation registry when there is one, and sends the current trace as {@code traceparent}.
 * Backs off when Boot's own builder (or the service's) exists.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
        "org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass(WebClient.class)
public class WebClientBuilderAutoConfiguration {

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @ConditionalOnMissingBean
    WebClient.Builder webClientBuilder(ObjectProvider<CodecCustomizer> codecs,
                                       ObjectProvider<ObservationRegistry> observations) {
        WebClient.Builder builder = WebClient.builder()
                .codecs(configurer -> codecs.orderedStream().forEach(c -> c.customize(configurer)))
                .filter(new TraceparentPropagation());
        observations.ifAvailable(builder::observationRegistry);
        return builder;
    }
}
