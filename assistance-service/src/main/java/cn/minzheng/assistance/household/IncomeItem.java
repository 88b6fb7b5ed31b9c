package cn.minzheng.assistance.household;


/** A monthly income (or deductible cost) of one member, in fen. */
public record IncomeItem(IncomeCategory category, long monthlyFen) {
}
