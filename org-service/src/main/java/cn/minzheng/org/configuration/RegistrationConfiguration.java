package cn.minzheng.org.configuration;

import cn.minzheng.org.creditcode.CreditCodeIssuance;
import cn.minzheng.org.creditcode.SerialCounter;
import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.naming.NameRegistryStore;
import cn.minzheng.org.naming.NameRules;
import cn.minzheng.org.naming.NameUniqueness;
import cn.minzheng.org.outbox.AggregateDocuments;
import cn.minzheng.org.registration.RegistrationRules;
import cn.minzheng.org.registration.RegistrationService;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import cn.minzheng.platform.kit.mongo.IndexSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Clock;

/** 成立、变更、注销 and 撤销: names, credit codes, the registration store and service. */
@Configuration(proxyBeanMethods = false)
public class RegistrationConfiguration {

    @Bean
    NameRegistryStore nameRegistryStore(ReactiveMongoTemplate mongo, OrgProperties props) {
        return new NameRegistryStore(mongo, props.naming());
    }

    @Bean
    SerialCounter serialCounter(ReactiveMongoTemplate mongo) {
        return new SerialCounter(mongo);
    }

    @Bean
    RegistrationStore registrationStore(AggregateDocuments documents) {
        return new RegistrationStore(documents);
    }

    @Bean
    RegistrationService registrationService(RegistrationStore store, NameRegistryStore names, SerialCounter serials,
                                            OrgProperties props, WorkingDayCalendar calendar, OrgEventFactory events, Clock clock) {
        return new RegistrationService(store, names, serials, new NameRules(props.naming()), new NameUniqueness(props.naming()),
                new RegistrationRules(props.registration()), props.registration(), props.limits(), props.filingLimits(), calendar,
                new CreditCodeIssuance(props.creditCodePrefix()), events, clock, props.nameSimilarity(), props.naming().formsByType());
    }

    /**
     * Conditional updates filter on exactly {@code _id} + {@code version}; the Mongo-wire server answers a
     * filter from an index only when its fields are exactly a unique index's, so this index turns every
     * optimistic update of an organization from a full collection scan into an index hit (on MongoDB it is
     * redundant with {@code _id} and costs one small index).
     */
    @Bean
    IndexSpec organizationVersions() {
        return IndexSpec.unique(RegistrationStore.ORGANIZATIONS, "_id", "version");
    }

    /** One organization per credit code, even if two approvals race. */
    @Bean
    IndexSpec uniqueCreditCode() {
        return IndexSpec.unique(RegistrationStore.ORGANIZATIONS, "creditCode");
    }
}
