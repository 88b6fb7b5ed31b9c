package cn.minzheng.assistance.application;

import cn.minzheng.platform.kit.domain.RuleViolation;

import java.util.Optional;

/**
 * Every rule a step of a case can refuse with: thrown as the kit's {@link RuleViolation} (422
 * {@code rule-violated}, the kit's {@code RuleViolationProblem}). {@link #code()} is the stable code in
 * the answer; the texts are in the service's problem bundles under {@code rule.<name>} (Chinese and
 * English), formatted with the refusal's arguments; {@link #source()} is the legal source, answered apart
 * from the text.
 */
public enum CaseRule implements RuleViolation.Rule {
    MISSING_ITEMS_REQUIRED("[57]§10"),
    NOTHING_CHANGED(null),
    PROGRAM_OR_REGION_CHANGED(null),
    /** {0} = the minimum number of distinct staff */
    VISIT_STAFF("[57]§16"),
    COUNTY_VISIT_REQUIRED("[57]§20"),
    VISIT_FINDINGS("[57]§16"),
    SELF_CARE_TEKUN_ONLY("[43]§21"),
    VISIT_MISSING("[57]§28"),
    CHECK_PENDING("[57]§28"),
    /** {0} = the last day of the 公示 */
    PUBLICITY_RUNNING(null),
    NOT_ELIGIBLE_FOR_APPROVAL("NOT_ELIGIBLE", null),
    NOT_ELIGIBLE_FOR_CHANGE("NOT_ELIGIBLE", null),
    AMOUNT_RANGE(null),
    /** {0} = the longest 渐退期 in months */
    PHASE_OUT_RANGE("[57]§33"),
    PROVIDER_UNKNOWN(null),
    PROVIDER_NOT_IN_GOOD_STANDING(null),
    PROVIDER_NOT_ASSIGNED(null),
    NOT_OWNER(null),
    REASON_REQUIRED(null),
    /** {0} = date of the earlier award, {1} = its cause, {2} = its case number, {3} = months, {4} = from when again */
    TEMPORARY_AWARD_LIMIT(null),
    /** {0} = the recalculation run that changed the case already */
    ALREADY_ADJUSTED(null);

    private final String code;
    private final String source;

    CaseRule(String source) {
        this(null, source);
    }

    CaseRule(String code, String source) {
        this.code = code;
        this.source = source;
    }

    /** The code in the answer (several rules may share one). */
    @Override
    public String code() {
        return code != null ? code : name();
    }

    /** The bundle key of the texts: by the rule's name, as rules sharing a code do not share a text. */
    @Override
    public String messageKey() {
        return "rule." + name();
    }

    /** The legal source (citation key of /work/shared), if the rule has one. */
    @Override
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }
}
