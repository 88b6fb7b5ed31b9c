package cn.minzheng.gateway.transport;

import cn.minzheng.gateway.bodylimit.BodyLimitFilter;
import cn.minzheng.gateway.bodylimit.BodyLimitProperties;
import cn.minzheng.platform.transport.LingeringClose;
import cn.minzheng.platform.transport.UnreadBodyDrainWebFilter;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The gateway's client connections, with platform-web-transport's guards: a body the gateway
 * answered without reading (401, 403, 404, 413, 429, 503 before any service was reached) is dropped
 * before the answer goes out, and every connection the gateway closes closes lingering.
 */
@Configuration(proxyBeanMethods = false)
public class TransportConfiguration {

    /** First of all filters, so every early answer, {@link BodyLimitFilter}'s included, is covered. */
    public static final int UNREAD_BODY_DRAIN_ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Bean
    UnreadBodyDrainWebFilter unreadBodyDrainFilter(BodyLimitProperties properties) {
        return new UnreadBodyDrainWebFilter(properties.unreadBodyLimit().toBytes(), properties.unreadBodyTimeout(),
                UNREAD_BODY_DRAIN_ORDER);
    }

    @Bean
    NettyServerCustomizer lingeringClose(BodyLimitProperties properties) {
        return LingeringClose.onEveryConnection(properties.lingerOnClose());
    }
}
