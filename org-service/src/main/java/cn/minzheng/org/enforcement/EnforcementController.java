package cn.minzheng.org.enforcement;

import cn.minzheng.org.problems.AmountFields;
import cn.minzheng.platform.codes.money.Fen;
import cn.minzheng.org.enforcement.EnforcementStore.StoredCase;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.ProblemTranslation;
import cn.minzheng.org.web.Page;
import cn.minzheng.org.web.Traces;
import cn.minzheng.platform.kit.concurrency.Versions;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;


import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** 行政处罚 cases: every step a sub-resource under {@code If-Match}; the published 裁量基准. */
@RestController
@RequestMapping("/api/v1/orgs")
public class EnforcementController {
    private final EnforcementService service;

    public EnforcementController(EnforcementService service) {
        this.service = service;
    }

    public record OpenBody(String organizationId, String violation, String facts) {
    }

    public record EvidenceBody(String kind, String description) {
    }

    /** {@code amount} in yuan with at most two decimals (fines, confiscation); {@code months} for 限期停止活动. */
    public record PenaltyBody(PenaltyKind kind, String amount, Integer months) {
    }

    public record ProposalBody(Severity severity, List<PenaltyBody> penalties, String reasons) {
    }

    public record StatementBody(String text, Boolean defence, Boolean waivesHearing) {
    }

    public record HearingBody(String record) {
    }

    /** {@code noticeDeliveredOn}: when the 听证通知书 reached the party; today when absent. */
    public record HearingScheduleBody(LocalDate hearingDate, String place, LocalDate noticeDeliveredOn) {
    }

    public record ReviewBody(Boolean approved, String opinion) {
    }

    public record DecisionBody(String reference, List<PenaltyBody> penalties, String reasons) {
    }

    public record NoteBody(String note, String reason) {
    }

    public record PenaltyView(PenaltyKind kind, String amount, Integer months) {
        static List<PenaltyView> of(List<Penalty> penalties) {
            return penalties.stream().map(p -> new PenaltyView(p.kind(), p.amountFen() == 0 ? null : Fen.of(p.amountFen()).yuan(),
                    p.months() == 0 ? null : p.months())).toList();
        }
    }

    public record DecisionView(String reference, List<PenaltyView> penalties, String reasons, boolean major, LocalDate decidedOn) {
    }

    public record CaseView(String id, String organizationId, String organizationName, String authorityCode, String violation, String facts,
                           CaseStatus status, LocalDate openedOn, LocalDate dueOn, boolean overdue, List<EnforcementCase.Evidence> evidence,
                           Severity severity, List<PenaltyView> proposal, String proposalReasons, LocalDate noticeServedOn,
                           LocalDate hearingRequestDeadline, boolean hearingWaived, List<EnforcementCase.Statement> statements,
                           LocalDate hearingRequestedOn, LocalDate hearingNoticeDeliveredOn, LocalDate hearingDate, String hearingPlace,
                           LocalDate hearingHeldOn, String hearingRecord, EnforcementCase.Review review,
                           DecisionView decision, LocalDate deliveredOn, LocalDate executedOn, LocalDate closedOn, String closingReason,
                           long version) {
        /** {@code today}: the business date, so {@code overdue} agrees with what a decision would be told. */
        static CaseView of(StoredCase s, LocalDate today) {
            EnforcementCase c = s.enforcementCase();
            return new CaseView(c.id(), c.organizationId(), s.organizationName(), c.authorityCode(), c.violation(), c.facts(), c.status(),
                    c.openedOn(), c.dueOn(), c.overdue(today), c.evidence(), c.severity(), PenaltyView.of(c.proposal()),
                    c.proposalReasons(), c.noticeServedOn(), c.hearingRequestDeadline(), c.hearingWaived(), c.statements(),
                    c.hearingRequestedOn(), c.hearingNoticeDeliveredOn(), c.hearingDate(), c.hearingPlace(), c.hearingHeldOn(),
                    c.hearingRecord(), c.review(),
                    c.decision() == null ? null : new DecisionView(c.decision().reference(), PenaltyView.of(c.decision().penalties()),
                            c.decision().reasons(), c.decision().major(), c.decision().decidedOn()),
                    c.deliveredOn(), c.executedOn(), c.closedOn(), c.closingReason(), c.version());
        }
    }

    @PostMapping("/enforcement-cases")
    public Mono<ResponseEntity<CaseView>> open(@RequestBody OpenBody body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body.organizationId() == null || body.organizationId().isBlank()) {
            problems.add(new FieldProblem("/organizationId", "REQUIRED", "请填写被立案的社会组织"));
        }
        ProblemTranslation.throwIfAny(problems);
        return CurrentPrincipal.require().flatMap(p -> service.open(p, body.organizationId(), body.violation(), body.facts(),
                        Traces.traceparent(exchange)))
                .map(s -> ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/orgs/enforcement-cases/" + s.enforcementCase().id()))
                        .eTag(Versions.etag(s.enforcementCase().version())).body(view(s)));
    }

    @GetMapping("/enforcement-cases/{id}")
    public Mono<ResponseEntity<CaseView>> enforcementCase(@PathVariable String id) {
        return CurrentPrincipal.require().flatMap(p -> service.enforcementCase(p, id)).map(this::ok);
    }

    @GetMapping("/enforcement-cases")
    public Mono<Page<CaseView>> cases(@RequestParam(required = false) String organizationId,
                                      @RequestParam(required = false, defaultValue = "false") boolean overdue,
                                      @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
        int n = Page.sizeOrRefuse(size);
        String after = Page.after(cursor);
        return CurrentPrincipal.require().flatMap(p -> service.cases(p, organizationId, overdue, after, n + 1).map(this::view).collectList())
                .map(l -> Page.slice(l, n, CaseView::id));
    }

    @PostMapping("/enforcement-cases/{id}/evidence")
    public Mono<ResponseEntity<CaseView>> evidence(@PathVariable String id, @RequestBody EvidenceBody body,
                                                   @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        return step(ifMatch, (p, v) -> service.recordEvidence(p, id, v, body.kind(), body.description(), Traces.traceparent(x)));
    }

    @PostMapping("/enforcement-cases/{id}/proposal")
    public Mono<ResponseEntity<CaseView>> propose(@PathVariable String id, @RequestBody ProposalBody body,
                                                  @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Penalty> penalties = penalties(body.penalties(), problems);
        ProblemTranslation.throwIfAny(problems);
        return step(ifMatch, (p, v) -> service.propose(p, id, v, body.severity(), penalties, body.reasons(), Traces.traceparent(x)));
    }

    @PostMapping("/enforcement-cases/{id}/notice")
    public Mono<ResponseEntity<CaseView>> notice(@PathVariable String id,
                                                 @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        return step(ifMatch, (p, v) -> service.serveNotice(p, id, v, Traces.traceparent(x)));
    }

    @PostMapping("/enforcement-cases/{id}/statements")
    public Mono<ResponseEntity<CaseView>> statement(@PathVariable String id, @RequestBody StatementBody body,
                                                    @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        return step(ifMatch, (p, v) -> service.recordStatement(p, id, v, body.text(), Boolean.TRUE.equals(body.defence()),
                Boolean.TRUE.equals(body.waivesHearing()), Traces.traceparent(x)));
    }

    @PostMapping("/enforcement-cases/{id}/hearing-request")
    public Mono<ResponseEntity<CaseView>> hearingRequest(@PathVariable String id,
                                                         @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        return step(ifMatch, (p, v) -> service.requestHearing(p, id, v, Traces.traceparent(x)));
    }

    @PostMapping("/enforcement-cases/{id}/hearing-schedule")
    public Mono<ResponseEntity<CaseView>> hearingSchedule(@PathVariable String id, @RequestBody HearingScheduleBody body,
                                                          @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                          ServerWebExchange x) {
        return step(ifMatch, (p, v) -> service.scheduleHearing(p, id, v, body.hearingDate(), body.place(), body.noticeDeliveredOn(),
                Traces.traceparent(x)));
    }

    @PostMapping("/enforcement-cases/{id}/hearing")
    public Mono<ResponseEntity<CaseView>> hearing(@PathVariable String id, @RequestBody HearingBody body,
                                                  @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        return step(ifMatch, (p, v) -> service.holdHearing(p, id, v, body.record(), Traces.traceparent(x)));
    }

    @PostMapping("/enforcement-cases/{id}/legal-review")
    public Mono<ResponseEntity<CaseView>> review(@PathVariable String id, @RequestBody ReviewBody body,
                                                 @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        if (body.approved() == null) {
            ProblemTranslation.throwIfAny(List.of(new FieldProblem("/approved", "REQUIRED", "请填写审核结论（同意或退回）")));
        }
        return step(ifMatch, (p, v) -> service.review(p, id, v, body.approved(), body.opinion(), Traces.traceparent(x)));
    }

    @PostMapping("/enforcement-cases/{id}/decision")
    public Mono<ResponseEntity<CaseView>> decide(@PathVariable String id, @RequestBody DecisionBody body,
                                                 @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Penalty> penalties = penalties(body.penalties(), problems);
        ProblemTranslation.throwIfAny(problems);
        return step(ifMatch, (p, v) -> service.decide(p, id, v, body.reference(), penalties, body.reasons(), Traces.traceparent(x)));
    }

    @PostMapping("/enforcement-cases/{id}/delivery")
    public Mono<ResponseEntity<CaseView>> deliver(@PathVariable String id,
                                                  @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        return step(ifMatch, (p, v) -> service.deliver(p, id, v, Traces.traceparent(x)));
    }

    @PostMapping("/enforcement-cases/{id}/execution")
    public Mono<ResponseEntity<CaseView>> execute(@PathVariable String id, @RequestBody(required = false) NoteBody body,
                                                  @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        return step(ifMatch, (p, v) -> service.execute(p, id, v, body == null ? null : body.note(), Traces.traceparent(x)));
    }

    @PostMapping("/enforcement-cases/{id}/closing")
    public Mono<ResponseEntity<CaseView>> close(@PathVariable String id, @RequestBody(required = false) NoteBody body,
                                                @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        return step(ifMatch, (p, v) -> service.close(p, id, v, body == null ? null : body.reason(), Traces.traceparent(x)));
    }

    /**
     * The published 行政处罚决定 (公示, no token): number, organization, facts in brief with personal data
     * masked, legal basis, penalties, date and the last day of the publication period; newest first.
     * {@code authority}: a 区划 code or prefix (all when absent).
     */
    @GetMapping("/public/penalty-decisions")
    public Mono<Page<PublishedDecision>> penaltyDecisions(@RequestParam(required = false) String authority,
                                                          @RequestParam(required = false) String cursor,
                                                          @RequestParam(required = false) Integer size) {
        if (authority != null && !authority.matches("\\d{2,12}")) {
            return Mono.error(ProblemTranslation.invalid(new FieldProblem("/authority", "INVALID_AUTHORITY", "请填写区划代码（2至12位数字的前缀），或不填以查看全部")));
        }
        return service.publishedDecisions(authority, Page.after(cursor), Page.sizeOrRefuse(size));
    }

    /** The published 裁量基准 (money in yuan). */
    @GetMapping("/public/discretion-benchmarks")
    public Map<String, Map<Severity, Map<String, Object>>> benchmarks() {
        Map<String, Map<Severity, Map<String, Object>>> out = new TreeMap<>();
        service.benchmarks().violations().forEach((violation, bands) -> {
            Map<Severity, Map<String, Object>> m = new TreeMap<>();
            bands.forEach((severity, b) -> m.put(severity, Map.of("kinds", b.kinds().stream().sorted().toList(),
                    "minFine", Fen.of(b.minFineFen()).yuan(), "maxFine", Fen.of(b.maxFineFen()).yuan(),
                    "maxSuspensionMonths", b.maxSuspensionMonths(), "legalBasis", b.legalBasis() == null ? "" : b.legalBasis())));
            out.put(violation, m);
        });
        return out;
    }

    private Mono<ResponseEntity<CaseView>> step(String ifMatch, BiFunction<Principal, Long, Mono<StoredCase>> action) {
        long version = Versions.parseIfMatch(ifMatch);
        return CurrentPrincipal.require().flatMap(p -> action.apply(p, version)).map(this::ok);
    }

    private ResponseEntity<CaseView> ok(StoredCase s) {
        return ResponseEntity.ok().eTag(Versions.etag(s.enforcementCase().version())).body(view(s));
    }

    private CaseView view(StoredCase s) {
        return CaseView.of(s, service.businessDate());
    }

    private static List<Penalty> penalties(List<PenaltyBody> bodies, List<FieldProblem> problems) {
        if (bodies == null) {
            return List.of();
        }
        List<Penalty> out = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            PenaltyBody b = bodies.get(i);
            if (b == null || b.kind() == null) {
                problems.add(new FieldProblem("/penalties/" + i + "/kind", "REQUIRED", "请填写处罚种类"));
                continue;
            }
            long fen = b.amount() == null ? 0 : AmountFields.fen(b.amount(), "/penalties/" + i + "/amount", problems);
            out.add(new Penalty(b.kind(), fen, b.months() == null ? 0 : b.months()));
        }
        return out;
    }
}
