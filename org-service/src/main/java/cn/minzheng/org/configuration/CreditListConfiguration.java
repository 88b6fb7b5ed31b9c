package cn.minzheng.org.configuration;

import cn.minzheng.org.creditlist.CreditListService;
import cn.minzheng.org.creditlist.CreditListStore;
import cn.minzheng.org.creditlist.CreditListSweepSchedule;
import cn.minzheng.org.creditlist.CreditListing;
import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.outbox.AggregateDocuments;
import cn.minzheng.org.registration.RegistrationStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** 活动异常名录 and 严重违法失信名单: listing, removal, the daily sweep. */
@Configuration(proxyBeanMethods = false)
public class CreditListConfiguration {

    @Bean
    CreditListStore creditListStore(AggregateDocuments documents) {
        return new CreditListStore(documents);
    }

    @Bean
    CreditListing creditListing(CreditListStore entries, RegistrationStore registrations, OrgProperties props, OrgEventFactory events) {
        return new CreditListing(entries, registrations, props.creditLists(), events);
    }

    @Bean
    CreditListService creditListService(CreditListStore store, RegistrationStore registrations, CreditListing listing,
                                        OrgProperties props, Clock clock) {
        return new CreditListService(store, registrations, listing, props.creditLists(), clock);
    }

    /** The daily credit-list sweep; {@code minzheng.org.credit-lists.sweep-enabled=false} turns it off (tests). */
    @Bean
    @ConditionalOnProperty(name = "minzheng.org.credit-lists.sweep-enabled", havingValue = "true", matchIfMissing = true)
    CreditListSweepSchedule creditListSweepSchedule(CreditListService service) {
        return new CreditListSweepSchedule(service, Duration.ofHours(6));
    }
}
