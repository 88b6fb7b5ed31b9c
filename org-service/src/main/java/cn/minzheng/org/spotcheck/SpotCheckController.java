package cn.minzheng.org.spotcheck;

import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.ProblemTranslation;
import cn.minzheng.org.registration.OrganizationType;
import cn.minzheng.org.registration.RegistrationAuthority;
import cn.minzheng.org.spotcheck.SpotCheckStore.StoredPlan;
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

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** 双随机、一公开 spot checks: draw, replay, results, publication and the public results. */
@RestController
@RequestMapping("/api/v1/orgs")
public class SpotCheckController {
    private final SpotCheckService service;

    public SpotCheckController(SpotCheckService service) {
        this.service = service;
    }

    public record InspectorBody(String id, Set<String> conflictsWith) {
    }

    /** {@code inspectors} null: the configured pool of the authority. */
    public record DrawBody(String authorityCode, Integer year, Integer ratioBasisPoints, String seed, Set<OrganizationType> types,
                           List<InspectorBody> inspectors) {
    }

    public record ResultBody(String organizationId, Boolean problemsFound, String findings) {
    }

    public record PlanView(String id, String authorityCode, int year, int ratioBasisPoints, String seed, String method,
                           Map<String, Object> filters, int populationSize, String populationDigest, List<String> population,
                           List<Inspector> inspectorPool,
                           List<DrawnView> drawn, SpotCheckPlan.PlanStatus status, LocalDate drawnOn, LocalDate publishedOn,
                           long version) {
        static PlanView of(StoredPlan s) {
            SpotCheckPlan p = s.plan();
            List<DrawnView> drawn = p.assignments().entrySet().stream().map(e -> {
                var o = s.drawn().get(e.getKey());
                var r = p.results().get(e.getKey());
                return new DrawnView(e.getKey(), o == null ? null : o.name(), o == null ? null : o.creditCode(), e.getValue(),
                        r == null ? null : r.problemsFound() ? "PROBLEMS_FOUND" : "NO_PROBLEMS", r == null ? null : r.findings(),
                        r == null ? null : r.inspectorId(), r == null ? null : r.checkedOn());
            }).toList();
            return new PlanView(p.id(), p.authorityCode(), p.year(), p.ratioBasisPoints(), p.seed(), p.method(), s.filters(),
                    p.population().size(), p.populationDigest(), p.population(), p.inspectorPool(), drawn, p.status(), p.drawnOn(), p.publishedOn(), p.version());
        }
    }

    public record DrawnView(String organizationId, String name, String creditCode, List<String> inspectors, String result,
                            String findings, String recordedBy, LocalDate checkedOn) {
    }

    /** 一公开: what the public sees — the method, seed and size of the draw and every result, no staff ids. */
    public record PublicPlanView(String id, String authorityCode, int year, int ratioBasisPoints, String seed, String method,
                                 int populationSize, List<PublicResult> results, LocalDate drawnOn, LocalDate publishedOn) {
        static PublicPlanView of(StoredPlan s) {
            SpotCheckPlan p = s.plan();
            List<PublicResult> results = p.assignments().keySet().stream().map(id -> {
                var o = s.drawn().get(id);
                var r = p.results().get(id);
                return new PublicResult(o == null ? null : o.name(), o == null ? null : o.creditCode(),
                        r.problemsFound() ? "PROBLEMS_FOUND" : "NO_PROBLEMS", r.findings(), r.checkedOn());
            }).toList();
            return new PublicPlanView(p.id(), p.authorityCode(), p.year(), p.ratioBasisPoints(), p.seed(), p.method(),
                    p.population().size(), results, p.drawnOn(), p.publishedOn());
        }
    }

    public record PublicResult(String organizationName, String creditCode, String result, String findings, LocalDate checkedOn) {
    }

    @PostMapping("/spot-checks")
    public Mono<ResponseEntity<PlanView>> draw(@RequestBody DrawBody body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!RegistrationAuthority.isValidCode(body.authorityCode())) {
            problems.add(new FieldProblem("/authorityCode", "INVALID_AUTHORITY", "请填写登记管理机关的6位行政区划代码"));
        }
        if (body.year() == null || body.year() < 2000 || body.year() > 2100) {
            problems.add(new FieldProblem("/year", "REQUIRED", "请填写抽查年度"));
        }
        if (body.seed() != null && (body.seed().isBlank() || body.seed().length() > 128)) {
            problems.add(new FieldProblem("/seed", "INVALID_SEED", "随机种子应为1至128个字符；不填则由系统生成并记录"));
        }
        List<Inspector> inspectors = null;
        if (body.inspectors() != null) {
            inspectors = new ArrayList<>();
            for (int i = 0; i < body.inspectors().size(); i++) {
                InspectorBody b = body.inspectors().get(i);
                if (b == null || b.id() == null || b.id().isBlank()) {
                    problems.add(new FieldProblem("/inspectors/" + i + "/id", "REQUIRED", "请填写检查人员标识"));
                } else {
                    inspectors.add(new Inspector(b.id(), b.conflictsWith()));
                }
            }
        }
        ProblemTranslation.throwIfAny(problems);
        Set<OrganizationType> types = body.types() == null || body.types().isEmpty() ? Set.of() : EnumSet.copyOf(body.types());
        List<Inspector> pool = inspectors;
        return CurrentPrincipal.require().flatMap(p -> service.draw(p, body.authorityCode(), body.year(), body.ratioBasisPoints(),
                        body.seed(), types, pool, Traces.traceparent(exchange)))
                .map(s -> ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/orgs/spot-checks/" + s.plan().id()))
                        .eTag(Versions.etag(s.plan().version())).body(PlanView.of(s)));
    }

    @GetMapping("/spot-checks/{id}")
    public Mono<ResponseEntity<PlanView>> plan(@PathVariable String id) {
        return CurrentPrincipal.require().flatMap(p -> service.plan(p, id))
                .map(s -> ResponseEntity.ok().eTag(Versions.etag(s.plan().version())).body(PlanView.of(s)));
    }

    /** Re-runs the recorded draw (AUDITOR and staff of the region); nothing is changed. */
    @PostMapping("/spot-checks/{id}/replay")
    public Mono<SpotCheckService.Replay> replay(@PathVariable String id) {
        return CurrentPrincipal.require().flatMap(p -> service.replay(p, id));
    }

    @PostMapping("/spot-checks/{id}/results")
    public Mono<ResponseEntity<PlanView>> result(@PathVariable String id, @RequestBody ResultBody body,
                                                 @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                 ServerWebExchange exchange) {
        long version = Versions.parseIfMatch(ifMatch);
        List<FieldProblem> problems = new ArrayList<>();
        if (body.organizationId() == null || body.organizationId().isBlank()) {
            problems.add(new FieldProblem("/organizationId", "REQUIRED", "请填写被检查的组织"));
        }
        if (body.problemsFound() == null) {
            problems.add(new FieldProblem("/problemsFound", "REQUIRED", "请填写是否发现问题"));
        }
        if (Boolean.TRUE.equals(body.problemsFound()) && (body.findings() == null || body.findings().isBlank())) {
            problems.add(new FieldProblem("/findings", "REQUIRED", "发现问题的，须写明检查发现"));
        }
        ProblemTranslation.throwIfAny(problems);
        return CurrentPrincipal.require().flatMap(p -> service.recordResult(p, id, version, body.organizationId(), body.problemsFound(),
                        body.findings(), Traces.traceparent(exchange)))
                .map(s -> ResponseEntity.ok().eTag(Versions.etag(s.plan().version())).body(PlanView.of(s)));
    }

    @PostMapping("/spot-checks/{id}/publication")
    public Mono<ResponseEntity<PlanView>> publish(@PathVariable String id,
                                                  @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                  ServerWebExchange exchange) {
        long version = Versions.parseIfMatch(ifMatch);
        return CurrentPrincipal.require().flatMap(p -> service.publish(p, id, version, Traces.traceparent(exchange)))
                .map(s -> ResponseEntity.ok().eTag(Versions.etag(s.plan().version())).body(PlanView.of(s)));
    }

    @GetMapping("/public/spot-checks")
    public Mono<Page<PublicPlanView>> published(@RequestParam(required = false) String authority,
                                                @RequestParam(required = false) String cursor,
                                                @RequestParam(required = false) Integer size) {
        int n = Page.boundedSize(size);
        return service.published(authority, cursor, n + 1).map(PublicPlanView::of).collectList()
                .map(l -> l.size() > n ? new Page<>(l.subList(0, n), l.get(n - 1).id()) : new Page<>(l, null));
    }

    @GetMapping("/public/spot-checks/{id}")
    public Mono<PublicPlanView> publishedPlan(@PathVariable String id) {
        return service.publishedPlan(id).map(PublicPlanView::of);
    }
}
