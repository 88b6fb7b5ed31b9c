package cn.minzheng.org.configuration;

import cn.minzheng.org.creditlist.CreditListing;
import cn.minzheng.org.enforcement.BanCaseService;
import cn.minzheng.org.enforcement.BanCaseStore;
import cn.minzheng.org.enforcement.DiscretionBenchmarks;
import cn.minzheng.org.enforcement.EnforcementService;
import cn.minzheng.org.enforcement.EnforcementStore;
import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.outbox.AggregateDocuments;
import cn.minzheng.org.registration.RegistrationService;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** 行政处罚: cases, the 裁量基准, decisions and their outcomes. */
@Configuration(proxyBeanMethods = false)
public class EnforcementConfiguration {

    @Bean
    EnforcementStore enforcementStore(AggregateDocuments documents) {
        return new EnforcementStore(documents);
    }

    @Bean
    BanCaseStore banCaseStore(AggregateDocuments documents) {
        return new BanCaseStore(documents);
    }

    @Bean
    BanCaseService banCaseService(BanCaseStore store, RegistrationStore registrations, OrgProperties props, WorkingDayCalendar calendar,
                                  OrgEventFactory events, Clock clock) {
        return new BanCaseService(store, registrations, props.ban(), calendar, events, clock);
    }

    @Bean
    EnforcementService enforcementService(EnforcementStore store, RegistrationStore registrations, RegistrationService registration,
                                          CreditListing listing, OrgProperties props, WorkingDayCalendar calendar,
                                          OrgEventFactory events, Clock clock) {
        return new EnforcementService(store, registrations, registration, listing,
                new DiscretionBenchmarks(props.discretionBenchmarks()), props.enforcement(), calendar, events, clock,
                props.dormancy().activityWindow());
    }
}
