package cn.minzheng.platform.kit.bodies;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies for every service: JSON read strictly ({@link StrictJsonBodies}, on unless
 * {@code minzheng.web.strict-bodies=false}) and unread bodies dropped before an early answer
 * ({@link UnreadBodyDrainWebFilter}). Only the server's decoder is strict: responses the service
 * reads with its {@code WebClient} are read as leniently as before (another service may add fields).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(RequestBodyProperties.class)
public class RequestBodiesAutoConfiguration {

    /** After Boot's own WebFlux configurer (order 0) has put its codecs in, so this decoder is the one used. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    @ConditionalOnBooleanProperty(name = "minzheng.web.strict-bodies", matchIfMissing = true)
    WebFluxConfigurer strictJsonRequestBodies(ObjectProvider<JsonMapper> bootMapper) {
        JsonMapper strict = StrictJsonBodies.strict(bootMapper.getIfAvailable(() -> JsonMapper.builder().build()).rebuild());
        return new WebFluxConfigurer() {
            @Override
            public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
                configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(strict));
            }
        };
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "minzheng.web.drain-unread-bodies", matchIfMissing = true)
    UnreadBodyDrainWebFilter unreadBodyDrainWebFilter(RequestBodyProperties properties) {
        return new UnreadBodyDrainWebFilter(properties.unreadBodyLimit().toBytes(), properties.unreadBodyTimeout());
    }
}
