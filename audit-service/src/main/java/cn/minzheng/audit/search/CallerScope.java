package cn.minzheng.audit.search;

import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import cn.minzheng.platform.kit.security.Principal;
import cn.minzheng.platform.kit.security.Role;
import reactor.core.publisher.Mono;

/** The caller and the region scope their token gives (web adapter side of {@link RegionScope}). */
public record CallerScope(Principal principal, RegionScope scope) {

    public static Mono<CallerScope> current() {
        return CurrentPrincipal.require().flatMap(p -> RegionScope.of(p.has(Role.ADMIN), p.has(Role.AUDITOR), p.region())
                .map(scope -> Mono.just(new CallerScope(p, scope)))
                .orElseGet(() -> Mono.error(new ForbiddenProblem())));
    }

    /** The query narrowed to the scope; asking outside the scope is forbidden. */
    public RecordQuery narrow(RecordQuery q) {
        return scope.narrow(q.region()).map(q::withRegion)
                .orElseThrow(() -> new ForbiddenProblem("region-out-of-scope", q.region()));
    }
}
