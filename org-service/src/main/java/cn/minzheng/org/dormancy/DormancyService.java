package cn.minzheng.org.dormancy;

import cn.minzheng.org.web.RegionScope;
import cn.minzheng.org.annualinspection.AnnualReport;
import cn.minzheng.org.annualinspection.InspectionStore;
import cn.minzheng.org.annualinspection.SweepDecision;
import cn.minzheng.org.annualinspection.YearOutcome;
import cn.minzheng.org.events.Actor;
import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.events.OrgEventTypes;
import cn.minzheng.org.registration.Organization;
import cn.minzheng.org.registration.RegistrationService;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.org.web.Page;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import cn.minzheng.platform.kit.security.AccessPolicy;
import cn.minzheng.platform.kit.security.Principal;
import cn.minzheng.platform.kit.security.Role;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Zombie detection (僵尸型社会组织): a re-runnable sweep over the registered organizations of an authority, in
 * batches of {@value #BATCH} like the 年检 sweep — per batch one {@code _id $in} read each for the years' 年检
 * outcomes and annual reports and for the tasks open already, the decisions in plain Java
 * ({@link DormancyRules}), one outbox document holding the batch's {@code opened} events (held), one bulk insert
 * of the new tasks, then the events released; progress saved after each batch. A task has a fixed id per
 * organization and year, so a re-run opens nothing twice. Inspectors close the tasks with their findings.
 */
public class DormancyService {
    private static final Logger log = LoggerFactory.getLogger(DormancyService.class);
    static final int BATCH = 500;
    private final DormancyStore store;
    private final RegistrationStore registrations;
    private final InspectionStore inspections;
    private final DormancyRules rules;
    private final DormancyPolicy policy;
    private final OrgEventFactory events;
    private final Clock clock;

    public DormancyService(DormancyStore store, RegistrationStore registrations, InspectionStore inspections, DormancyPolicy policy,
                           OrgEventFactory events, Clock clock) {
        this.store = store;
        this.registrations = registrations;
        this.inspections = inspections;
        this.rules = new DormancyRules(policy);
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Starts (or runs again) today's sweep of the authority in the background; its progress is on the run. */
    public Mono<DormancySweep> start(Principal p, String authorityCode) {
        AccessPolicy.requireAnyRole(p, Role.REGISTRAR, Role.INSPECTOR);
        if (!AccessPolicy.mayActInRegion(p, authorityCode)) {
            return Mono.error(new ForbiddenProblem());
        }
        DormancySweep run = DormancySweep.start(authorityCode, today());
        Actor actor = new Actor(p.subject(), p.roles().contains(Role.REGISTRAR) ? Role.REGISTRAR.name() : Role.INSPECTOR.name());
        return store.save(run).doOnNext(r -> run(r, actor).subscribe(
                done -> log.info("dormancy sweep {} done: {} examined, {} tasks opened", done.id(), done.examined(), done.tasksOpened()),
                e -> log.warn("dormancy sweep {} stopped, start it again to resume: {}", run.id(), e.toString())));
    }

    public Mono<DormancySweep> sweep(Principal p, String id) {
        return store.sweep(id).switchIfEmpty(Mono.error(() -> new NotFoundProblem("dormancy-sweep", id)))
                .doOnNext(s -> {
                    AccessPolicy.requireAnyRole(p, Role.REGISTRAR, Role.INSPECTOR, Role.AUDITOR);
                    RegionScope.requireVisible(p, s.authorityCode(), null, "dormancy-sweep", id);
                });
    }

    Mono<DormancySweep> run(DormancySweep start, Actor actor) {
        LocalDate on = start.on();
        return registrations.registered(start.authorityCode())
                .buffer(BATCH)
                .concatMap(batch -> batch(start, batch, actor, on))
                .scan(start, (r, b) -> r.plus(b[0], b[1], b[2], b[3]))
                .skip(1)
                .concatMap(store::save)
                .last(start)
                .flatMap(r -> store.save(r.done()));
    }

    /** One batch: {examined, opened, of which no activity, of which consecutive non-filing}. */
    private Mono<long[]> batch(DormancySweep run, List<Organization> batch, Actor actor, LocalDate on) {
        List<String> ids = batch.stream().map(Organization::id).toList();
        int lastYear = on.getYear();
        List<Mono<Map<Integer, Map<String, SweepDecision>>>> outcomeReads = new ArrayList<>();
        for (int y = rules.firstOutcomeYear(on); y < lastYear; y++) {
            int year = y;
            outcomeReads.add(inspections.outcomes(ids, year).map(m -> Map.of(year, m)));
        }
        List<Mono<Map<Integer, Map<String, AnnualReport>>>> reportReads = new ArrayList<>();
        for (int y = lastYear - 4; y <= lastYear; y++) {
            int year = y;
            reportReads.add(inspections.reports(ids, year).map(m -> Map.of(year, m)));
        }
        List<String> taskIds = ids.stream().map(id -> taskIdOf(id, lastYear)).toList();
        return Mono.zip(Flux.concat(outcomeReads).collectList(), Flux.concat(reportReads).collectList(), store.existing(taskIds))
                .flatMap(t -> {
                    Map<Integer, Map<String, SweepDecision>> outcomes = new HashMap<>();
                    t.getT1().forEach(outcomes::putAll);
                    Map<Integer, Map<String, AnnualReport>> reports = new HashMap<>();
                    t.getT2().forEach(reports::putAll);
                    List<Document> docs = new ArrayList<>();
                    List<EventEnvelope> held = new ArrayList<>();
                    long activity = 0;
                    long nonFiling = 0;
                    for (Organization o : batch) {
                        Map<Integer, YearOutcome> mine = new HashMap<>();
                        outcomes.forEach((year, byOrg) -> Optional.ofNullable(byOrg.get(o.id())).ifPresent(d -> mine.put(year, d.outcome())));
                        Set<Integer> filed = new HashSet<>();
                        reports.forEach((year, byOrg) -> {
                            if (byOrg.containsKey(o.id())) {
                                filed.add(year);
                            }
                        });
                        Optional<DormancyGround> ground = rules.decide(o.registeredOn(), filed, mine, on);
                        if (ground.isEmpty() || t.getT3().contains(taskIdOf(o.id(), lastYear))) {
                            continue;
                        }
                        String facts = ground.get() == DormancyGround.CONSECUTIVE_NON_FILING
                                ? "连续" + policy.consecutiveNonFilingYears() + "年未报送年度工作报告"
                                : o.registeredOn() + "成立，满" + policy.activityWindow().getYears() + "年未报送年度工作报告";
                        var opened = InspectionTask.open(taskIdOf(o.id(), lastYear), o.id(), o.authorityCode(), ground.get(), facts, on, policy);
                        docs.add(store.document(opened.next(), o.name().fullName()));
                        held.add(OrgEventFactory.withStableId(events.envelope(OrgEventTypes.of("inspection-task", "opened"), "inspection-task",
                                opened.next().id(), opened.next().id(), o.authorityCode(), 1, opened.event(), actor, null), lastYear));
                        if (ground.get() == DormancyGround.CONSECUTIVE_NON_FILING) {
                            nonFiling++;
                        } else {
                            activity++;
                        }
                    }
                    long[] counts = {batch.size(), docs.size(), activity, nonFiling};
                    if (docs.isEmpty()) {
                        return Mono.just(counts);
                    }
                    String batchId = run.id() + ":" + batch.get(0).id() + ":" + batch.size();
                    return store.documents().insertHeld(DormancyStore.SWEEP_EVENTS, batchId, Map.of("run", run.id()), held)
                            .then(store.insertAll(docs))
                            .then(store.documents().releaseHeld(DormancyStore.SWEEP_EVENTS, batchId))
                            .thenReturn(counts);
                });
    }

    static String taskIdOf(String organizationId, int year) {
        return "DT-" + organizationId + "-" + year;
    }

    public Mono<InspectionTask> task(Principal p, String id) {
        return store.task(id).switchIfEmpty(Mono.error(() -> new NotFoundProblem("inspection-task", id)))
                .doOnNext(t -> {
                    AccessPolicy.requireAnyRole(p, Role.REGISTRAR, Role.INSPECTOR, Role.AUDITOR);
                    RegionScope.requireVisible(p, t.authorityCode(), null, "inspection-task", id);
                });
    }

    /** The tasks of the caller's region (or of {@code authority} under it), open or all. */
    public Mono<Page<InspectionTask>> tasks(Principal p, String authority, TaskStatus status, String cursor, int size) {
        AccessPolicy.requireAnyRole(p, Role.REGISTRAR, Role.INSPECTOR, Role.AUDITOR);
        String prefix = authority != null ? authority : p.region();
        if (prefix == null || !AccessPolicy.mayActInRegion(p, prefix)) {
            return Mono.error(new ForbiddenProblem());
        }
        return store.tasks(prefix, status, cursor, size + 1).collectList()
                .map(l -> Page.slice(l, size, InspectionTask::id));
    }

    /** The inspector closes the task with the findings and whether the organization is dormant indeed. */
    public Mono<InspectionTask> close(Principal p, String id, long ifMatch, String findings, boolean dormant, String traceparent) {
        return task(p, id).flatMap(t -> {
            AccessPolicy.requireAnyRole(p, Role.INSPECTOR);
            return registrations.organization(t.organizationId()).doOnNext(s -> AccessPolicy.requireNotOwnCase(p, t.authorityCode(),
                    java.util.Arrays.asList(s.agentSubject()), RegistrationService.OWN_ORGANIZATION_CASE, t.id())).thenReturn(t);
        }).flatMap(t -> {
            if (t.version() != ifMatch) {
                return Mono.error(new StaleVersionProblem(ifMatch, t.version()));
            }
            var c = t.close(findings, dormant, today(), p.subject());
            EventEnvelope e = events.envelope(OrgEventTypes.of("inspection-task", "closed"), "inspection-task", t.id(), t.id(),
                    t.authorityCode(), c.next().version(), c.event(), new Actor(p.subject(), Role.INSPECTOR.name()), traceparent);
            return store.update(c.next(), t.version(), List.of(e))
                    .flatMap(ok -> ok ? Mono.just(c.next()) : Mono.error(new StaleVersionProblem(ifMatch, null)));
        });
    }
}
