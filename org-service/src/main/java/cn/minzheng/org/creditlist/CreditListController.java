package cn.minzheng.org.creditlist;

import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.ProblemTranslation;
import cn.minzheng.org.web.Page;
import cn.minzheng.platform.kit.concurrency.Versions;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/** The public 活动异常名录 and 严重违法失信名单; removal on application; the removal / escalation sweep. */
@RestController
@RequestMapping("/api/v1/orgs")
public class CreditListController {
    private final CreditListService service;

    public CreditListController(CreditListService service) {
        this.service = service;
    }

    public record SweepBody(String authorityCode) {
    }

    /** {@code list} absent: both lists; {@code creditCode} exact; {@code name} part of the organization's name. */
    @GetMapping("/public/credit-lists")
    public Mono<Page<CreditListStore.PublicEntry>> listed(@RequestParam(required = false) CreditList list,
                                                          @RequestParam(required = false) String authority,
                                                          @RequestParam(required = false) String creditCode,
                                                          @RequestParam(required = false) String name,
                                                          @RequestParam(required = false) String cursor,
                                                          @RequestParam(required = false) Integer size) {
        return service.publicPage(list, authority, creditCode, name, Page.after(cursor), Page.sizeOrRefuse(size));
    }

    @GetMapping("/credit-list-entries/{id}")
    public Mono<ResponseEntity<CreditListEntry>> entry(@PathVariable String id) {
        return CurrentPrincipal.require().flatMap(p -> service.entry(p, id)).map(CreditListController::ok);
    }

    /** 申请移出 (ORG_AGENT of the organization), once what was wrong is fixed. */
    @PostMapping("/credit-list-entries/{id}/removal-application")
    public Mono<ResponseEntity<CreditListEntry>> apply(@PathVariable String id,
                                                       @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        long version = Versions.parseIfMatch(ifMatch);
        return CurrentPrincipal.require().flatMap(p -> service.applyForRemoval(p, id, version)).map(CreditListController::ok);
    }

    /** The registrar verified the fix and removes the entry. */
    @PostMapping("/credit-list-entries/{id}/removal")
    public Mono<ResponseEntity<CreditListEntry>> remove(@PathVariable String id,
                                                        @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        long version = Versions.parseIfMatch(ifMatch);
        return CurrentPrincipal.require().flatMap(p -> service.verifyRemoval(p, id, version)).map(CreditListController::ok);
    }

    /** Removes entries whose period has run and escalates 2-year 异常名录 entries; meant to run daily; re-runnable. */
    @PostMapping("/credit-lists/sweep")
    public Mono<SweepRun.Counts> sweep(@RequestBody SweepBody body) {
        if (body.authorityCode() == null || !body.authorityCode().matches("\\d{2,6}")) {
            ProblemTranslation.throwIfAny(List.of(new FieldProblem("/authorityCode", "INVALID_AUTHORITY", "请填写区划代码（前缀）")));
        }
        return CurrentPrincipal.require().flatMap(p -> service.sweep(p, body.authorityCode()));
    }

    private static ResponseEntity<CreditListEntry> ok(CreditListService.OwnedEntry o) {
        return ResponseEntity.ok().eTag(Versions.etag(o.entry().version())).body(o.entry());
    }
}
