package cn.minzheng.org.configuration;

import cn.minzheng.org.creditcode.CreditCodeIssuance;
import cn.minzheng.org.creditcode.SerialCounter;
import cn.minzheng.org.fixtures.FixtureOrganizations;
import cn.minzheng.org.fixtures.FixtureService;
import cn.minzheng.org.naming.NameRules;
import cn.minzheng.org.outbox.AggregateDocuments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Clock;

/** DEVSTACK ONLY: bulk organizations for benchmarks ({@code minzheng.org.fixtures.enabled=true}; off by default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "minzheng.org.fixtures.enabled", havingValue = "true")
public class FixtureConfiguration {

    @Bean
    FixtureService fixtureService(ReactiveMongoTemplate mongo, AggregateDocuments documents, SerialCounter serials, OrgProperties props,
                                  Clock clock) {
        return new FixtureService(mongo, documents, serials, new FixtureOrganizations(new NameRules(props.naming()),
                new CreditCodeIssuance(props.creditCodePrefix())), clock, 1000);
    }
}
