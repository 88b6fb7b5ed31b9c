package cn.minzheng.org.configuration;

import cn.minzheng.org.annualinspection.InspectionPolicy;
import cn.minzheng.org.annualinspection.InspectionService;
import cn.minzheng.org.annualinspection.InspectionStore;
import cn.minzheng.org.creditlist.ListingNoticeStore;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import cn.minzheng.org.creditlist.CreditListing;
import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.outbox.AggregateDocuments;
import cn.minzheng.org.registration.RegistrationStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.MonthDay;
import java.util.EnumMap;
import java.util.Map;

/** 年检: annual reports, grading, campaigns and their sweep. */
@Configuration(proxyBeanMethods = false)
public class AnnualInspectionConfiguration {

    @Bean
    InspectionPolicy inspectionPolicy(OrgProperties props) {
        Map<OrganizationType, MonthDay> deadlines = new EnumMap<>(OrganizationType.class);
        props.inspection().deadlines().forEach((type, d) -> deadlines.put(type, MonthDay.of(d.month(), d.day())));
        return new InspectionPolicy(MonthDay.of(props.inspection().deadlineMonth(), props.inspection().deadlineDay()),
                props.inspection().exemptionMonths(), deadlines);
    }

    @Bean
    InspectionStore inspectionStore(AggregateDocuments documents) {
        return new InspectionStore(documents);
    }

    @Bean
    InspectionService inspectionService(InspectionStore store, RegistrationStore registrations, ListingNoticeStore notices,
                                        CreditListing listing, InspectionPolicy policy, OrgProperties props, WorkingDayCalendar calendar,
                                        OrgEventFactory events, Clock clock) {
        return new InspectionService(store, registrations, notices, listing, policy, props.creditLists(), calendar, events, clock);
    }
}
