package cn.minzheng.assistance.household;

import cn.minzheng.assistance.standards.Area;
import cn.minzheng.assistance.standards.Program;

import java.util.List;

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
 */
public record Submission(Program program, String applicantIdNumber, String regionCode, Area area,
                         EmergencyKind emergencyKind, long requestedAmountFen, List<HouseholdMember> members,
                         boolean truthfulnessCommitment, boolean pledgeInsteadOfCertificates) {
    public Submission {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public boolean urgentTemporary() {
        return program == Program.TEMPORARY && emergencyKind == EmergencyKind.URGENT;
    }
}
