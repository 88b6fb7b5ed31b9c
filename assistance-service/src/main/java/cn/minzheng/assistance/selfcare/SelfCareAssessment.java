package cn.minzheng.assistance.selfcare;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * 生活自理能力评估 of a 特困 person on the six items of [43]§21: each achieved or not. The level
 * follows from how many are not achieved: none → {@link SelfCareLevel#SELF_CARE}, one to three →
 * {@link SelfCareLevel#PARTIAL_LOSS}, four or more → {@link SelfCareLevel#FULL_LOSS} [43]§22.
 *
 * @param achieved every one of the six items, true when the person does it alone
 */
public record SelfCareAssessment(Map<CareItem, Boolean> achieved) {
    /** Up to this many items not achieved is a partial loss; more is a full loss [43]§22. */
    static final int MAX_NOT_ACHIEVED_FOR_PARTIAL = 3;

    public SelfCareAssessment {
        if (achieved == null) {
            throw new IncompleteAssessmentException(EnumSet.allOf(CareItem.class));
        }
        Set<CareItem> missing = EnumSet.allOf(CareItem.class);
        achieved.forEach((item, value) -> {
            if (item != null && value != null) {
                missing.remove(item);
            }
        });
        if (!missing.isEmpty()) {
            throw new IncompleteAssessmentException(missing);
        }
        achieved = Collections.unmodifiableMap(new EnumMap<>(achieved));
    }

    public int notAchieved() {
        return (int) achieved.values().stream().filter(v -> !v).count();
    }

    public SelfCareLevel level() {
        int missed = notAchieved();
        if (missed == 0) {
            return SelfCareLevel.SELF_CARE;
        }
        return missed <= MAX_NOT_ACHIEVED_FOR_PARTIAL ? SelfCareLevel.PARTIAL_LOSS : SelfCareLevel.FULL_LOSS;
    }

    /** An assessment leaves no item out: every one of the six is answered. */
    public static final class IncompleteAssessmentException extends IllegalArgumentException {
        private final Set<CareItem> missing;

        public IncompleteAssessmentException(Set<CareItem> missing) {
            super("items not assessed: " + missing);
            this.missing = Set.copyOf(missing);
        }

        public Set<CareItem> missing() {
            return missing;
        }
    }
}
