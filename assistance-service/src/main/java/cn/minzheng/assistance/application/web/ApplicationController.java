package cn.minzheng.assistance.application.web;

import cn.minzheng.assistance.application.Actor;
import cn.minzheng.assistance.application.ApplicationCommand;
import cn.minzheng.assistance.application.ApplicationWorkflow;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.DomainEvent;
import cn.minzheng.assistance.application.EconomicCheck;
import cn.minzheng.assistance.application.HomeVisit;
import cn.minzheng.assistance.application.web.CommandBodies.DecisionEntry;
import cn.minzheng.assistance.application.web.CommandBodies.EconomicCheckEntry;
import cn.minzheng.assistance.application.web.CommandBodies.Empty;
import cn.minzheng.assistance.application.web.CommandBodies.HomeVisitEntry;
import cn.minzheng.assistance.application.web.CommandBodies.OpinionEntry;
import cn.minzheng.assistance.application.web.CommandBodies.Payment;
import cn.minzheng.assistance.application.web.CommandBodies.PhaseOut;
import cn.minzheng.assistance.application.web.CommandBodies.Reason;
import cn.minzheng.assistance.application.web.CommandBodies.RecheckConfirmation;
import cn.minzheng.assistance.application.web.CommandBodies.Supplement;
import cn.minzheng.platform.kit.concurrency.Versions;
import cn.minzheng.platform.kit.domain.Transitioned;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import cn.minzheng.platform.kit.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static cn.minzheng.assistance.application.web.CommandBodies.flag;
import static cn.minzheng.assistance.application.web.CommandBodies.requiredText;
import static cn.minzheng.assistance.application.web.CommandBodies.text;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A citizen's application and every command on it, as sub-resources under If-Match. */
@RestController
@RequestMapping("/api/v1/assistance/applications")
public class ApplicationController {
    private final ApplicationWorkflow workflow;

    public ApplicationController(ApplicationWorkflow workflow) {
        this.workflow = workflow;
    }

    /** {@code Idempotency-Key} is handled by the service kit's filter: a retry gets this response again. */
    @PostMapping
    public Mono<ResponseEntity<ApplicationView>> submit(@RequestBody SubmissionRequest request,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        return CurrentPrincipal.require().flatMap(p -> workflow.submit(p, request, idempotencyKey)
                .flatMap(number -> workflow.read(number, p).map(c -> ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create("/api/v1/assistance/applications/" + c.number()))
                        .eTag(etag(c)).body(ApplicationView.of(c)))));
    }

    @GetMapping("/{number}")
    public Mono<ResponseEntity<ApplicationView>> get(@PathVariable String number) {
        return CurrentPrincipal.require().flatMap(p -> workflow.read(number, p)
                .flatMap(c -> view(c, p).map(v -> ResponseEntity.ok().eTag(etag(c)).body(v))));
    }

    /** The calculation the decision would carry, with the standard in force this month. */
    @GetMapping("/{number}/calculation")
    public Mono<Map<String, Object>> calculation(@PathVariable String number) {
        return CurrentPrincipal.require().flatMap(p -> workflow.read(number, p))
                .flatMap(workflow::calculate).map(ApplicationView::calculation);
    }

    /** The citizen says why (recorded in the history and the event); no reason, no withdrawal. */
    @PostMapping("/{number}/withdrawal")
    public Mono<ResponseEntity<ApplicationView>> withdraw(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody Reason body) {
        return apply(number, ifMatch, ApplicationCommand.WITHDRAW, (c, a, at) -> c.withdraw(a, at, body.required()));
    }

    @PostMapping("/{number}/supplement-request")
    public Mono<ResponseEntity<ApplicationView>> supplement(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody Supplement body) {
        return apply(number, ifMatch, ApplicationCommand.REQUEST_SUPPLEMENT,
                (c, a, at) -> c.requestSupplement(a, at, body.items(), workflow.rules(), workflow.planner()));
    }

    @PostMapping("/{number}/resubmission")
    public Mono<ResponseEntity<ApplicationView>> resubmit(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody SubmissionRequest body) {
        return apply(number, ifMatch, ApplicationCommand.RESUBMIT,
                (c, a, at) -> c.resubmit(a, at, workflow.validatedResubmission(body)));
    }

    @PostMapping("/{number}/acceptance")
    public Mono<ResponseEntity<ApplicationView>> accept(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) Empty ignored) {
        return apply(number, ifMatch, ApplicationCommand.ACCEPT, (c, a, at) -> c.accept(a, at, workflow.planner()));
    }

    @PostMapping("/{number}/non-acceptance")
    public Mono<ResponseEntity<ApplicationView>> refuse(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody Reason body) {
        return apply(number, ifMatch, ApplicationCommand.REFUSE_ACCEPTANCE,
                (c, a, at) -> c.refuseAcceptance(a, at, body.required(), workflow.planner()));
    }

    @PostMapping("/{number}/home-visits")
    public Mono<ResponseEntity<ApplicationView>> homeVisit(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody HomeVisitEntry body) {
        return apply(number, ifMatch, ApplicationCommand.RECORD_HOME_VISIT,
                (c, a, at) -> {
                    var selfCare = body.check();
                    return c.recordHomeVisit(a, at, new HomeVisit(
                            body.visitedOn() == null ? workflow.today() : body.visitedOn(),
                            body.staffIds() == null ? List.of() : body.staffIds(), body.findings(),
                            body.membersPresent(), a.id(), selfCare), workflow.rules());
                });
    }

    /** Manual entry of 核对 results by a clerk: always possible, whatever the 核对 platform does. */
    @PostMapping("/{number}/economic-checks")
    public Mono<ResponseEntity<ApplicationView>> economicCheck(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody EconomicCheckEntry body) {
        return apply(number, ifMatch, ApplicationCommand.RECORD_ECONOMIC_CHECK,
                (c, a, at) -> {
                    body.check();
                    return c.recordEconomicCheck(a, at, new EconomicCheck(EconomicCheck.Status.COMPLETED, "MANUAL",
                            body.summary(), flag(body.incomeConfirmed()), flag(body.supporterAble()), at, a.id()));
                });
    }

    @PostMapping("/{number}/opinion")
    public Mono<ResponseEntity<ApplicationView>> opinion(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody OpinionEntry body) {
        return apply(number, ifMatch, ApplicationCommand.GIVE_OPINION,
                (c, a, at) -> c.giveOpinion(a, at, flag(body.recommendApproval()), body.checkedReason()));
    }

    @PostMapping("/{number}/publicity")
    public Mono<ResponseEntity<ApplicationView>> startPublicity(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) Empty ignored) {
        return apply(number, ifMatch, ApplicationCommand.START_PUBLICITY,
                (c, a, at) -> c.startPublicity(a, at, workflow.rules()));
    }

    @PostMapping("/{number}/publicity/objections")
    public Mono<ResponseEntity<ApplicationView>> objection(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody Reason body) {
        return apply(number, ifMatch, ApplicationCommand.RECORD_OBJECTION,
                (c, a, at) -> c.recordObjection(a, at, body.required()));
    }

    @PostMapping("/{number}/publicity/completion")
    public Mono<ResponseEntity<ApplicationView>> completePublicity(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) Empty ignored) {
        return apply(number, ifMatch, ApplicationCommand.COMPLETE_PUBLICITY,
                (c, a, at) -> c.completePublicity(a, at, workflow.planner()));
    }

    /** 审核确认: {@code approve: true} with the calculation computed here, or false with written reasons. */
    @PostMapping("/{number}/decision")
    public Mono<ResponseEntity<ApplicationView>> decide(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody DecisionEntry body) {
        return Mono.defer(() -> {
            boolean approve = body.approved();
            return command(number, ifMatch, approve ? ApplicationCommand.APPROVE : ApplicationCommand.DENY,
                    (c, a, at) -> workflow.calculate(c).map(calc -> approve
                            ? c.approve(a, at, calc, flag(body.unstableIncome()), workflow.rules(), workflow.planner())
                            : c.deny(a, at, body.reason(), calc, workflow.planner())));
        });
    }

    /** 先行救助 for 急难型 临时救助. */
    @PostMapping("/{number}/emergency-payment")
    public Mono<ResponseEntity<ApplicationView>> payFirst(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody Payment body) {
        return apply(number, ifMatch, ApplicationCommand.PAY_FIRST,
                (c, a, at) -> c.payFirst(a, at, body.amountFen(), requiredText("/reason", body.reason())));
    }

    @PostMapping("/{number}/record-completion")
    public Mono<ResponseEntity<ApplicationView>> completeRecord(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody Reason body) {
        return apply(number, ifMatch, ApplicationCommand.COMPLETE_RECORD,
                (c, a, at) -> c.completeRecord(a, at, body.required()));
    }

    @PostMapping("/{number}/recheck")
    public Mono<ResponseEntity<ApplicationView>> recheck(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) Reason body) {
        return apply(number, ifMatch, ApplicationCommand.START_RECHECK,
                (c, a, at) -> c.startRecheck(a, at, body == null ? null : text("/reason", body.reason())));
    }

    @PostMapping("/{number}/recheck/confirmation")
    public Mono<ResponseEntity<ApplicationView>> confirmRecheck(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) RecheckConfirmation body) {
        return apply(number, ifMatch, ApplicationCommand.CONFIRM_RECHECK,
                (c, a, at) -> c.confirmRecheck(a, at, body != null && flag(body.unstableIncome()), workflow.rules()));
    }

    /** Recalculates with the standard in force now (e.g. after a new standard or a reported change). */
    @PostMapping("/{number}/amount-change")
    public Mono<ResponseEntity<ApplicationView>> changeAmount(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody Reason body) {
        return command(number, ifMatch, ApplicationCommand.CHANGE_AMOUNT,
                (c, a, at) -> Mono.fromCallable(body::required).flatMap(reason -> workflow.calculate(c).map(calc -> c.changeAmount(a, at, calc, reason))));
    }

    @PostMapping("/{number}/suspension")
    public Mono<ResponseEntity<ApplicationView>> suspend(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody Reason body) {
        return apply(number, ifMatch, ApplicationCommand.SUSPEND, (c, a, at) -> c.suspend(a, at, body.required()));
    }

    /** A suspended benefit paid again, with written reasons (event {@code resumed}). */
    @PostMapping("/{number}/resumption")
    public Mono<ResponseEntity<ApplicationView>> resume(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody Reason body) {
        return apply(number, ifMatch, ApplicationCommand.RESUME, (c, a, at) -> c.resume(a, at, body.required()));
    }

    /** 渐退期. */
    @PostMapping("/{number}/phase-out")
    public Mono<ResponseEntity<ApplicationView>> phaseOut(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody PhaseOut body) {
        return apply(number, ifMatch, ApplicationCommand.START_PHASE_OUT,
                (c, a, at) -> c.startPhaseOut(a, at, body.checkedMonths(), requiredText("/reason", body.reason()), workflow.rules()));
    }

    @PostMapping("/{number}/termination")
    public Mono<ResponseEntity<ApplicationView>> terminate(@PathVariable String number, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody Reason body) {
        return apply(number, ifMatch, ApplicationCommand.TERMINATE, (c, a, at) -> c.terminate(a, at, body.required()));
    }

    /** Most commands are one domain call on the loaded case: it runs inside the chain, so its refusals become problems. */
    private Mono<ResponseEntity<ApplicationView>> apply(String number, String ifMatch, ApplicationCommand command,
                                                        DomainCall call) {
        return command(number, ifMatch, command, (c, a, at) -> Mono.fromCallable(() -> call.on(c, a, at)));
    }

    /** A command that needs nothing but the case, the actor and the time (no calculation first). */
    @FunctionalInterface
    private interface DomainCall {
        Transitioned<AssistanceCase, DomainEvent> on(AssistanceCase current, Actor actor, Instant at);
    }

    /** Load under access rules, check If-Match, run the change, store it with its events, answer with the new ETag. */
    private Mono<ResponseEntity<ApplicationView>> command(String number, String ifMatch, ApplicationCommand command,
                                                          ApplicationWorkflow.CaseChange change) {
        return Mono.defer(() -> {
            long expected = version(ifMatch);
            return CurrentPrincipal.require()
                    .flatMap((Principal p) -> workflow.change(number, expected, p, command, change)
                            .flatMap(c -> view(c, p).map(v -> ResponseEntity.ok().eTag(etag(c)).body(v))));
        });
    }

    /** The staff view carries the household conflict; the owner's never does. */
    private Mono<ApplicationView> view(AssistanceCase c, Principal p) {
        return workflow.householdConflictSeenBy(c, p)
                .map(conflict -> conflict.map(list -> ApplicationView.forStaff(c, list)).orElseGet(() -> ApplicationView.of(c)));
    }

    static String etag(AssistanceCase c) {
        return Versions.etag(c.version());
    }

    static long version(String ifMatch) {
        return Versions.parseIfMatch(ifMatch);
    }
}
