package cn.minzheng.assistance.household;

import cn.minzheng.assistance.eligibility.IncomeCategory;

/** A monthly income (or deductible cost) of one member, in fen. */
public record IncomeItem(IncomeCategory category, long monthlyFen) {
}
