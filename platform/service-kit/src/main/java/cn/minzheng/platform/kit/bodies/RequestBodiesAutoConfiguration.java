package cn.minzheng.platform.kit.bodies;

import cn.minzheng.platform.kit.problem.web.ProblemAutoConfiguration;
import cn.minzheng.platform.kit.problem.web.ProblemWriter;
import cn.minzheng.platform.transport.LingeringClose;
import cn.minzheng.platform.transport.UnreadBodyDrainWebFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies for every service: JSON read strictly ({@link StrictJsonBodies}, on unless
 * {@code minzheng.web.strict-bodies=false}), unread bodies dropped before an early answer
 * ({@link UnreadBodyDrainWebFilter}, right after the request id filter and before security, so every
 * early answer is covered) and connections closed lingering ({@link LingeringClose}), both from
 * platform-web-transport, as in the gateway. Only the server's decoder is strict: responses the service
 * reads with its {@code WebClient} are read as leniently as before (another service may add fields).
 * Query parameters with a control character are refused ({@link ControlCharacterQueryFilter}).
 */
@AutoConfiguration(after = ProblemAutoConfiguration.class)
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

    /** Right after the request id filter, before security: every early answer is covered. */
    public static final int UNREAD_BODY_DRAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    @ConditionalOnBooleanProperty(name = "minzheng.web.drain-unread-bodies", matchIfMissing = true)
    UnreadBodyDrainWebFilter unreadBodyDrainWebFilter(RequestBodyProperties properties) {
        return new UnreadBodyDrainWebFilter(properties.unreadBodyLimit().toBytes(), properties.unreadBodyTimeout(),
                UNREAD_BODY_DRAIN_ORDER);
    }

    /** Query parameters are request input too: none may hold a control character. */
    @Bean
    @ConditionalOnBean(ProblemWriter.class)
    ControlCharacterQueryFilter controlCharacterQueryFilter(ProblemWriter problems) {
        return new ControlCharacterQueryFilter(problems);
    }

    @Bean
    NettyServerCustomizer lingeringClose(RequestBodyProperties properties) {
        return LingeringClose.onEveryConnection(properties.lingerOnClose());
    }
}
