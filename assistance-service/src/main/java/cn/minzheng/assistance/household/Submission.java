package cn.minzheng.assistance.household;

import cn.minzheng.assistance.standards.Area;
import cn.minzheng.assistance.standards.Program;

import java.util.List;
import cn.minzheng.platform.codes.masking.Masking;

/**
 * What a citizen submits: program, applicant, the 12-digit 区划 code of the 村/社区, the household,
 * the commitments.
 *
 * @param applicantIdNumber   the applicant's 身份证号; must be one of the members
 * @param area                城市/农村 for programs whose name does not say it
 * @param emergencyKind       临时救助 only
 * @param requestedAmountFen  临时救助 only: the amount asked for
 * @param truthfulnessCommitment 承诺 that the information is true [57]§9
 * @param pledgeInsteadOfCertificates 证明事项告知承诺制 [通知2022]§一(二)
 * @param staffRelation      a member is a close relative of a case worker or 村(居)委会 member: who and how.
 *                           Such a case is registered separately and visited by the county [57]§11, §20.
 */
public record Submission(Program program, String applicantIdNumber, String regionCode, Area area,
                         EmergencyKind emergencyKind, long requestedAmountFen, List<HouseholdMember> members,
                         boolean truthfulnessCommitment, boolean pledgeInsteadOfCertificates, String staffRelation) {
    public Submission {
        members = members == null ? List.of() : List.copyOf(members);
        staffRelation = staffRelation == null || staffRelation.isBlank() ? null : staffRelation.strip();
    }

    public Submission(Program program, String applicantIdNumber, String regionCode, Area area,
                      EmergencyKind emergencyKind, long requestedAmountFen, List<HouseholdMember> members,
                      boolean truthfulnessCommitment, boolean pledgeInsteadOfCertificates) {
        this(program, applicantIdNumber, regionCode, area, emergencyKind, requestedAmountFen, members,
                truthfulnessCommitment, pledgeInsteadOfCertificates, null);
    }

    /** Masked, like {@link HouseholdMember#toString()}. */
    @Override
    public String toString() {
        return "Submission[" + program + ", " + regionCode + ", applicant "
                + Masking.idNumber(applicantIdNumber) + ", " + members + "]";
    }

    /** 单独登记备案 applies. */
    public boolean conflictOfInterest() {
        return staffRelation != null;
    }

    public boolean urgentTemporary() {
        return program == Program.TEMPORARY && emergencyKind == EmergencyKind.URGENT;
    }
}
