package cn.minzheng.assistance.application;

import cn.minzheng.assistance.eligibility.Calculation;

import java.time.LocalDate;

/** 审核确认: approved or denied, with written reasons and the calculation it rests on. */
public record Decision(boolean approved, String reasons, Calculation calculation, LocalDate decidedOn,
                       String decidedBy) {
}
