package cn.minzheng.assistance.household;

import java.util.List;
import cn.minzheng.platform.codes.masking.Masking;

/**
 * One person listed on the application.
 *
 * @param disabilityGrade  0 = none, 1 (most severe) to 4
 * @param mentalOrIntellectual whether the disability is 智力/精神 (grade 3 then also counts for 单人保)
 * @param authorizationSigned 核对授权 signed by this member (required for every adult)
 * @param excludedBecause  null when the person counts as a household member
 */
public record HouseholdMember(String name, String idNumber, Relation relation, LabourCapacity labourCapacity,
                              int disabilityGrade, boolean mentalOrIntellectual, boolean seriousIllness,
                              List<IncomeItem> incomes, List<AssetItem> assets, boolean authorizationSigned,
                              ExclusionReason excludedBecause) {
    public HouseholdMember {
        incomes = incomes == null ? List.of() : List.copyOf(incomes);
        assets = assets == null ? List.of() : List.copyOf(assets);
        labourCapacity = labourCapacity == null ? LabourCapacity.FULL : labourCapacity;
    }

    /** Masked: a stray log line must not carry a name or an ID number. */
    @Override
    public String toString() {
        return "HouseholdMember[" + Masking.name(name) + ", "
                + Masking.idNumber(idNumber) + ", " + relation + "]";
    }

    public boolean counted() {
        return excludedBecause == null;
    }

    /** 单人保 [57]§8: disability grade 1–2, grade 3 intellectual/mental, or a serious illness. */
    public boolean qualifiesForSinglePersonEnrolment() {
        return seriousIllness || (disabilityGrade >= 1 && disabilityGrade <= 2)
                || (disabilityGrade == 3 && mentalOrIntellectual);
    }
}
