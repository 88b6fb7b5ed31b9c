package cn.minzheng.org.spotcheck;

import cn.minzheng.org.organization.AuthorityLevel;

import java.util.List;
import java.util.Map;

/**
 * Minimum yearly share of an authority's own registrants to spot-check, in basis points
 * ([抽查] 《社会组织抽查暂行办法》民发〔2017〕45号: county 3 %, city 4 %, province 5 %, 民政部 10 %),
 * inspectors per organization (at least 2), and the largest population the plan-drawn event lists in
 * full (above it the event names the population by size and SHA-256 digest, so it stays far below
 * Kafka's 1 MB record limit; default 1000). The population is every registrant of the authority; the
 * configured {@code exclusions} (each with its source) leave some out, recorded with the draw.
 */
public record SpotCheckPolicy(Map<AuthorityLevel, Integer> minimumBasisPoints, int inspectorsPerOrganization,
                              Integer populationListLimit, List<PopulationExclusion> exclusions) {
    public static final int DEFAULT_POPULATION_LIST_LIMIT = 1000;

    public SpotCheckPolicy {
        if (inspectorsPerOrganization < 2) {
            throw new IllegalArgumentException("at least 2 inspectors per on-site check");
        }
        populationListLimit = populationListLimit == null ? DEFAULT_POPULATION_LIST_LIMIT : populationListLimit;
        if (populationListLimit < 0) {
            throw new IllegalArgumentException("population-list-limit must not be negative");
        }
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }

    public static SpotCheckPolicy defaults() {
        return new SpotCheckPolicy(Map.of(AuthorityLevel.COUNTY, 300, AuthorityLevel.CITY, 400,
                AuthorityLevel.PROVINCE, 500, AuthorityLevel.MINISTRY, 1000), 2, DEFAULT_POPULATION_LIST_LIMIT, List.of());
    }

    /** Whether the plan-drawn event lists a population of {@code size} in full. */
    public boolean listsPopulationOf(int size) {
        return size <= populationListLimit;
    }

    public int minimumFor(AuthorityLevel level) {
        return minimumBasisPoints.getOrDefault(level, 10_000);
    }
}
