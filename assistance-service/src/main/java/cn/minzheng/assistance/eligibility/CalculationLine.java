package cn.minzheng.assistance.eligibility;

import cn.minzheng.assistance.household.IncomeCategory;
import cn.minzheng.assistance.household.IncomeTreatment;

/** One income line of the trace: whose, what, how much, counted or not and why. */
public record CalculationLine(String memberName, IncomeCategory category, long monthlyFen,
                              IncomeTreatment treatment, String reason) {
}
