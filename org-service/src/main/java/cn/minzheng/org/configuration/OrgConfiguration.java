package cn.minzheng.org.configuration;

import cn.minzheng.org.annualinspection.InspectionPolicy;
import cn.minzheng.org.annualinspection.InspectionService;
import cn.minzheng.org.annualinspection.InspectionStore;
import cn.minzheng.org.creditlist.CreditListStore;
import cn.minzheng.org.creditlist.CreditListService;
import cn.minzheng.org.creditlist.CreditListSweepSchedule;
import cn.minzheng.org.creditlist.CreditListing;
import cn.minzheng.org.enforcement.DiscretionBenchmarks;
import cn.minzheng.org.enforcement.EnforcementService;
import cn.minzheng.org.enforcement.EnforcementStore;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import cn.minzheng.org.creditcode.CreditCodeIssuance;
import cn.minzheng.org.creditcode.SerialCounter;
import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.fixtures.FixtureOrganizations;
import cn.minzheng.org.fixtures.FixtureService;
import cn.minzheng.org.naming.NameRegistryStore;
import cn.minzheng.org.naming.NameRules;
import cn.minzheng.org.naming.NameUniqueness;
import cn.minzheng.org.outbox.AggregateDocuments;
import cn.minzheng.platform.kit.mongo.IndexSpec;
import cn.minzheng.platform.kit.outbox.OutboxRelay;
import cn.minzheng.org.registration.RegistrationRules;
import cn.minzheng.org.registration.RegistrationService;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.spotcheck.InspectorRoster;
import cn.minzheng.org.spotcheck.SpotCheckService;
import cn.minzheng.org.spotcheck.SpotCheckStore;
import cn.minzheng.org.web.DomainProblemFilter;
import cn.minzheng.platform.kit.security.ServiceAuthorizationRules;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;

import java.time.Clock;
import java.time.Duration;
import java.time.MonthDay;
import java.time.ZoneId;

/** Wires the plain-Java domain to its configuration, stores and web adapters. */
@Configuration(proxyBeanMethods = false)
public class OrgConfiguration {

    /**
     * Dates of decisions and deadlines are China Standard Time dates. The kit's business clock in that
     * zone: {@code minzheng.clock.offset}, and the devstack's adjustable clock endpoint
     * ({@code minzheng.clock.adjustable}, docs/contracts.md "Business clock").
     */
    @Bean
    Clock clock(cn.minzheng.platform.kit.clock.BusinessClockProperties clock) {
        return new cn.minzheng.platform.kit.clock.BusinessClock(Clock.system(ZoneId.of("Asia/Shanghai")), clock.offset());
    }

    @Bean
    InspectionPolicy inspectionPolicy(OrgProperties props) {
        return new InspectionPolicy(MonthDay.of(props.inspection().deadlineMonth(), props.inspection().deadlineDay()),
                props.inspection().exemptionMonths());
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
                new RegistrationRules(props.registration()), props.registration(), props.limits(), calendar,
                new CreditCodeIssuance(props.creditCodePrefix()), events, clock);
    }

    @Bean
    InspectionStore inspectionStore(AggregateDocuments documents) {
        return new InspectionStore(documents);
    }

    @Bean
    CreditListStore creditListStore(AggregateDocuments documents) {
        return new CreditListStore(documents);
    }

    @Bean
    InspectionService inspectionService(InspectionStore store, RegistrationStore registrations, CreditListStore creditLists,
                                        CreditListing listing, InspectionPolicy policy, OrgEventFactory events, Clock clock) {
        return new InspectionService(store, registrations, creditLists, listing, policy, events, clock);
    }

    @Bean
    SpotCheckStore spotCheckStore(AggregateDocuments documents) {
        return new SpotCheckStore(documents);
    }

    @Bean
    SpotCheckService spotCheckService(SpotCheckStore store, RegistrationStore registrations, OrgProperties props,
                                      OrgEventFactory events, Clock clock) {
        return new SpotCheckService(store, registrations, props.spotCheck(), new InspectorRoster(props.spotCheckInspectors()), events, clock);
    }

    /** One draw per authority, year and type: each type's draw slot is unique among plans (sparse: older plans have none). */
    @Bean
    IndexSpec spotCheckSocialGroupSlot() {
        return IndexSpec.uniqueSparse(SpotCheckStore.PLANS, SpotCheckStore.slotField(OrganizationType.SOCIAL_GROUP));
    }

    @Bean
    IndexSpec spotCheckPrivateNonEnterpriseSlot() {
        return IndexSpec.uniqueSparse(SpotCheckStore.PLANS, SpotCheckStore.slotField(OrganizationType.PRIVATE_NON_ENTERPRISE));
    }

    @Bean
    IndexSpec spotCheckFoundationSlot() {
        return IndexSpec.uniqueSparse(SpotCheckStore.PLANS, SpotCheckStore.slotField(OrganizationType.FOUNDATION));
    }

    @Bean
    WorkingDayCalendar workingDayCalendar() {
        return WorkingDayCalendar.builtIn();
    }

    @Bean
    CreditListing creditListing(CreditListStore entries, RegistrationStore registrations, OrgProperties props, OrgEventFactory events) {
        return new CreditListing(entries, registrations, props.creditLists(), events);
    }

    /** The daily credit-list sweep; {@code minzheng.org.credit-lists.sweep-enabled=false} turns it off (tests). */
    @Bean
    @ConditionalOnProperty(name = "minzheng.org.credit-lists.sweep-enabled", havingValue = "true", matchIfMissing = true)
    CreditListSweepSchedule creditListSweepSchedule(CreditListService service) {
        return new CreditListSweepSchedule(service, Duration.ofHours(6));
    }

    @Bean
    CreditListService creditListService(CreditListStore store, RegistrationStore registrations, CreditListing listing,
                                        OrgProperties props, Clock clock) {
        return new CreditListService(store, registrations, listing, props.creditLists(), clock);
    }

    @Bean
    EnforcementStore enforcementStore(AggregateDocuments documents) {
        return new EnforcementStore(documents);
    }

    @Bean
    EnforcementService enforcementService(EnforcementStore store, RegistrationStore registrations, RegistrationService registration,
                                          CreditListing listing, OrgProperties props, WorkingDayCalendar calendar,
                                          OrgEventFactory events, Clock clock) {
        return new EnforcementService(store, registrations, registration, listing,
                new DiscretionBenchmarks(props.discretionBenchmarks()), props.enforcement(), calendar, events, clock);
    }

    /** DEVSTACK ONLY: bulk organizations for benchmarks ({@code minzheng.org.fixtures.enabled=true}; off by default). */
    @Bean
    @ConditionalOnProperty(name = "minzheng.org.fixtures.enabled", havingValue = "true")
    FixtureService fixtureService(ReactiveMongoTemplate mongo, AggregateDocuments documents, SerialCounter serials, OrgProperties props,
                                  Clock clock) {
        return new FixtureService(mongo, documents, serials, new FixtureOrganizations(new NameRules(props.naming()),
                new CreditCodeIssuance(props.creditCodePrefix())), clock, 1000);
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

    @Bean
    DomainProblemFilter domainProblemFilter() {
        return new DomainProblemFilter();
    }

    /** Role gates per path; region and ownership are checked per case by AccessPolicy in the services. */
    @Bean
    ServiceAuthorizationRules orgAuthorizationRules() {
        return rules -> rules
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/applications", "/api/v1/orgs/organizations/*/change-applications",
                        "/api/v1/orgs/organizations/*/deregistration-applications",
                        "/api/v1/orgs/applications/*/resubmission").hasAnyRole("ORG_AGENT", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/applications/*/supplement-request", "/api/v1/orgs/applications/*/acceptance",
                        "/api/v1/orgs/applications/*/approval", "/api/v1/orgs/applications/*/refusal",
                        "/api/v1/orgs/organizations/*/revocation", "/api/v1/orgs/inspection-campaigns",
                        "/api/v1/orgs/inspection-campaigns/*/sweep", "/api/v1/orgs/annual-reports/*/grading").hasAnyRole("REGISTRAR", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/organizations/*/annual-reports").hasAnyRole("ORG_AGENT", "ADMIN")
                .pathMatchers(HttpMethod.GET, "/api/v1/orgs/deadlines/**").hasAnyRole("REGISTRAR", "AUDITOR", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/spot-checks/*/redraw").hasAnyRole("REGISTRAR", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/spot-checks", "/api/v1/orgs/spot-checks/*/publication")
                .hasAnyRole("INSPECTOR", "REGISTRAR", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/spot-checks/*/results").hasAnyRole("INSPECTOR", "ADMIN")
                .pathMatchers("/api/v1/orgs/spot-checks/**").hasAnyRole("INSPECTOR", "REGISTRAR", "AUDITOR", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/enforcement-cases").hasAnyRole("INSPECTOR", "REGISTRAR", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/credit-lists/sweep", "/api/v1/orgs/credit-list-entries/*/removal")
                .hasAnyRole("REGISTRAR", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/credit-list-entries/*/removal-application").hasAnyRole("ORG_AGENT", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/enforcement-cases/*/legal-review").hasAnyRole("LEGAL_REVIEWER", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/enforcement-cases/*/hearing-schedule").hasAnyRole("REGISTRAR", "ADMIN")
                .pathMatchers("/api/v1/orgs/admin/fixtures/**").hasRole("ADMIN");
    }
}
