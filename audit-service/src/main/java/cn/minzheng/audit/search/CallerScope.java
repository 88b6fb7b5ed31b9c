package cn.minzheng.audit.search;

import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import cn.minzheng.platform.kit.security.Principal;
import cn.minzheng.platform.kit.security.Role;
import reactor.core.publisher.Mono;

/**
 * The caller and the region scope their token gives (web adapter side of {@link RegionScope}): every
 * read of the trail — timeline, search, statistics, exports, verification — goes through it, so an
 * AUDITOR reads only records of their region and a caller who is neither AUDITOR nor ADMIN gets 403.
 *
 * <p>The last of three gates on who may read the trail (a timeline in particular): the gateway's route
 * {@code audit} admits AUDITOR and ADMIN ({@code gateway/src/main/resources/application.yml}); this
 * service repeats that list in {@code minzheng.security.route-roles} of its {@code application.yml}
 * ({@link cn.minzheng.platform.kit.security.KitSecurityProperties.RouteRoles}; the gateway's
 * RouteRolesDriftTest keeps the two equal); then this scope, per query.
 *
 * @see RegionScope
 * @see cn.minzheng.audit.timeline.TimelineQuery
 */
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
