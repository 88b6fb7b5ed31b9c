package cn.minzheng.audit.projection;

import cn.minzheng.audit.search.CallerScope;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.security.Role;
import reactor.core.publisher.Mono;

/** Who may see and rebuild the record-count projection: AUDITOR and ADMIN see it, ADMIN rebuilds it. */
public class RecordCountAdmin {

    private final RecordCountProjection counts;

    public RecordCountAdmin(RecordCountProjection counts) {
        this.counts = counts;
    }

    public Mono<ProjectionStateView> view() {
        return CallerScope.current().then(counts.view());
    }

    public Mono<ProjectionStateView> rebuild() {
        return CallerScope.current().flatMap(caller -> caller.principal().has(Role.ADMIN)
                ? counts.rebuild(caller.principal().subject())
                : Mono.error(new ForbiddenProblem("projection-rebuild-admin-only")));
    }
}
