package cn.minzheng.org.annualinspection;

import cn.minzheng.org.organization.RegistrationAuthority;
import cn.minzheng.org.problems.AmountFields;
import cn.minzheng.platform.codes.money.Fen;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.ProblemTranslation;
import cn.minzheng.platform.kit.concurrency.Versions;
import cn.minzheng.org.web.Traces;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** 年检: campaigns and their sweep, annual reports and grading. */
@RestController
@RequestMapping("/api/v1/orgs")
public class InspectionController {
    private final InspectionService service;

    public InspectionController(InspectionService service) {
        this.service = service;
    }

    public record CampaignBody(String authorityCode, Integer year) {
    }

    public record FinancesBody(String income, String expenditure, String netAssets) {
    }

    public record ReportBody(Integer year, Boolean boardElectedOnTime, String governance, String activities, FinancesBody finances,
                             String auditedReportReference) {
    }

    public record GradingBody(Grade grade, List<String> findings, String rectificationOrder, LocalDate rectificationDue) {
    }

    public record ReportView(String id, String organizationId, int year, ReportStatus status, Grade grade, List<String> findings,
                             String rectificationOrder, LocalDate rectificationDue, String income, String expenditure,
                             String netAssets, LocalDate filedOn, long version) {
        static ReportView of(AnnualReport r) {
            return new ReportView(r.id(), r.organizationId(), r.year(), r.status(), r.grade(), r.findings(), r.rectificationOrder(),
                    r.rectificationDue(), Fen.of(r.finances().incomeFen()).yuan(), Fen.of(r.finances().expenditureFen()).yuan(),
                    Fen.of(r.finances().netAssetsFen()).yuan(), r.filedOn(), r.version());
        }
    }

    @PostMapping("/inspection-campaigns")
    public Mono<ResponseEntity<InspectionCampaign>> open(@RequestBody CampaignBody body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!RegistrationAuthority.isValidCode(body.authorityCode())) {
            problems.add(new FieldProblem("/authorityCode", "INVALID_AUTHORITY", "请填写登记管理机关的6位行政区划代码"));
        }
        if (body.year() == null) {
            problems.add(new FieldProblem("/year", "REQUIRED", "请填写年检年度"));
        }
        ProblemTranslation.throwIfAny(problems);
        return CurrentPrincipal.require().flatMap(p -> service.open(p, body.authorityCode(), body.year(), Traces.traceparent(exchange)))
                .map(c -> ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/orgs/inspection-campaigns/" + c.id()))
                        .eTag(Versions.etag(c.version())).body(c));
    }

    @GetMapping("/inspection-campaigns/{id}")
    public Mono<ResponseEntity<InspectionCampaign>> campaign(@PathVariable String id) {
        return CurrentPrincipal.require().flatMap(p -> service.campaign(p, id))
                .map(c -> ResponseEntity.ok().eTag(Versions.etag(c.version())).body(c));
    }

    /** Starts (or re-runs) the after-deadline sweep; 202, follow {@code progress} on the campaign. */
    @PostMapping("/inspection-campaigns/{id}/sweep")
    public Mono<ResponseEntity<InspectionCampaign>> sweep(@PathVariable String id,
                                                          @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        long version = Versions.parseIfMatch(ifMatch);
        return CurrentPrincipal.require().flatMap(p -> service.startSweep(p, id, version))
                .map(c -> ResponseEntity.accepted().location(URI.create("/api/v1/orgs/inspection-campaigns/" + c.id()))
                        .eTag(Versions.etag(c.version())).body(c));
    }

    @PostMapping("/organizations/{id}/annual-reports")
    public Mono<ResponseEntity<ReportView>> file(@PathVariable String id, @RequestBody ReportBody body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body.year() == null) {
            problems.add(new FieldProblem("/year", "REQUIRED", "请填写报告年度"));
        }
        Finances finances = body.finances() == null ? null : new Finances(AmountFields.fen(body.finances().income(), "/finances/income", problems),
                AmountFields.fen(body.finances().expenditure(), "/finances/expenditure", problems), AmountFields.signedFen(body.finances().netAssets(), "/finances/netAssets", problems));
        ProblemTranslation.throwIfAny(problems);
        return CurrentPrincipal.require().flatMap(p -> service.file(p, id, body.year(), Boolean.TRUE.equals(body.boardElectedOnTime()),
                        body.governance(), body.activities(), finances, body.auditedReportReference(), Traces.traceparent(exchange)))
                .map(r -> ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/orgs/annual-reports/" + r.id()))
                        .eTag(Versions.etag(r.version())).body(ReportView.of(r)));
    }

    @GetMapping("/annual-reports/{id}")
    public Mono<ResponseEntity<ReportView>> report(@PathVariable String id) {
        return CurrentPrincipal.require().flatMap(p -> service.report(p, id))
                .map(r -> ResponseEntity.ok().eTag(Versions.etag(r.version())).body(ReportView.of(r)));
    }

    @PostMapping("/annual-reports/{id}/grading")
    public Mono<ResponseEntity<ReportView>> grade(@PathVariable String id, @RequestBody GradingBody body,
                                                  @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                  ServerWebExchange exchange) {
        long version = Versions.parseIfMatch(ifMatch);
        return CurrentPrincipal.require().flatMap(p -> service.grade(p, id, version, body.grade(), body.findings(),
                        body.rectificationOrder(), body.rectificationDue(), Traces.traceparent(exchange)))
                .map(r -> ResponseEntity.ok().eTag(Versions.etag(r.version())).body(ReportView.of(r)));
    }

}
