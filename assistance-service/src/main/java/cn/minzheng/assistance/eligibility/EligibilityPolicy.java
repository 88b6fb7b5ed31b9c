package cn.minzheng.assistance.eligibility;

/**
 * Local eligibility figures (configuration, source named in application.yml).
 *
 * @param financialAssetMonths     per-capita financial assets at most this many months of the 低保 standard
 * @param maxHomes                 homes a household may own
 * @param maxVehicles              vehicles a household may own
 * @param tekunMultiplePercent     特困 basic standard as a percentage of the 低保 standard when no 特困 standard is published
 * @param edgeMultiplePercent      低保边缘 threshold as a percentage of the 低保 standard (150 %)
 * @param temporaryCapMonths       临时救助 at most this many months of the 低保 standard per award
 * @param tekunMinAge              age from which a person counts as without labour capacity (60)
 * @param tekunMaxMinorAge         below this age a person counts as without labour capacity (18)
 */
public record EligibilityPolicy(int financialAssetMonths, int maxHomes, int maxVehicles, int tekunMultiplePercent,
                                int edgeMultiplePercent, int temporaryCapMonths, int tekunMinAge,
                                int tekunMaxMinorAge) {
    public static EligibilityPolicy typical() {
        return new EligibilityPolicy(24, 1, 0, 130, 150, 6, 60, 18);
    }
}
