package cn.minzheng.assistance.household;

/**
 * A member's relation to the applicant, with the age gap that makes it plausible
 * (a parent at least 12 years older, a grandparent at least 24, and the reverse for children).
 */
public enum Relation {
    SELF(0), SPOUSE(0), CHILD(-12), PARENT(12), GRANDCHILD(-24), GRANDPARENT(24), SIBLING(0), OTHER(0);

    /** Years the member is at least older (positive) or younger (negative) than the applicant. */
    private final int minimumGapYears;

    Relation(int minimumGapYears) {
        this.minimumGapYears = minimumGapYears;
    }

    public boolean plausibleGap(int memberAge, int applicantAge) {
        int gap = memberAge - applicantAge;
        if (minimumGapYears > 0) {
            return gap >= minimumGapYears;
        }
        if (minimumGapYears < 0) {
            return gap <= minimumGapYears;
        }
        return true;
    }
}
