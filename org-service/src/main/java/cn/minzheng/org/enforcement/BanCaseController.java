package cn.minzheng.org.enforcement;

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
import java.util.List;
import java.util.function.BiFunction;

/**
 * 取缔 cases against unregistered organizations (a name, no 统一社会信用代码): every step a sub-resource under
 * {@code If-Match}, as for a penalty case.
 */
@RestController
@RequestMapping("/api/v1/orgs")
public class BanCaseController {
    private final BanCaseService service;

    public BanCaseController(BanCaseService service) {
        this.service = service;
    }

    /** {@code authorityCode}: the 登记管理机关's 区划 code where the group acts (6, 9 or 12 digits, in the caller's region). */
    public record OpenBody(String authorityCode, String name, BanGround ground, String facts, String whereabouts, String principals) {
    }

    public record EvidenceBody(String kind, String description) {
    }

    public record ProposalBody(String reasons) {
    }

    /** {@code concluding}: the group's people say they have nothing to add (the statement period may end early). */
    public record StatementBody(String text, Boolean concluding) {
    }

    public record ReviewBody(Boolean approved, String opinion) {
    }

    public record DecisionBody(String reference, String reasons) {
    }

    /** {@code byAnnouncement}: 公告送达, when nobody of the group can be found. */
    public record DeliveryBody(Boolean byAnnouncement) {
    }

    /** {@code seized}: what was taken in (印章、标识、资料、财务凭证…); {@code note} when nothing was found. */
    public record ExecutionBody(List<String> seized, String note) {
    }

    public record ClosingBody(String reason) {
    }

    public record BanCaseView(String id, String name, String authorityCode, BanGround ground, String groundText, String facts,
                              String whereabouts, String principals, BanStatus status, LocalDate openedOn, LocalDate dueOn, boolean overdue,
                              List<EnforcementCase.Evidence> evidence, String proposalReasons, LocalDate noticeServedOn,
                              LocalDate statementDeadline, List<BanCase.Statement> statements, EnforcementCase.Review review,
                              BanCase.Decision decision, LocalDate deliveredOn, boolean deliveredByAnnouncement, LocalDate executedOn,
                              List<String> seized, LocalDate closedOn, String closingReason, long version) {
        static BanCaseView of(BanCase c, LocalDate today) {
            return new BanCaseView(c.id(), c.name(), c.authorityCode(), c.ground(), c.ground().text(), c.facts(), c.whereabouts(),
                    c.principals(), c.status(), c.openedOn(), c.dueOn(), c.overdue(today), c.evidence(), c.proposalReasons(),
                    c.noticeServedOn(), c.statementDeadline(), c.statements(), c.review(), c.decision(), c.deliveredOn(),
                    c.deliveredByAnnouncement(), c.executedOn(), c.seized(), c.closedOn(), c.closingReason(), c.version());
        }
    }

    @PostMapping("/ban-cases")
    public Mono<ResponseEntity<BanCaseView>> open(@RequestBody OpenBody body, ServerWebExchange exchange) {
        if (body.authorityCode() == null || !body.authorityCode().matches("\\d{6}(\\d{3}){0,2}")) {
            ProblemTranslation.throwIfAny(List.of(new FieldProblem("/authorityCode", "INVALID_AUTHORITY",
                    "请填写该组织活动地登记管理机关的区划代码（6、9或12位数字），须在您的辖区内")));
        }
        return CurrentPrincipal.require().flatMap(p -> service.open(p, body.authorityCode(), body.name(), body.ground(), body.facts(),
                        body.whereabouts(), body.principals(), Traces.traceparent(exchange)))
                .map(c -> ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/orgs/ban-cases/" + c.id()))
                        .eTag(Versions.etag(c.version())).body(view(c)));
    }

    @GetMapping("/ban-cases/{id}")
    public Mono<ResponseEntity<BanCaseView>> banCase(@PathVariable String id) {
        return CurrentPrincipal.require().flatMap(p -> service.banCase(p, id)).map(this::ok);
    }

    /** Cases of the caller's region, newest first; {@code overdue=true}: undecided past their due day. */
    @GetMapping("/ban-cases")
    public Mono<Page<BanCaseView>> cases(@RequestParam(required = false, defaultValue = "false") boolean overdue,
                                         @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
        int n = Page.sizeOrRefuse(size);
        String after = Page.after(cursor);
        return CurrentPrincipal.require().flatMap(p -> service.cases(p, overdue, after, n + 1).map(this::view).collectList())
                .map(l -> Page.slice(l, n, BanCaseView::id));
    }

    @PostMapping("/ban-cases/{id}/evidence")
    public Mono<ResponseEntity<BanCaseView>> evidence(@PathVariable String id, @RequestBody EvidenceBody body,
                                                      @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        return step(ifMatch, (p, v) -> service.recordEvidence(p, id, v, body.kind(), body.description(), Traces.traceparent(x)));
    }

    @PostMapping("/ban-cases/{id}/proposal")
    public Mono<ResponseEntity<BanCaseView>> propose(@PathVariable String id, @RequestBody ProposalBody body,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        return step(ifMatch, (p, v) -> service.propose(p, id, v, body.reasons(), Traces.traceparent(x)));
    }

    @PostMapping("/ban-cases/{id}/notice")
    public Mono<ResponseEntity<BanCaseView>> notice(@PathVariable String id,
                                                    @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        return step(ifMatch, (p, v) -> service.serveNotice(p, id, v, Traces.traceparent(x)));
    }

    @PostMapping("/ban-cases/{id}/statements")
    public Mono<ResponseEntity<BanCaseView>> statement(@PathVariable String id, @RequestBody StatementBody body,
                                                       @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        return step(ifMatch, (p, v) -> service.recordStatement(p, id, v, body.text(), Boolean.TRUE.equals(body.concluding()),
                Traces.traceparent(x)));
    }

    @PostMapping("/ban-cases/{id}/legal-review")
    public Mono<ResponseEntity<BanCaseView>> review(@PathVariable String id, @RequestBody ReviewBody body,
                                                    @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        if (body.approved() == null) {
            ProblemTranslation.throwIfAny(List.of(new FieldProblem("/approved", "REQUIRED", "请填写审核结论（同意或退回）")));
        }
        return step(ifMatch, (p, v) -> service.review(p, id, v, body.approved(), body.opinion(), Traces.traceparent(x)));
    }

    @PostMapping("/ban-cases/{id}/decision")
    public Mono<ResponseEntity<BanCaseView>> decide(@PathVariable String id, @RequestBody DecisionBody body,
                                                    @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        return step(ifMatch, (p, v) -> service.decide(p, id, v, body.reference(), body.reasons(), Traces.traceparent(x)));
    }

    @PostMapping("/ban-cases/{id}/delivery")
    public Mono<ResponseEntity<BanCaseView>> deliver(@PathVariable String id, @RequestBody(required = false) DeliveryBody body,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        boolean byAnnouncement = body != null && Boolean.TRUE.equals(body.byAnnouncement());
        return step(ifMatch, (p, v) -> service.deliver(p, id, v, byAnnouncement, Traces.traceparent(x)));
    }

    @PostMapping("/ban-cases/{id}/execution")
    public Mono<ResponseEntity<BanCaseView>> execute(@PathVariable String id, @RequestBody ExecutionBody body,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        return step(ifMatch, (p, v) -> service.execute(p, id, v, body.seized(), body.note(), Traces.traceparent(x)));
    }

    @PostMapping("/ban-cases/{id}/closing")
    public Mono<ResponseEntity<BanCaseView>> close(@PathVariable String id, @RequestBody(required = false) ClosingBody body,
                                                   @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange x) {
        return step(ifMatch, (p, v) -> service.close(p, id, v, body == null ? null : body.reason(), Traces.traceparent(x)));
    }

    private Mono<ResponseEntity<BanCaseView>> step(String ifMatch, BiFunction<Principal, Long, Mono<BanCase>> action) {
        long version = Versions.parseIfMatch(ifMatch);
        return CurrentPrincipal.require().flatMap(p -> action.apply(p, version)).map(this::ok);
    }

    private ResponseEntity<BanCaseView> ok(BanCase c) {
        return ResponseEntity.ok().eTag(Versions.etag(c.version())).body(view(c));
    }

    private BanCaseView view(BanCase c) {
        return BanCaseView.of(c, service.businessDate());
    }
}
