package cn.minzheng.platform.kit.problem.web;

import cn.minzheng.platform.kit.problem.ProblemMessages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Problem details for every error path of a reactive web application. */
@AutoConfiguration(before = ErrorWebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(ProblemProperties.class)
public class ProblemAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemMessages problemMessages(ProblemProperties properties) {
        return new ProblemMessages(properties.bundles());
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemWriter problemWriter(ProblemMessages messages, ObjectProvider<JsonMapper> json, ProblemProperties properties,
                                ObjectProvider<ProblemObserver> observers) {
        return new ProblemWriter(messages, json.getIfAvailable(() -> JsonMapper.builder().build()), properties.typeBase(),
                observers.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemExceptionHandler problemExceptionHandler(ProblemWriter writer) {
        return new ProblemExceptionHandler(writer);
    }
}
