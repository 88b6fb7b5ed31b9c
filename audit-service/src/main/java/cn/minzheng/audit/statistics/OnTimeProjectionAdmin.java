package cn.minzheng.audit.statistics;

import cn.minzheng.audit.projection.ProjectionStateView;
import cn.minzheng.audit.search.CallerScope;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.security.Role;
import reactor.core.publisher.Mono;

/** Who may see and rebuild the on-time projection: AUDITOR and ADMIN see it, ADMIN rebuilds it. */
public class OnTimeProjectionAdmin {

    private final OnTimeProjection projection;

    public OnTimeProjectionAdmin(OnTimeProjection projection) {
        this.projection = projection;
    }

    public Mono<ProjectionStateView> view() {
        return CallerScope.current().then(projection.view());
    }

    public Mono<ProjectionStateView> rebuild() {
        return CallerScope.current().flatMap(caller -> caller.principal().has(Role.ADMIN)
                ? projection.rebuild(caller.principal().subject())
                : Mono.error(new ForbiddenProblem("projection-rebuild-admin-only")));
    }
}
