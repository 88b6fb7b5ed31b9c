package cn.minzheng.assistance.household;

/** Income categories of [57]§13 with how each is treated and why. */
public enum IncomeCategory {
    WAGES(IncomeTreatment.COUNTED, "工资性收入 [57]§13"),
    BUSINESS_NET(IncomeTreatment.COUNTED, "经营净收入 [57]§13"),
    PROPERTY_NET(IncomeTreatment.COUNTED, "财产净收入 [57]§13"),
    TRANSFER_NET(IncomeTreatment.COUNTED, "转移净收入 [57]§13"),
    PREFERENTIAL_PENSION(IncomeTreatment.EXCLUDED, "优抚对象抚恤金/补助金不计入 [57]§13"),
    FAMILY_PLANNING_AWARD(IncomeTreatment.EXCLUDED, "计划生育奖励与扶助金不计入 [57]§13"),
    SCHOLARSHIP(IncomeTreatment.EXCLUDED, "奖学金、助学金不计入 [57]§13"),
    HEROIC_DEED_AWARD(IncomeTreatment.EXCLUDED, "见义勇为奖励金不计入 [57]§13"),
    GOVERNMENT_ASSISTANCE(IncomeTreatment.EXCLUDED, "政府救助金不计入 [57]§13"),
    CENTRAL_BASIC_PENSION(IncomeTreatment.EXCLUDED, "'十四五'期间中央基础养老金不计入 [57]§13"),
    DISABILITY_OR_ILLNESS_COST(IncomeTreatment.DEDUCTED, "因残疾、患重病增加的刚性支出可扣减 [57]§13"),
    WORK_COST(IncomeTreatment.DEDUCTED, "必要的就业成本可扣减 [57]§13");

    private final IncomeTreatment treatment;
    private final String reason;

    IncomeCategory(IncomeTreatment treatment, String reason) {
        this.treatment = treatment;
        this.reason = reason;
    }

    public IncomeTreatment treatment() {
        return treatment;
    }

    public String reason() {
        return reason;
    }
}
