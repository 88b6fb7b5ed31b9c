package cn.minzheng.assistance.household;

import java.util.List;

/**
 * Deployment limits on a submission.
 *
 * @param knownRegionPrefixes 区划 prefixes this deployment serves
 * @param maxMembers          upper bound on listed members
 * @param maxAmountFen        upper bound on any single amount (income, asset value, request)
 * @param adultAge            age from which 核对授权 is required (18, 民法典§17)
 * @param minimumSpouseAge    lowest plausible age of a spouse (20, the lower 法定婚龄 of 民法典§1047)
 */
public record SubmissionLimits(List<String> knownRegionPrefixes, int maxMembers, long maxAmountFen,
                               int adultAge, int minimumSpouseAge) {
    public SubmissionLimits {
        knownRegionPrefixes = List.copyOf(knownRegionPrefixes);
    }

    public boolean regionKnown(String regionCode) {
        return knownRegionPrefixes.stream().anyMatch(regionCode::startsWith);
    }
}
