package cn.minzheng.org.spotcheck;

import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.ProblemTranslation;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.organization.RegistrationAuthority;
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

    /**
     * {@code seed} and {@code inspectors} are read only to refuse them: the server draws the seed and the
     * pool is the configured roster (issue 14).
     */
    public record DrawBody(String authorityCode, Integer year, Integer ratioBasisPoints, Set<OrganizationType> types,
                           Object seed, Object inspectors) {
    }

    /** 重新抽取: the written reason, published with both draws. */
    public record RedrawBody(String reason) {
    }

    public record ResultBody(String organizationId, Boolean problemsFound, String findings) {
    }

    public record PlanView(String id, String authorityCode, int year, List<OrganizationType> types, int ratioBasisPoints, String seed,
                           String method, Map<String, Object> filters, int populationSize, String populationDigest, List<String> population,
                           List<Inspector> inspectorPool,
                           List<DrawnView> drawn, SpotCheckPlan.PlanStatus status, LocalDate drawnOn, LocalDate publishedOn,
                           SpotCheckPlan.Lineage lineage, long version) {
        static PlanView of(StoredPlan s) {
            SpotCheckPlan p = s.plan();
            List<DrawnView> drawn = p.assignments().entrySet().stream().map(e -> {
                var o = s.drawn().get(e.getKey());
                var r = p.results().get(e.getKey());
                return new DrawnView(e.getKey(), o == null ? null : o.name(), o == null ? null : o.creditCode(), e.getValue(),
                        r == null ? null : r.problemsFound() ? "PROBLEMS_FOUND" : "NO_PROBLEMS", r == null ? null : r.findings(),
                        r == null ? null : r.inspectorId(), r == null ? null : r.checkedOn());
            }).toList();
            return new PlanView(p.id(), p.authorityCode(), p.year(), p.types(), p.ratioBasisPoints(), p.seed(), p.method(), s.filters(),
                    p.population().size(), p.populationDigest(), p.population(), p.inspectorPool(), drawn, p.status(), p.drawnOn(),
                    p.publishedOn(), p.lineage(), p.version());
        }
    }

    public record DrawnView(String organizationId, String name, String creditCode, List<String> inspectors, String result,
                            String findings, String recordedBy, LocalDate checkedOn) {
    }

    /**
     * 一公开: what the public sees — the method, seed and size of the draw and every result, no staff ids.
     * A SUPERSEDED plan (replaced by a redraw) shows its draw with {@code NOT_CHECKED} where no result was
     * recorded, the redraw that replaced it and the written reason; a redraw names the plan it replaced
     * and the reason.
     */
    public record PublicPlanView(String id, String authorityCode, int year, List<OrganizationType> types, int ratioBasisPoints,
                                 String seed, String method, int populationSize, List<PublicResult> results,
                                 SpotCheckPlan.PlanStatus status, LocalDate drawnOn, LocalDate publishedOn,
                                 String redrawOf, String redrawReason, String supersededBy, String supersededReason,
                                 LocalDate supersededOn, Integer registrants, List<PublicExclusion> exclusions) {
        static PublicPlanView of(StoredPlan s) {
            SpotCheckPlan p = s.plan();
            List<PublicResult> results = p.assignments().keySet().stream().map(id -> {
                var o = s.drawn().get(id);
                var r = p.results().get(id);
                return new PublicResult(o == null ? null : o.name(), o == null ? null : o.creditCode(),
                        r == null ? "NOT_CHECKED" : r.problemsFound() ? "PROBLEMS_FOUND" : "NO_PROBLEMS",
                        r == null ? null : r.findings(), r == null ? null : r.checkedOn());
            }).toList();
            var l = p.lineage();
            return new PublicPlanView(p.id(), p.authorityCode(), p.year(), p.types(), p.ratioBasisPoints(), p.seed(), p.method(),
                    p.population().size(), results, p.status(), p.drawnOn(), p.publishedOn(), l.redrawOf(), l.redrawReason(),
                    l.supersededBy(), l.supersededReason(), l.supersededOn(),
                    s.filters().get("registrants") instanceof Number n ? n.intValue() : null, PublicExclusion.of(s.filters()));
        }
    }

    /** One exclusion applied to the population of a draw: the rule in words, its source, whom it left out. */
    public record PublicExclusion(String rule, String reason, String source, int count, List<PublicResult> organizations) {
        static List<PublicExclusion> of(Map<String, Object> filters) {
            if (!(filters.get("exclusions") instanceof List<?> groups)) {
                return List.of(); // a plan drawn before exclusions were recorded (good standing only)
            }
            List<PublicExclusion> out = new ArrayList<>();
            for (Object g : groups) {
                if (g instanceof Map<?, ?> m) {
                    List<PublicResult> orgs = m.get("organizations") instanceof List<?> l ? l.stream().filter(Map.class::isInstance)
                            .map(o -> (Map<?, ?>) o)
                            .map(o -> new PublicResult(String.valueOf(o.get("name")), String.valueOf(o.get("creditCode")), "EXCLUDED", null, null))
                            .toList() : List.of();
                    out.add(new PublicExclusion(String.valueOf(m.get("rule")), String.valueOf(m.get("reason")), String.valueOf(m.get("source")),
                            orgs.size(), orgs));
                }
            }
            return out;
        }
    }

    public record PublicResult(String organizationName, String creditCode, String result, String findings, LocalDate checkedOn) {
    }

    @PostMapping("/spot-checks")
    public Mono<ResponseEntity<PlanView>> draw(@RequestBody DrawBody body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body.seed() != null) {
            problems.add(new FieldProblem("/seed", "SEED_NOT_ACCEPTED",
                    "随机种子只能由系统生成，随抽查计划记录并公开，不接受请求指定；请删除随机种子（/seed）后重新提交"));
        }
        if (body.inspectors() != null) {
            problems.add(new FieldProblem("/inspectors", "INSPECTORS_NOT_ACCEPTED",
                    "检查人员只能从本机关执法检查人员名录（含回避信息，由配置维护）中随机选派，不接受请求指定；请删除检查人员（/inspectors）后重新提交，名录有误请联系管理员"));
        }
        if (!RegistrationAuthority.isValidCode(body.authorityCode())) {
            problems.add(new FieldProblem("/authorityCode", "INVALID_AUTHORITY", "请填写登记管理机关的6位行政区划代码"));
        }
        if (body.year() == null || body.year() < 2000 || body.year() > 2100) {
            problems.add(new FieldProblem("/year", "REQUIRED", "请填写抽查年度"));
        }
        ProblemTranslation.throwIfAny(problems);
        Set<OrganizationType> types = body.types() == null || body.types().isEmpty() ? Set.of() : EnumSet.copyOf(body.types());
        return CurrentPrincipal.require().flatMap(p -> service.draw(p, body.authorityCode(), body.year(), body.ratioBasisPoints(),
                        types, Traces.traceparent(exchange)))
                .map(SpotCheckController::created);
    }

    /** 重新抽取 with a written reason (REGISTRAR, ADMIN); the replaced plan stays public as SUPERSEDED. */
    @PostMapping("/spot-checks/{id}/redraw")
    public Mono<ResponseEntity<PlanView>> redraw(@PathVariable String id, @RequestBody RedrawBody body, ServerWebExchange exchange) {
        return CurrentPrincipal.require().flatMap(p -> service.redraw(p, id, body.reason(), Traces.traceparent(exchange)))
                .map(SpotCheckController::created);
    }

    private static ResponseEntity<PlanView> created(StoredPlan s) {
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/orgs/spot-checks/" + s.plan().id()))
                .eTag(Versions.etag(s.plan().version())).body(PlanView.of(s));
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
        int n = Page.sizeOrRefuse(size);
        String after = Page.after(cursor);
        return service.published(authority, after, n + 1).map(PublicPlanView::of).collectList()
                .map(l -> Page.slice(l, n, PublicPlanView::id));
    }

    @GetMapping("/public/spot-checks/{id}")
    public Mono<PublicPlanView> publishedPlan(@PathVariable String id) {
        return service.publishedPlan(id).map(PublicPlanView::of);
    }
}
