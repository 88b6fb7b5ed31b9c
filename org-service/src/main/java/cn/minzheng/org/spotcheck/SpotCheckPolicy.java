package cn.minzheng.org.spotcheck;

import cn.minzheng.org.registration.AuthorityLevel;

import java.util.Map;

/**
 * Minimum yearly share of an authority's own registrants to spot-check, in basis points
 * ([抽查] 《社会组织抽查暂行办法》民发〔2017〕45号: county 3 %, city 4 %, province 5 %, 民政部 10 %),
 * and inspectors per organization (at least 2).
 */
public record SpotCheckPolicy(Map<AuthorityLevel, Integer> minimumBasisPoints, int inspectorsPerOrganization) {

    public SpotCheckPolicy {
        if (inspectorsPerOrganization < 2) {
            throw new IllegalArgumentException("at least 2 inspectors per on-site check");
        }
    }

    public static SpotCheckPolicy defaults() {
        return new SpotCheckPolicy(Map.of(AuthorityLevel.COUNTY, 300, AuthorityLevel.CITY, 400,
                AuthorityLevel.PROVINCE, 500, AuthorityLevel.MINISTRY, 1000), 2);
    }

    public int minimumFor(AuthorityLevel level) {
        return minimumBasisPoints.getOrDefault(level, 10_000);
    }
}
