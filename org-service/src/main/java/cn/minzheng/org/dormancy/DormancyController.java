package cn.minzheng.org.dormancy;

import cn.minzheng.org.organization.RegistrationAuthority;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.ProblemTranslation;
import cn.minzheng.org.web.Page;
import cn.minzheng.org.web.Traces;
import cn.minzheng.platform.kit.concurrency.Versions;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
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

import java.util.ArrayList;
import java.util.List;

/** Zombie detection: the dormancy sweep of an authority and the inspection tasks it opens. */
@RestController
@RequestMapping("/api/v1/orgs")
public class DormancyController {
    private final DormancyService service;

    public DormancyController(DormancyService service) {
        this.service = service;
    }

    public record SweepBody(String authorityCode) {
    }

    /** What the inspector found, and whether the organization is dormant indeed. */
    public record ClosingBody(String findings, Boolean dormant) {
    }

    @PostMapping("/dormancy-sweeps")
    public Mono<ResponseEntity<DormancySweep>> start(@RequestBody SweepBody body) {
        if (!RegistrationAuthority.isValidCode(body.authorityCode())) {
            ProblemTranslation.throwIfAny(List.of(new FieldProblem("/authorityCode", "INVALID_AUTHORITY", "请填写登记管理机关的6位行政区划代码")));
        }
        return CurrentPrincipal.require().flatMap(p -> service.start(p, body.authorityCode()))
                .map(s -> ResponseEntity.status(HttpStatus.ACCEPTED).body(s));
    }

    @GetMapping("/dormancy-sweeps/{id}")
    public Mono<DormancySweep> sweep(@PathVariable String id) {
        return CurrentPrincipal.require().flatMap(p -> service.sweep(p, id));
    }

    @GetMapping("/inspection-tasks")
    public Mono<Page<InspectionTask>> tasks(@RequestParam(required = false) String authority,
                                            @RequestParam(required = false) TaskStatus status,
                                            @RequestParam(required = false) String cursor,
                                            @RequestParam(required = false) Integer size) {
        if (authority != null && !authority.matches("\\d{2,6}")) {
            ProblemTranslation.throwIfAny(List.of(new FieldProblem("/authority", "INVALID_AUTHORITY", "请填写区划代码（前缀）")));
        }
        return CurrentPrincipal.require().flatMap(p -> service.tasks(p, authority, status, Page.after(cursor), Page.sizeOrRefuse(size)));
    }

    @GetMapping("/inspection-tasks/{id}")
    public Mono<ResponseEntity<InspectionTask>> task(@PathVariable String id) {
        return CurrentPrincipal.require().flatMap(p -> service.task(p, id)).map(DormancyController::ok);
    }

    @PostMapping("/inspection-tasks/{id}/closing")
    public Mono<ResponseEntity<InspectionTask>> close(@PathVariable String id, @RequestBody ClosingBody body,
                                                      @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                      ServerWebExchange exchange) {
        long version = Versions.parseIfMatch(ifMatch);
        List<FieldProblem> problems = new ArrayList<>();
        if (body.dormant() == null) {
            problems.add(new FieldProblem("/dormant", "REQUIRED", "请填写核查结论：是否确属未开展活动"));
        }
        ProblemTranslation.throwIfAny(problems);
        return CurrentPrincipal.require().flatMap(p -> service.close(p, id, version, body.findings(), body.dormant(), Traces.traceparent(exchange)))
                .map(DormancyController::ok);
    }

    private static ResponseEntity<InspectionTask> ok(InspectionTask t) {
        return ResponseEntity.ok().eTag(Versions.etag(t.version())).body(t);
    }
}
