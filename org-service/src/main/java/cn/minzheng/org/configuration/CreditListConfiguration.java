package cn.minzheng.org.configuration;

import cn.minzheng.org.creditlist.CreditListService;
import cn.minzheng.org.creditlist.CreditListStore;
import cn.minzheng.org.creditlist.CreditListSweepSchedule;
import cn.minzheng.org.creditlist.CreditListing;
import cn.minzheng.org.creditlist.ListingNoticeService;
import cn.minzheng.org.creditlist.ListingNoticeStore;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.outbox.AggregateDocuments;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.kit.mongo.IndexSpec;
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
    ListingNoticeStore listingNoticeStore(AggregateDocuments documents) {
        return new ListingNoticeStore(documents);
    }

    @Bean
    CreditListing creditListing(CreditListStore entries, ListingNoticeStore notices, RegistrationStore registrations, OrgProperties props,
                                OrgEventFactory events) {
        return new CreditListing(entries, notices, registrations, props.creditLists(), events);
    }

    @Bean
    CreditListService creditListService(CreditListStore store, ListingNoticeStore notices, RegistrationStore registrations,
                                        CreditListing listing, OrgProperties props, AggregateDocuments documents, WorkingDayCalendar calendar,
                                        Clock clock) {
        return new CreditListService(store, notices, registrations, listing, props.creditLists(), documents, calendar, clock);
    }

    @Bean
    ListingNoticeService listingNoticeService(ListingNoticeStore notices, RegistrationStore registrations, CreditListing listing,
                                              Clock clock) {
        return new ListingNoticeService(notices, registrations, listing, clock);
    }

    /** Conditional updates of notices and entries on exactly {@code {_id, version}}: index hits on the Mongo-wire server too (sweep batches). */
    @Bean
    IndexSpec listingNoticeVersions() {
        return IndexSpec.unique(ListingNoticeStore.NOTICES, "_id", "version");
    }

    @Bean
    IndexSpec creditListEntryVersions() {
        return IndexSpec.unique(CreditListStore.ENTRIES, "_id", "version");
    }

    /** The daily credit-list sweep; {@code minzheng.org.credit-lists.sweep-enabled=false} turns it off (tests). */
    @Bean
    @ConditionalOnProperty(name = "minzheng.org.credit-lists.sweep-enabled", havingValue = "true", matchIfMissing = true)
    CreditListSweepSchedule creditListSweepSchedule(CreditListService service) {
        return new CreditListSweepSchedule(service, Duration.ofHours(6));
    }
}
