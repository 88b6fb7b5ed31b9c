package cn.minzheng.audit.reads;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Bounded audit reads (issue 14 item 8): range caps, per-kind concurrency, time limit. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadProperties.class)
public class ReadsConfiguration {

    @Bean
    ReadBounds readBounds(ReadProperties properties) {
        return properties.bounds();
    }

    @Bean
    ReadLimits readLimits(ReadProperties properties) {
        return properties.limits();
    }

    @Bean
    ReadLimitFilter readLimitFilter(ReadLimits limits) {
        return new ReadLimitFilter(limits);
    }
}
