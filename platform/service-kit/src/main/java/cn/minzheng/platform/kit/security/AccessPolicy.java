package cn.minzheng.platform.kit.security;

import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import java.util.Arrays;

/**
 * The one rule for "may this principal act on a case of region R owned by subject S":
 * <ul>
 *   <li>{@code ADMIN}: always;</li>
 *   <li>anyone on a case they own (citizens and organization agents only on those);</li>
 *   <li>staff roles: when the case's region code starts with the region claim of their token
 *       (no region claim → nothing, fail closed).</li>
 * </ul>
 * Role checks for the action itself (who may approve, ...) are separate: see {@link #requireAnyRole}.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    public static boolean mayActOn(Principal principal, String caseRegion, String ownerSubject) {
        if (principal == null) {
            return false;
        }
        if (principal.isAdmin()) {
            return true;
        }
        if (ownerSubject != null && ownerSubject.equals(principal.subject())) {
            return true;
        }
        return principal.isStaff() && inRegion(principal.region(), caseRegion);
    }

    /** Like {@link #mayActOn} but throws a 403 {@link ForbiddenProblem} when not allowed. */
    public static void requireMayActOn(Principal principal, String caseRegion, String ownerSubject) {
        if (!mayActOn(principal, caseRegion, ownerSubject)) {
            // recorded under the case's region as well: its auditors see who probed it
            throw ForbiddenProblem.onCaseIn(caseRegion, ForbiddenProblem.CODE);
        }
    }

    /** May a staff member act in this region at all (e.g. create a case there)? */
    public static boolean mayActInRegion(Principal principal, String regionCode) {
        if (principal == null) {
            return false;
        }
        return principal.isAdmin() || (principal.isStaff() && inRegion(principal.region(), regionCode));
    }

    /**
     * 回避: nobody acts as staff — accepts, investigates, decides, approves — on a case they own (its
     * applicant, the agent of the organization concerned, the party), ADMIN included. Throws a 403
     * {@code code} naming {@code caseRef}, recorded under the case's region; the service's message says
     * that another staff member must act.
     *
     * @param ownerSubjects the token subjects linked to the case (nulls ignored)
     */
    public static void requireNotOwnCase(Principal principal, String caseRegion, java.util.Collection<String> ownerSubjects,
                                         String code, String caseRef) {
        if (principal != null && ownerSubjects.stream().anyMatch(principal.subject()::equals)) {
            throw ForbiddenProblem.onCaseIn(caseRegion, code, caseRef);
        }
    }

    public static void requireAnyRole(Principal principal, Role... roles) {
        if (principal == null || !(principal.isAdmin() || principal.hasAny(Arrays.asList(roles)))) {
            throw new ForbiddenProblem("forbidden");
        }
    }

    /** The list filter for this principal; a store adapter turns it into a query. */
    public static AccessScope scopeOf(Principal principal) {
        if (principal == null) {
            return new AccessScope.Nothing();
        }
        if (principal.isAdmin()) {
            return new AccessScope.All();
        }
        if (principal.isStaff()) {
            return principal.region() == null ? new AccessScope.Nothing()
                    : new AccessScope.RegionPrefix(principal.region());
        }
        return new AccessScope.OwnedBy(principal.subject());
    }

    private static boolean inRegion(String regionClaim, String caseRegion) {
        return regionClaim != null && !regionClaim.isBlank() && caseRegion != null
                && caseRegion.startsWith(regionClaim);
    }
}
