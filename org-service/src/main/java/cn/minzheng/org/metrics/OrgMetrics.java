package cn.minzheng.org.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import cn.minzheng.org.annualinspection.CampaignStatus;
import cn.minzheng.org.annualinspection.InspectionPolicy;
import cn.minzheng.org.annualinspection.InspectionStore;
import cn.minzheng.org.enforcement.CaseStatus;
import cn.minzheng.org.enforcement.EnforcementStore;
import cn.minzheng.org.registration.ApplicationStatus;
import cn.minzheng.org.registration.OrganizationStatus;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.registration.RegistrationStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Business gauges of org-service for the dashboards (deploy/grafana) and Prometheus, refreshed from
 * the store every {@code minzheng.org.metrics-refresh-ms} (30 s):
 * <ul>
 *   <li>{@code org.organizations{type,status}} — organizations by type and status;</li>
 *   <li>{@code org.annual_inspection.required{authority,year}} and
 *       {@code org.annual_inspection.filed{authority,year}} — filing progress of each campaign not
 *       yet swept (required = registered organizations of the authority not exempt for the year);</li>
 *   <li>{@code org.cases.overdue{kind}} — accepted registration applications past their promised due
 *       date ({@code registration}) and enforcement cases without a decision past their 90-day limit
 *       ({@code enforcement}), on the business clock.</li>
 * </ul>
 * Each refresh reads projections only (a few fields per document); on the Mongo-wire store these are
 * scans, which is why they run on a timer and not per scrape.
 */
@Component
public class OrgMetrics {

    private static final Logger log = LoggerFactory.getLogger(OrgMetrics.class);

    private final ReactiveMongoTemplate mongo;
    private final MeterRegistry registry;
    private final Clock clock;
    private final InspectionPolicy policy;
    private final Map<Tags, AtomicLong> gauges = new ConcurrentHashMap<>();

    public OrgMetrics(ReactiveMongoTemplate mongo, MeterRegistry registry, Clock clock, InspectionPolicy policy) {
        this.mongo = mongo;
        this.registry = registry;
        this.clock = clock;
        this.policy = policy;
        for (OrganizationType type : OrganizationType.values()) {
            for (OrganizationStatus status : OrganizationStatus.values()) {
                gauge("org.organizations", Tags.of("type", type.name(), "status", status.name()),
                        "organizations by type and status");
            }
        }
        gauge("org.cases.overdue", Tags.of("kind", "registration"), "accepted applications past their promised due date");
        gauge("org.cases.overdue", Tags.of("kind", "enforcement"), "enforcement cases without a decision past their limit");
    }

    private AtomicLong gauge(String name, Tags tags, String description) {
        return gauges.computeIfAbsent(Tags.of("__name", name).and(tags), key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).tags(tags).description(description).register(registry);
            return value;
        });
    }

    @Scheduled(fixedDelayString = "${minzheng.org.metrics-refresh-ms:30000}", initialDelay = 2000)
    public void refresh() {
        refreshNow().onErrorResume(e -> {
            log.warn("org metrics not refreshed ({}); the gauges keep their last values", e.toString());
            return Mono.empty();
        }).subscribe();
    }

    /** One refresh of every gauge; completes when all are set. */
    public Mono<Void> refreshNow() {
        LocalDate today = LocalDate.now(clock);
        return Mono.when(organizations(), campaigns(), overdue(today));
    }

    private Mono<Void> organizations() {
        Query q = new Query();
        q.fields().include("type").include("status");
        Map<Tags, Long> counts = new HashMap<>();
        return mongo.find(q, Document.class, RegistrationStore.ORGANIZATIONS)
                .doOnNext(d -> counts.merge(Tags.of("type", String.valueOf(d.getString("type")),
                        "status", String.valueOf(d.getString("status"))), 1L, Long::sum))
                .then(Mono.fromRunnable(() -> {
                    for (OrganizationType type : OrganizationType.values()) {
                        for (OrganizationStatus status : OrganizationStatus.values()) {
                            Tags tags = Tags.of("type", type.name(), "status", status.name());
                            gauge("org.organizations", tags, "organizations by type and status")
                                    .set(counts.getOrDefault(tags, 0L));
                        }
                    }
                }));
    }

    private Mono<Void> campaigns() {
        Query open = new Query(Criteria.where("status").ne(CampaignStatus.SWEPT.name()));
        return mongo.find(open, Document.class, InspectionStore.CAMPAIGNS).concatMap(campaign -> {
            String authority = campaign.getString("authorityCode");
            int year = campaign.getInteger("year");
            Tags tags = Tags.of("authority", authority, "year", Integer.toString(year));
            Query registered = new Query(Criteria.where("authorityCode").is(authority)
                    .and("status").is(OrganizationStatus.REGISTERED.name()));
            registered.fields().include("registeredOn");
            Mono<Long> required = mongo.find(registered, Document.class, RegistrationStore.ORGANIZATIONS)
                    .filter(d -> d.get("registeredOn") == null || !policy.exempt(
                            mongo.getConverter().getConversionService().convert(d.get("registeredOn"), LocalDate.class), year))
                    .count();
            Mono<Long> filed = mongo.count(new Query(Criteria.where("authorityCode").is(authority).and("year").is(year)),
                    InspectionStore.REPORTS);
            return Mono.zip(required, filed).doOnNext(t -> {
                gauge("org.annual_inspection.required", tags, "organizations that must file for the year").set(t.getT1());
                gauge("org.annual_inspection.filed", tags, "annual reports filed for the year").set(t.getT2());
            });
        }).then();
    }

    private Mono<Void> overdue(LocalDate today) {
        Mono<Long> registrations = mongo.count(new Query(Criteria.where("status").is(ApplicationStatus.ACCEPTED.name())
                .and("dueDates.promised").lt(today)), RegistrationStore.APPLICATIONS);
        Mono<Long> enforcement = mongo.count(new Query(Criteria.where("decision").is(null)
                .and("status").ne(CaseStatus.CLOSED.name()).and("dueOn").lt(today)), EnforcementStore.CASES);
        return Mono.zip(registrations, enforcement).doOnNext(t -> {
            gauge("org.cases.overdue", Tags.of("kind", "registration"), "").set(t.getT1());
            gauge("org.cases.overdue", Tags.of("kind", "enforcement"), "").set(t.getT2());
        }).then();
    }
}
