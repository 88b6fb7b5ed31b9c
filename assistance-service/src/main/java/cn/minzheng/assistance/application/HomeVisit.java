package cn.minzheng.assistance.application;

import java.time.LocalDate;
import java.util.List;

/** 入户调查 by at least two staff [57]§16, with findings and the members present who signed. */
public record HomeVisit(LocalDate visitedOn, List<String> staffIds, String findings, List<String> membersPresent,
                        String recordedBy) {
    public HomeVisit {
        staffIds = List.copyOf(staffIds);
        membersPresent = membersPresent == null ? List.of() : List.copyOf(membersPresent);
    }

    public long distinctStaff() {
        return staffIds.stream().filter(s -> s != null && !s.isBlank()).distinct().count();
    }
}
