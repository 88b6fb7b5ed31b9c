package cn.minzheng.org.naming;

import java.time.LocalDate;

/**
 * A name an organization holds or held. A released name keeps blocking the claim for a while:
 * 1 year after a rename or 注销, 3 years after 撤销.
 */
public record NameRecord(NameClaim claim, String fullName, String organizationId, NameState state,
                         LocalDate releasedOn) {

    public enum NameState {
        IN_USE, RELEASED_BY_RENAME, RELEASED_BY_DEREGISTRATION, RELEASED_BY_REVOCATION
    }

    /** The first day on which this record no longer blocks its claim; null while in use. */
    public LocalDate freeFrom(NamePolicy policy) {
        return switch (state) {
            case IN_USE -> null;
            case RELEASED_BY_RENAME, RELEASED_BY_DEREGISTRATION -> releasedOn.plus(policy.blockedAfterRenameOrDeregistration());
            case RELEASED_BY_REVOCATION -> releasedOn.plus(policy.blockedAfterRevocation());
        };
    }

    public boolean blocks(LocalDate on, NamePolicy policy) {
        LocalDate free = freeFrom(policy);
        return free == null || on.isBefore(free);
    }
}
