package cn.minzheng.gateway.transport;

import cn.minzheng.gateway.bodylimit.BodyLimitProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every client connection of the gateway closes with {@link LingeringClose}. */
@Configuration(proxyBeanMethods = false)
public class LingeringCloseConfiguration {

    @Bean
    NettyServerCustomizer lingeringClose(BodyLimitProperties properties) {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) ->
                channel.pipeline().addFirst(LingeringClose.NAME, new LingeringClose(properties.lingerOnClose())));
    }
}
