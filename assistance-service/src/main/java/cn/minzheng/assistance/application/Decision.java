package cn.minzheng.assistance.application;

import cn.minzheng.assistance.eligibility.Calculation;
import cn.minzheng.assistance.selfcare.SelfCareLevel;

import java.time.LocalDate;

/**
 * 审核确认: approved or denied, with written reasons and the calculation it rests on; for a 特困 case
 * the 生活自理能力 found on the investigation (null when none was assessed).
 */
public record Decision(boolean approved, String reasons, Calculation calculation, LocalDate decidedOn,
                       String decidedBy, SelfCareLevel selfCareLevel) {
}
