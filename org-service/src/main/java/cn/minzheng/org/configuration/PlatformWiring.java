package cn.minzheng.org.configuration;

import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.outbox.AggregateDocuments;
import cn.minzheng.org.web.DomainProblemFilter;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import cn.minzheng.platform.kit.clock.BusinessClock;
import cn.minzheng.platform.kit.clock.BusinessClockProperties;
import cn.minzheng.platform.kit.outbox.OutboxRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Clock;
import java.time.ZoneId;

/** What every feature shares: the business clock, the working-day calendar, events, the aggregate store, problem translation. */
@Configuration(proxyBeanMethods = false)
public class PlatformWiring {

    /**
     * Dates of decisions and deadlines are China Standard Time dates. The kit's business clock in that
     * zone: {@code minzheng.clock.offset}, and the devstack's adjustable clock endpoint
     * ({@code minzheng.clock.adjustable}, docs/contracts.md "Business clock").
     */
    @Bean
    Clock clock(BusinessClockProperties clock) {
        return new BusinessClock(Clock.system(ZoneId.of("Asia/Shanghai")), clock.offset());
    }

    @Bean
    WorkingDayCalendar workingDayCalendar() {
        return WorkingDayCalendar.builtIn();
    }

    @Bean
    OrgEventFactory orgEventFactory(Clock clock) {
        return new OrgEventFactory(clock);
    }

    @Bean
    AggregateDocuments orgAggregateDocuments(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        return new AggregateDocuments(mongo, relay);
    }

    @Bean
    DomainProblemFilter domainProblemFilter() {
        return new DomainProblemFilter();
    }
}
