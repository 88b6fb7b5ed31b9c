package cn.minzheng.assistance.recalculation;

import cn.minzheng.assistance.AssistanceProperties;
import cn.minzheng.assistance.application.Actor;
import cn.minzheng.assistance.application.ApplicationStore;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.Role;
import cn.minzheng.assistance.recalculation.RecalculationRun.Status;
import cn.minzheng.assistance.recalculation.RecalculationRun.Tally;
import cn.minzheng.assistance.recalculation.StandardRecalculation.AlreadyChanged;
import cn.minzheng.assistance.recalculation.StandardRecalculation.Changed;
import cn.minzheng.assistance.recalculation.StandardRecalculation.Skip;
import cn.minzheng.assistance.recalculation.StandardRecalculation.Skipped;
import cn.minzheng.assistance.recalculation.StandardRecalculation.Verdict;
import cn.minzheng.assistance.standards.AssistanceStandard;
import cn.minzheng.assistance.standards.StandardAddedListener;
import cn.minzheng.assistance.standards.StandardCatalogue;
import cn.minzheng.assistance.standards.StandardStore;
import cn.minzheng.platform.kit.outbox.OutboxRelay;
import cn.minzheng.platform.kit.problem.ConflictProblem;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import cn.minzheng.platform.kit.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 调标 runs: started when a standard is added (or by ADMIN/APPROVER for a standard), worked in batches
 * of {@code batch-size} cases in case-number order, progress saved after each batch, resumed after a stop.
 *
 * <p>Per batch: read the next cases in scope after the cursor; for each, {@link StandardRecalculation}
 * decides; a changed case is written with ONE conditional update on {@code {_id, version}} that sets the
 * new amount and the run's {@code StandardAdjustment} and pushes its {@code amount-changed} event (the
 * {@code Transitioned} the case answered) into the outbox of the case's document ({@code pendingEvents}) — the event is never publishable before its change, and never
 * without it. After the batch's writes its changed cases are drained by the outbox relay (one drain per
 * case, keyed by the case number as every case event), then the progress is saved. A stop anywhere
 * repeats at most the batch after the cursor: the cases it changed carry the run's adjustment and are
 * counted, not changed again (their event keeps its id, derived from run and case); events a stop left in
 * an outbox are published by the relay's sweep.
 */
@Component
public class RecalculationWorkflow implements StandardAddedListener {
    static final Actor SYSTEM = new Actor("system", "assistance-service 调标", Role.SYSTEM, null);
    static final String CASES = "applications";
    private static final Logger log = LoggerFactory.getLogger(RecalculationWorkflow.class);

    /** Called after a batch's case writes, before its progress is saved (tests stop a run there). */
    @FunctionalInterface
    public interface BatchHook {
        BatchHook NONE = (run, batch) -> Mono.empty();

        Mono<Void> afterCaseWrites(RecalculationRun run, long batch);
    }

    private final RecalculationStore runs;
    private final ApplicationStore cases;
    private final StandardStore standards;
    private final OutboxRelay relay;
    private final AssistanceProperties properties;
    private final RecalculationProperties settings;
    private final Clock clock;
    private final Clock wall;
    private final String owner = "recalculation-" + UUID.randomUUID();
    private final Map<String, Disposable> working = new ConcurrentHashMap<>();
    private volatile boolean startWhenAdded;

    @Autowired
    public RecalculationWorkflow(RecalculationStore runs, ApplicationStore cases, StandardStore standards,
                                 OutboxRelay relay, AssistanceProperties properties, RecalculationProperties settings,
                                 Clock clock) {
        this(runs, cases, standards, relay, properties, settings, clock, Clock.systemUTC());
    }

    /** @param wall the wall clock the leases are measured on (never the business clock) */
    public RecalculationWorkflow(RecalculationStore runs, ApplicationStore cases, StandardStore standards,
                                 OutboxRelay relay, AssistanceProperties properties, RecalculationProperties settings,
                                 Clock clock, Clock wall) {
        this.runs = runs;
        this.cases = cases;
        this.standards = standards;
        this.relay = relay;
        this.properties = properties;
        this.settings = settings;
        this.clock = clock;
        this.wall = wall;
        this.startWhenAdded = settings.startWhenAdded();
    }

    /** Whether adding a standard starts its run (configuration; tests switch it). */
    public void startWhenAdded(boolean on) {
        this.startWhenAdded = on;
    }

    // ---- starting -----------------------------------------------------------------------------

    /** A standard was added: its run starts, unless a later standard of its region and kind exists. */
    @Override
    public Mono<String> added(AssistanceStandard standard, String actorId) {
        if (!startWhenAdded) {
            return Mono.empty();
        }
        return standards.catalogue()
                .filter(cat -> cat.laterThan(standard).isEmpty())
                .flatMap(cat -> begin(standard, cat, RecalculationRun.STANDARD_ADDED, actorId, BatchHook.NONE))
                .map(RecalculationRun::id)
                .onErrorResume(e -> {
                    log.warn("调标 run for {} not started: {}", standard.id(), e.toString());
                    return Mono.empty();
                });
    }

    /** ADMIN, or an APPROVER of the standard's region, starts a run for the standard. */
    public Mono<RecalculationRun> start(String standardId, Principal p) {
        return standardFor(standardId, p).flatMap(cat -> {
            AssistanceStandard s = cat.byId(standardId).orElseThrow();
            List<AssistanceStandard> later = cat.laterThan(s);
            if (!later.isEmpty()) {
                AssistanceStandard next = later.get(0);
                return Mono.error(new ConflictProblem("standard-superseded", s.id(), next.id(), next.effectiveFrom()));
            }
            return begin(s, cat, RecalculationRun.REQUESTED, p.subject(), BatchHook.NONE);
        });
    }

    /** Starts a run of {@code standardId} with a hook between a batch's writes and its progress (tests). */
    public Mono<RecalculationRun> startWith(String standardId, String actorId, BatchHook hook) {
        return standards.catalogue().flatMap(cat -> begin(cat.byId(standardId).orElseThrow(), cat,
                RecalculationRun.REQUESTED, actorId, hook));
    }

    private Mono<RecalculationRun> begin(AssistanceStandard s, StandardCatalogue cat, String trigger, String actorId,
                                         BatchHook hook) {
        return runs.forStandard(s.id()).collectList().flatMap(existing -> {
            var running = existing.stream().filter(r -> r.status() == Status.RUNNING).findFirst();
            if (running.isPresent()) {
                return Mono.error(runningProblem(running.get()));
            }
            String id = RecalculationRun.idFor(s, existing.size() + 1);
            return cases.count(scope(s))
                    .map(total -> RecalculationRun.start(id, s, trigger, actorId, clock.instant(), settings.batchSize(),
                            total))
                    .flatMap(run -> runs.insert(run, owner, leaseUntil())
                            .onErrorMap(DuplicateKeyException.class, e -> runningProblem(run)))
                    .doOnNext(run -> {
                        log.info("调标 run {} started ({}, {} cases in scope, batches of {})", run.id(), trigger,
                                run.total(), run.batchSize());
                        work(run, cat, hook);
                    });
        });
    }

    /** Continues a FAILED run, or a RUNNING one whose instance stopped (lease run out), from its cursor. */
    public Mono<RecalculationRun> resume(String standardId, String runId, Principal p) {
        return standardFor(standardId, p).flatMap(cat -> run(standardId, runId).flatMap(run -> {
            if (run.status() == Status.COMPLETED) {
                return Mono.error(new ConflictProblem("recalculation-completed", run.id(), standardId));
            }
            return runs.claim(runId, owner, wall.instant(), leaseUntil())
                    .switchIfEmpty(Mono.error(() -> runningProblem(run)))
                    .doOnNext(claimed -> work(claimed, cat, BatchHook.NONE));
        }));
    }

    /**
     * Claims and continues every RUNNING run whose lease ran out (its instance stopped): at start-up
     * and then every {@code resume-scan-ms}. Emits the ids of the runs it took.
     */
    public Mono<List<String>> resumeAbandoned() {
        Instant now = wall.instant();
        return runs.abandoned(now)
                .concatMap(r -> runs.claim(r.id(), owner, now, leaseUntil()))
                .collectList()
                .flatMap(claimed -> claimed.isEmpty() ? Mono.just(List.<String>of()) : standards.catalogue().map(cat -> {
                    List<String> ids = new ArrayList<>();
                    for (RecalculationRun r : claimed) {
                        log.info("调标 run {} resumed after a stop, from case {}", r.id(), r.cursor());
                        work(r, cat, BatchHook.NONE);
                        ids.add(r.id());
                    }
                    return ids;
                }));
    }

    @Scheduled(fixedDelayString = "${minzheng.assistance.recalculation.resume-scan-ms:30000}",
            initialDelayString = "${minzheng.assistance.recalculation.resume-scan-initial-ms:3000}")
    public void scan() {
        resumeAbandoned().subscribe(ids -> {
        }, e -> log.warn("调标 resume scan failed: {}", e.toString()));
    }

    /** Stops working a run here, as a crash would (no further write; its lease runs out). */
    public void stop(String runId) {
        Disposable d = working.remove(runId);
        if (d != null) {
            d.dispose();
        }
    }

    // ---- reading -----------------------------------------------------------------------------

    public Mono<RecalculationRun> read(String standardId, String runId) {
        return run(standardId, runId);
    }

    public Flux<RecalculationRun> list(String standardId) {
        return standards.catalogue().flatMapMany(cat -> cat.byId(standardId).isPresent() ? runs.forStandard(standardId)
                : Flux.error(new ProblemException(404, "standard-not-found", standardId)));
    }

    private Mono<RecalculationRun> run(String standardId, String runId) {
        return runs.find(runId).filter(r -> r.standardId().equals(standardId))
                .switchIfEmpty(Mono.error(() -> new ProblemException(404, "recalculation-not-found", runId, standardId)));
    }

    /** The catalogue, once the standard exists (404) and the caller may act for its region (403). */
    private Mono<StandardCatalogue> standardFor(String standardId, Principal p) {
        return standards.catalogue().flatMap(cat -> {
            var s = cat.byId(standardId);
            if (s.isEmpty()) {
                return Mono.error(new ProblemException(404, "standard-not-found", standardId));
            }
            boolean mayAct = p.isAdmin() || (p.region() != null && s.get().regionPrefix().startsWith(p.region()));
            return mayAct ? Mono.just(cat)
                    : Mono.error(new ForbiddenProblem("recalculation-out-of-region", s.get().regionPrefix(),
                    String.valueOf(p.region())));
        });
    }

    private static ConflictProblem runningProblem(RecalculationRun run) {
        return new ConflictProblem("recalculation-running", run.id(), run.standardId());
    }

    // ---- working -----------------------------------------------------------------------------

    private void work(RecalculationRun run, StandardCatalogue cat, BatchHook hook) {
        Disposable d = execute(run, cat, hook).subscribe(
                done -> log.info("调标 run {} {}: {} changed, {} unchanged, {} skipped {}", done.id(), done.status(),
                        done.changed(), done.unchanged(), done.skipped(), done.skippedBy()),
                e -> log.warn("调标 run {} stopped: {}", run.id(), e.toString()),
                () -> working.remove(run.id()));
        working.put(run.id(), d);
    }

    /** Works the run batch by batch until it is completed (or fails, or this instance loses it). */
    Mono<RecalculationRun> execute(RecalculationRun run, StandardCatalogue cat, BatchHook hook) {
        AssistanceStandard s = cat.byId(run.standardId()).orElseThrow();
        StandardRecalculation recalculation = new StandardRecalculation(s, cat, properties.eligibility());
        Criteria scope = scope(s);
        return Mono.just(run)
                .expand(r -> r.status() == Status.RUNNING ? batch(r, recalculation, scope, hook) : Mono.empty())
                .last()
                .onErrorResume(e -> e instanceof LostLease ? Mono.empty()
                        : Mono.defer(() -> runs.find(run.id()).flatMap(current -> {
                            RecalculationRun failed = current.failed(clock.instant(), e.toString());
                            return runs.save(failed, owner, wall.instant()).thenReturn(failed);
                        })));
    }

    private Mono<RecalculationRun> batch(RecalculationRun run, StandardRecalculation recalculation, Criteria scope,
                                         BatchHook hook) {
        Instant at = clock.instant();
        LocalDate today = LocalDate.ofInstant(at, AssistanceCase.CHINA);
        long[] t = {System.nanoTime(), 0, 0};
        return cases.page(scope, run.cursor(), run.batchSize()).collectList().flatMap(page -> {
            if (page.isEmpty()) {
                return save(run.completed(clock.instant()));
            }
            t[1] = System.nanoTime();
            return Flux.fromIterable(page)
                    .flatMapSequential(c -> recalculate(c, recalculation, run.id(), today, at, 3),
                            settings.writeConcurrency())
                    .collectList()
                    .flatMap(outcomes -> {
                        Tally tally = Tally.NONE;
                        List<String> written = new ArrayList<>();
                        for (Outcome o : outcomes) {
                            tally = tally.plus(o.verdict());
                            if (o.verdict() instanceof Changed || o.verdict() instanceof AlreadyChanged) {
                                written.add(o.number());
                            }
                        }
                        RecalculationRun next = run.afterBatch(page.get(page.size() - 1).number(), tally);
                        t[2] = System.nanoTime();
                        return hook.afterCaseWrites(run, next.batches())
                                .then(Flux.fromIterable(written)
                                        .flatMap(n -> relay.publishPending(CASES, n), settings.publishConcurrency())
                                        .then())
                                .then(save(next))
                                .doOnNext(saved -> log.debug("调标 run {} batch {}: {} cases read in {} ms, decided and "
                                                + "written in {} ms, {} published in {} ms", run.id(), saved.batches(),
                                        page.size(), (t[1] - t[0]) / 1_000_000, (t[2] - t[1]) / 1_000_000, written.size(),
                                        (System.nanoTime() - t[2]) / 1_000_000));
                    });
        });
    }

    private record Outcome(String number, Verdict verdict) {
    }

    /** Decides and, for a change, writes the case; a case changed meanwhile is read again (up to {@code attempts}). */
    private Mono<Outcome> recalculate(AssistanceCase c, StandardRecalculation recalculation, String runId, LocalDate today,
                                      Instant at, int attempts) {
        Verdict v = recalculation.decide(c, runId, today, at);
        if (!(v instanceof Changed change)) {
            return Mono.just(new Outcome(c.number(), v));
        }
        return cases.updateAdjusted(StandardRecalculation.apply(c, change, SYSTEM, at), c.version()).thenReturn(new Outcome(c.number(), v))
                .onErrorResume(StaleVersionProblem.class, e -> attempts > 1
                        ? cases.find(c.number()).flatMap(fresh -> recalculate(fresh, recalculation, runId, today, at,
                        attempts - 1))
                        : Mono.just(new Outcome(c.number(), new Skipped(Skip.CHANGED_MEANWHILE))));
    }

    private Mono<RecalculationRun> save(RecalculationRun run) {
        return runs.save(run, owner, leaseUntil())
                .flatMap(saved -> saved ? Mono.just(run) : Mono.error(new LostLease(run.id())));
    }

    private Instant leaseUntil() {
        return wall.instant().plus(settings.lease());
    }

    /** Cases a standard's run looks at: its region prefix, the programs it measures, the states in scope. */
    static Criteria scope(AssistanceStandard s) {
        // a case number starts with its 12-digit region code: the _id bound lets a store serve the run's
        // pages from the _id index (the regex says the same for a store that cannot)
        return new Criteria().andOperator(Criteria.where("_id").lt(s.regionPrefix() + "~"),
                ApplicationStore.regionPrefix(s.regionPrefix()),
                Criteria.where("status").in(StandardRecalculation.IN_SCOPE.stream().map(Enum::name).toList()),
                Criteria.where("program").in(StandardRecalculation.programsMeasuredBy(s.kind()).stream()
                        .map(Enum::name).toList()));
    }

    /** Another instance holds the run now (this one's lease ran out): stop working it here. */
    static final class LostLease extends RuntimeException {
        LostLease(String runId) {
            super("the lease of " + runId + " was taken over", null, false, false);
        }
    }
}
