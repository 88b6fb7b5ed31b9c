package cn.minzheng.assistance.notice;

import cn.minzheng.platform.codes.money.Fen;
import cn.minzheng.assistance.eligibility.Calculation;
import cn.minzheng.assistance.eligibility.CalculationLine;
import cn.minzheng.assistance.standards.Program;

import java.util.ArrayList;
import java.util.List;

/**
 * The decision's calculation told to the applicant in sentences, in yuan, in the order it was done:
 * who counts, each income and how it was treated, the per-capita figure, the standard, the assets, the result.
 */
public final class CalculationInPlainTerms {
    private CalculationInPlainTerms() {
    }

    public static List<String> explain(Program program, Calculation c) {
        List<String> out = new ArrayList<>();
        out.add("计入家庭人口 " + c.countedMembers() + " 人。");
        for (CalculationLine line : c.lines()) {
            out.add(line.memberName() + " 每月 " + Fen.of(line.monthlyFen()).yuan() + " 元，" + treatment(line) + "："
                    + line.reason() + "。");
        }
        long net = netIncome(c);
        if (c.countedMembers() > 0) {
            out.add("计入收入合计 " + Fen.of(c.countedIncomeFen()).yuan() + " 元，扣减 " + Fen.of(c.deductedFen()).yuan()
                    + " 元；人均月收入 " + Fen.of(net).yuan() + " ÷ " + c.countedMembers() + " = "
                    + Fen.of(c.perCapitaFen()).yuan() + " 元（不足一分的舍去）。");
        }
        if (program == Program.TEKUN) {
            out.add("适用的特困人员基本生活标准为每人每月 " + Fen.of(c.standardFen()).yuan() + " 元；收入与低保标准 "
                    + Fen.of(c.thresholdFen()).yuan() + " 元比较（" + c.month() + "，地区 " + c.standardRegion() + "）。");
        } else {
            out.add("适用的低保标准为每人每月 " + Fen.of(c.standardFen()).yuan() + " 元（" + c.month() + " 在用，地区 "
                    + c.standardRegion() + "）。");
        }
        out.add(c.assetsWithinRules() ? "家庭财产符合当地规定。" : "家庭财产超出当地规定（见计算明细）。");
        out.add(result(program, c));
        return out;
    }

    private static long netIncome(Calculation c) {
        return Math.max(0, c.countedIncomeFen() - c.deductedFen());
    }

    private static String treatment(CalculationLine line) {
        return switch (line.treatment()) {
            case COUNTED -> "计入";
            case EXCLUDED -> "不计入";
            case DEDUCTED -> "扣减";
        };
    }

    private static String result(Program program, Calculation c) {
        String amount = Fen.of(c.monthlyAmountFen()).yuan();
        return switch (c.outcome()) {
            case NOT_ELIGIBLE -> program == Program.TEMPORARY || c.countedMembers() == 0
                    || netIncome(c) < c.thresholdFen() * c.countedMembers()
                    ? "经计算不符合条件（原因见决定理由和计算明细）。"
                    : "人均月收入 " + Fen.of(c.perCapitaFen()).yuan() + " 元不低于 " + Fen.of(c.thresholdFen()).yuan()
                    + " 元，不符合条件。";
            case ELIGIBLE_SINGLE_PERSON -> "家庭人均收入不低于低保标准、但低于低保边缘标准 " + Fen.of(c.thresholdFen()).yuan()
                    + " 元，按单人保发放每月 " + amount + " 元。";
            case ELIGIBLE -> switch (program) {
                // 补差 [57]§23: the household's gap, standard × members − income; the per-capita figure is not an input
                case DIBAO_URBAN, DIBAO_RURAL -> "人均收入低于标准，按差额补足：" + Fen.of(c.standardFen()).yuan() + " × "
                        + c.countedMembers() + " − " + Fen.of(netIncome(c)).yuan() + " = 每月 " + amount + " 元。";
                case TEKUN -> "符合特困人员条件，按特困人员基本生活标准每月发放 " + amount + " 元。";
                case DIBAO_EDGE -> "人均收入不低于低保标准、低于低保边缘标准 " + Fen.of(c.thresholdFen()).yuan()
                        + " 元，认定为低保边缘家庭。";
                case TEMPORARY -> "临时救助金额 " + amount + " 元（上限 " + Fen.of(c.thresholdFen()).yuan() + " 元）。";
            };
        };
    }
}
