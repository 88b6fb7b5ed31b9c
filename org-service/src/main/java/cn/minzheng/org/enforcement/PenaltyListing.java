package cn.minzheng.org.enforcement;

import cn.minzheng.org.creditlist.EntryGround;

import java.util.List;
import java.util.Optional;

/**
 * Which credit list a delivered penalty decision puts the organization on ([信用] 民政部令60): 撤销,
 * 限期停止活动, a fine ≥ 5万 or a second warning / small fine within 3 years → 严重违法失信名单; a
 * first warning or fine &lt; 5万 → 活动异常名录; other measures alone → neither.
 */
public final class PenaltyListing {
    private PenaltyListing() {
    }

    /**
     * @param earlierSmallPenalties warnings or fines below the threshold decided against the same organization
     *                              within the repeat window before this decision
     */
    public static Optional<EntryGround> groundFor(List<Penalty> decided, int earlierSmallPenalties, EnforcementPolicy policy) {
        if (has(decided, PenaltyKind.REVOCATION)) {
            return Optional.of(EntryGround.REGISTRATION_REVOKED);
        }
        if (has(decided, PenaltyKind.SUSPENSION)) {
            return Optional.of(EntryGround.ORDERED_TO_STOP);
        }
        if (decided.stream().anyMatch(p -> p.kind() == PenaltyKind.FINE && p.amountFen() >= policy.largeFineFen())) {
            return Optional.of(EntryGround.LARGE_FINE);
        }
        if (small(decided, policy)) {
            return Optional.of(earlierSmallPenalties >= 1 ? EntryGround.REPEATED_PENALTIES : EntryGround.WARNING_OR_SMALL_FINE);
        }
        return Optional.empty();
    }

    /** A warning or a fine below the large-fine threshold. */
    public static boolean small(List<Penalty> decided, EnforcementPolicy policy) {
        return decided.stream().anyMatch(p -> p.kind() == PenaltyKind.WARNING
                || (p.kind() == PenaltyKind.FINE && p.amountFen() < policy.largeFineFen()));
    }

    private static boolean has(List<Penalty> penalties, PenaltyKind kind) {
        return penalties.stream().anyMatch(p -> p.kind() == kind);
    }
}
