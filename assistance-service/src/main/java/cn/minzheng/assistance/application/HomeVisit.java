package cn.minzheng.assistance.application;

import cn.minzheng.assistance.selfcare.SelfCareAssessment;

import java.time.LocalDate;
import java.util.List;

/**
 * 入户调查 by at least two staff [57]§16, with findings and the members present who signed; for a 特困
 * case also the 生活自理能力 assessment made on the visit [43]§21 (null otherwise).
 */
public record HomeVisit(LocalDate visitedOn, List<String> staffIds, String findings, List<String> membersPresent,
                        String recordedBy, SelfCareAssessment selfCare) {
    public HomeVisit {
        staffIds = List.copyOf(staffIds);
        membersPresent = membersPresent == null ? List.of() : List.copyOf(membersPresent);
    }

    public HomeVisit(LocalDate visitedOn, List<String> staffIds, String findings, List<String> membersPresent,
                     String recordedBy) {
        this(visitedOn, staffIds, findings, membersPresent, recordedBy, null);
    }

    public long distinctStaff() {
        return staffIds.stream().filter(s -> s != null && !s.isBlank()).distinct().count();
    }
}
