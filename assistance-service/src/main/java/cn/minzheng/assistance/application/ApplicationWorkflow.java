package cn.minzheng.assistance.application;

import cn.minzheng.assistance.AssistanceProperties;
import cn.minzheng.assistance.deadlines.DeadlinePlanner;
import cn.minzheng.assistance.eligibility.Calculation;
import cn.minzheng.assistance.eligibility.EligibilityCalculator;
import cn.minzheng.assistance.household.FieldProblem;
import cn.minzheng.assistance.household.Submission;
import cn.minzheng.assistance.household.SubmissionInvalidException;
import cn.minzheng.assistance.household.SubmissionValidator;
import cn.minzheng.assistance.standards.StandardStore;
import cn.minzheng.platform.kit.domain.Transitioned;
import cn.minzheng.platform.kit.outbox.OutboxRelay;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import cn.minzheng.platform.kit.security.AccessPolicy;
import cn.minzheng.platform.kit.security.Principal;
import cn.minzheng.platform.kit.observability.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads a case, checks access and version, runs one domain command, stores the result with its
 * events in one document update, and hands the events to the relay.
 *
 * <p>The command answers as every aggregate of the platform does ({@link Transitioned}: the next case and
 * the event it caused); this service gives both to {@link ApplicationStore#update}, which writes the state
 * and puts the event into the case document's outbox in one conditional write, then asks the relay to
 * publish that outbox.
 */
@Component
public class ApplicationWorkflow {
    private static final Logger log = LoggerFactory.getLogger(ApplicationWorkflow.class);
    private final ApplicationStore store;
    private final StandardStore standards;
    private final SubmissionValidator validator;
    private final OutboxRelay relay;
    private final DeadlinePlanner planner;
    private final AssistanceProperties properties;
    private final Clock clock;

    public ApplicationWorkflow(ApplicationStore store, StandardStore standards, SubmissionValidator validator,
                               OutboxRelay relay, DeadlinePlanner planner, AssistanceProperties properties,
                               Clock clock) {
        this.store = store;
        this.standards = standards;
        this.validator = validator;
        this.relay = relay;
        this.planner = planner;
        this.properties = properties;
        this.clock = clock;
    }

    public DeadlinePlanner planner() {
        return planner;
    }

    public CaseRules rules() {
        return properties.rules();
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), AssistanceCase.CHINA);
    }

    /**
     * Validates, numbers, registers the household and stores a new case; returns its number. Another
     * open case listing one of the members never refuses the submission (that would tell the citizen
     * someone else applied, and let the first submitter block the person): the new case is stored
     * with a household conflict that staff see on both cases and resolve.
     */
    public Mono<String> submit(Principal p, SubmissionForm request) {
        return submit(p, request, null);
    }

    /**
     * Submits; with the request's {@code Idempotency-Key}, a retry whose first answer was lost after
     * the case was written answers that case (see {@link ApplicationStore#claimHousehold}).
     */
    public Mono<String> submit(Principal p, SubmissionForm request, String idempotencyKey) {
        return Mono.defer(() -> {
            Actor actor = actor(p, ApplicationCommand.SUBMIT);
            Submission s = validated(request);
            Instant at = clock.instant();
            return store.nextNumber(s.regionCode(), LocalDate.ofInstant(at, AssistanceCase.CHINA))
                    .flatMap(number -> {
                        Transitioned<AssistanceCase, List<DomainEvent>> submitted = AssistanceCase.submit(number, s, actor, at);
                        return store.claimHousehold(number, s.program().name(), submitted.next().memberIds(),
                                        new ApplicationStore.Submitter(p.subject(), idempotencyKey), at)
                                .flatMap(conflicts -> traceparent()
                                        .flatMap(tp -> store.insert(submitted, tp.orElse(null), conflicts))
                                        .flatMap(saved -> store.markConflict(number, conflicts)
                                                // the new case carries its conflict already; the others' marks are a courtesy
                                                .onErrorResume(e -> {
                                                    log.warn("household conflict of {} not marked on {}: {}", number,
                                                            conflicts, e.toString());
                                                    return Mono.empty();
                                                })
                                                .thenReturn(saved)))
                                .onErrorResume(e -> !(e instanceof ApplicationStore.SameSubmission)
                                        ? store.releaseClaims(number).then(Mono.error(e)) : Mono.error(e))
                                .doOnNext(saved -> relay.publishInBackground(CaseDocuments.COLLECTION, number))
                                .thenReturn(number)
                                .onErrorResume(ApplicationStore.SameSubmission.class, same -> Mono.just(same.number()));
                    });
        }).onErrorMap(DomainProblems::translate);
    }

    Submission validated(SubmissionForm request) {
        List<FieldProblem> problems = new ArrayList<>();
        Submission s = request.toSubmission(problems);
        problems.addAll(validator.problems(s, today()));
        if (!problems.isEmpty()) {
            throw new SubmissionInvalidException(problems);
        }
        return s;
    }

    /** The case if the principal may see it (citizens: their own; staff: within their region). */
    public Mono<AssistanceCase> read(String number, Principal p) {
        return store.find(number)
                .switchIfEmpty(Mono.error(() -> new NotFoundProblem("application", number)))
                .flatMap(c -> AccessPolicy.mayActOn(p, c.regionCode(), c.ownerSubject()) ? Mono.just(c)
                        // not revealing whether someone else's case exists
                        : Mono.error(new NotFoundProblem("application", number)));
    }

    /**
     * The household conflict this caller may see on the case: staff (not the case's owner) see it,
     * the owner never does — a citizen must not learn that someone else applied for their people.
     * Empty for the owner; an empty list for staff when there is none.
     */
    public Mono<Optional<List<String>>> householdConflictSeenBy(AssistanceCase c, Principal p) {
        boolean staffViewer = (p.isStaff() || p.isAdmin()) && !p.subject().equals(c.ownerSubject());
        return staffViewer ? store.householdConflict(c.number()).map(Optional::of) : Mono.just(Optional.empty());
    }

    /** One domain command on a case, under If-Match; answers the stored case. */
    public Mono<AssistanceCase> change(String number, long expectedVersion, Principal p, ApplicationCommand command,
                                       CaseChange change) {
        return read(number, p).flatMap(c -> {
            if (c.version() != expectedVersion) {
                return Mono.error(new StaleVersionProblem(expectedVersion, c.version()));
            }
            Actor actor = actor(p, command);
            return notSelfDealing(c, command, actor)
                    .then(notAwardedAgain(c, command))
                    .then(Mono.defer(() -> change.apply(c, actor, clock.instant())))
                    .flatMap(next -> traceparent().flatMap(tp -> store.update(next, expectedVersion, tp.orElse(null))))
                    // a refusal on this case is recorded under its region too (issue 14 item 7)
                    .onErrorMap(e -> onCase(DomainProblems.translate(e), c));
        }).flatMap(saved -> (saved.status().terminal() ? store.releaseClaims(saved.number()) : Mono.<Void>empty())
                        .thenReturn(saved))
                .doOnNext(saved -> relay.publishInBackground(CaseDocuments.COLLECTION, saved.number()))
                .onErrorMap(DomainProblems::translate);
    }

    private static Throwable onCase(Throwable e, AssistanceCase c) {
        return e instanceof ForbiddenProblem forbidden ? forbidden.inRegion(c.regionCode()) : e;
    }

    /**
     * 回避 ({@link SelfDealing}): a staff act by the case's applicant or a member of its household is
     * refused; the caller's ID numbers are the applicants of the cases their account submitted.
     */
    private Mono<Void> notSelfDealing(AssistanceCase c, ApplicationCommand command, Actor actor) {
        if (!SelfDealing.staffAct(actor)) {
            return Mono.empty();
        }
        return store.applicantIdNumbersOf(actor.id()).collectList()
                .doOnNext(ids -> SelfDealing.refuse(c, command, actor, ids))
                .then();
    }

    /** 临时救助 once per cause per household within the configured period ({@link TemporaryAwards}). */
    private Mono<Void> notAwardedAgain(AssistanceCase c, ApplicationCommand command) {
        if (!TemporaryAwards.awards(c, command)) {
            return Mono.empty();
        }
        return store.temporaryCasesListing(c.memberIds()).collectList()
                .doOnNext(others -> TemporaryAwards.refuseRepeat(c, others, today(),
                        properties.rules().temporaryAwardPeriodMonths()))
                .then();
    }

    /** The calculation for the case's household with the standard in force this month. */
    public Mono<Calculation> calculate(AssistanceCase c) {
        boolean supporterAble = c.economicCheck() != null && c.economicCheck().supporterAble();
        return standards.catalogue().map(cat -> new EligibilityCalculator(cat, properties.eligibility())
                .calculate(c.submission(), YearMonth.from(today()), today(), supporterAble))
                .onErrorMap(DomainProblems::translate);
    }

    public Submission validatedResubmission(SubmissionForm r) {
        try {
            return validated(r);
        } catch (RuntimeException e) {
            throw (RuntimeException) DomainProblems.translate(e);
        }
    }

    /** A command body: domain code, possibly needing a calculation first; answers the case's transition. */
    @FunctionalInterface
    public interface CaseChange {
        Mono<Transitioned<AssistanceCase, DomainEvent>> apply(AssistanceCase current, Actor actor, Instant at);
    }

    static Actor actor(Principal p, ApplicationCommand command) {
        Role role = command.roles().stream().filter(r -> holds(p, r)).findFirst()
                .orElseGet(() -> List.of(Role.values()).stream().filter(r -> holds(p, r)).findFirst()
                        .orElseThrow(ForbiddenProblem::new));
        return new Actor(p.subject(), p.displayName(), role, p.region());
    }

    private static boolean holds(Principal p, Role r) {
        return p.roles().stream().anyMatch(kr -> kr.name().equals(r.name()));
    }

    private static Mono<Optional<String>> traceparent() {
        return TraceContext.traceparent();
    }
}
