package cn.minzheng.assistance.notice;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notice feature's wiring: the issuing authorities from configuration. */
@Configuration(proxyBeanMethods = false)
public class NoticeConfiguration {

    @Bean
    IssuingAuthorities issuingAuthorities(NoticeProperties properties) {
        return properties.issuingAuthorities();
    }
}
