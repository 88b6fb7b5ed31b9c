package cn.minzheng.org.web;

import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.security.AccessPolicy;
import cn.minzheng.platform.kit.security.Principal;

/**
 * The platform's rule for a matter outside the caller's region (docs/contracts.md, "Status codes"; issue
 * 16 item 1): it answers exactly as a missing one — 404 {@code not-found} with the same resource and id —
 * so region scope is no existence oracle. 403 stays for what the caller may know exists but may not do
 * (a role not admitted, 回避 on one's own organization).
 */
public final class RegionScope {
    private RegionScope() {
    }

    /** The kit's region-and-ownership rule ({@link AccessPolicy#mayActOn}); a 404 as for a missing {@code resource} when it says no. */
    public static void requireVisible(Principal p, String region, String ownerSubject, String resource, String id) {
        if (!AccessPolicy.mayActOn(p, region, ownerSubject)) {
            throw new NotFoundProblem(resource, id);
        }
    }

    /** Staff of the matter's region (or ADMIN) only; a 404 as for a missing {@code resource} otherwise. */
    public static void requireInRegion(Principal p, String region, String resource, String id) {
        if (!AccessPolicy.mayActInRegion(p, region)) {
            throw new NotFoundProblem(resource, id);
        }
    }
}
