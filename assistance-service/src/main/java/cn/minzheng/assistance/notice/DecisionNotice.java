package cn.minzheng.assistance.notice;

import cn.minzheng.platform.codes.money.Fen;
import cn.minzheng.assistance.application.web.ApplicationView;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.ApplicationCommand;
import cn.minzheng.assistance.application.Decision;
import cn.minzheng.assistance.application.Role;
import cn.minzheng.assistance.application.TransitionRecord;
import cn.minzheng.assistance.standards.Program;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 审核确认决定 as the applicant reads it: approved or denied, the monthly amount and the first month
 * paid [57]§24, the written reasons of a denial [57]§21, the calculation in plain terms and as a trace,
 * who decided (the county 民政局 and the officer's role) and how to contest it — where, and within
 * which time limit [57]§38. Money as two-decimal yuan.
 *
 * @param authority     the deciding authority: the county 民政局 of the case's region (configuration)
 * @param decidedByRole the deciding officer's role in words (审批人), from the decision's own record
 * <p>A 急难型 临时救助 paid by 先行救助 [临救2018]§二(二) has no decision yet; its notice tells the one-off
 * payment instead (outcome {@code PAID_FIRST}): amount, reason, who paid and when, that the record is
 * completed afterwards, and the same remedies. It never carries a monthly amount.
 *
 * @param monthlyAmount the amount decided, null for a denial and for a one-off payment
 * @param oneOffAmount  先行救助 or an approved 临时救助: the amount paid once, null otherwise
 * @param followUp      先行救助: what happens to the record afterwards; approved 临时救助: how it is paid; in Chinese
 * @param startMonth    the first month paid (the month after approval), null for a denial
 * @param reasons       the written reasons of a denial, or why 先行救助 was paid; null for an approval
 * @param standardAdjustments 调标 after the decision, oldest first: each new standard that changed the amount,
 *                      from which month, old → new, with the formula and its figures (empty when none)
 */
public record DecisionNotice(String number, String program, String programName, String outcome, String decidedOn,
                             String authority, String decidedByRole, String monthlyAmount, String oneOffAmount, String startMonth, Integer householdSize, String reasons,
                             String selfCareLevel, List<String> explanation, Map<String, Object> calculation,
                             String nextRecheckDue, String followUp, Remedies remedies,
                             List<StandardAdjustmentNotice> standardAdjustments) {

    /**
     * One 调标 as the citizen reads it: the new standard (its notice), the month from which the amount
     * changed, the old and the new monthly amount, the formula with the figures, and the recalculation told
     * in sentences. Money in yuan.
     */
    public record StandardAdjustmentNotice(String standardId, String standardSource, String effectiveMonth,
                                           String standardAmount, String previousAmount, String newAmount,
                                           String formula, String text, List<String> explanation, String changedOn) {
        static StandardAdjustmentNotice of(Program program, cn.minzheng.assistance.application.StandardAdjustment a) {
            var calc = a.calculation();
            String standard = Fen.of(calc.standardFen()).yuan();
            String before = Fen.of(a.previousFen()).yuan();
            String after = Fen.of(a.newFen()).yuan();
            long net = Math.max(0, calc.countedIncomeFen() - calc.deductedFen());
            String formula = switch (program) {
                case TEKUN -> "特困人员基本生活标准 " + standard + " 元 = 每月 " + after + " 元";
                default -> calc.outcome() == cn.minzheng.assistance.eligibility.Outcome.ELIGIBLE_SINGLE_PERSON
                        ? "单人保：" + standard + " − 本人收入 = 每月 " + after + " 元"
                        : standard + " × " + calc.countedMembers() + " − " + Fen.of(net).yuan() + " = " + after
                        + "（标准 × 计入人口 − 计入家庭收入，单位：元）";
            };
            String text = "因救助标准调整（" + a.standardSource() + "，每人每月 " + standard + " 元），自 "
                    + a.effectiveMonth() + " 起按新标准重新核算，您家的救助金由每月 " + before + " 元调整为每月 " + after
                    + " 元。计算：" + formula + "。";
            return new StandardAdjustmentNotice(a.standardId(), a.standardSource(), a.effectiveMonth().toString(), standard,
                    before, after, formula, text, CalculationInPlainTerms.explain(program, calc),
                    a.at() == null ? null : LocalDate.ofInstant(a.at(), AssistanceCase.CHINA).toString());
        }
    }

    static List<StandardAdjustmentNotice> adjustments(AssistanceCase c) {
        return c.benefit() == null ? List.of() : c.benefit().adjustments().stream()
                .map(a -> StandardAdjustmentNotice.of(c.program(), a)).toList();
    }

    /**
     * 行政复议 / 行政诉讼 [57]§38: the routes, one sentence the applicant reads, and each route with its
     * time limit, where to apply and its legal source (kept out of the Chinese sentence).
     */
    public record Remedies(List<String> routes, String text, String basis, List<Remedy> options) {

        static Remedies of(IssuingAuthorities.Authority authority) {
            Remedy review = new Remedy("行政复议", "自收到本通知书之日起 60 日内", authority.reviewBody(),
                    "《中华人民共和国行政复议法》第二十条");
            Remedy lawsuit = new Remedy("行政诉讼", "自知道或者应当知道作出本决定之日起 6 个月内", "有管辖权的人民法院",
                    "《中华人民共和国行政诉讼法》第四十六条");
            String text = "对本决定不服的，可以" + review.timeLimit() + "向" + review.where() + "申请行政复议；也可以"
                    + lawsuit.timeLimit() + "直接向" + lawsuit.where() + "提起行政诉讼。";
            return new Remedies(List.of(review.route(), lawsuit.route()), text, "[57]§38", List.of(review, lawsuit));
        }
    }

    /** One route of redress: its time limit and where to apply, in Chinese; the law it rests on. */
    public record Remedy(String route, String timeLimit, String where, String source) {
    }

    /** The notice of a decided case, or of a 先行救助 payment; empty while neither was made. */
    public static Optional<DecisionNotice> of(AssistanceCase c, IssuingAuthorities authorities) {
        Decision d = c.decision();
        if (d == null) {
            return paidFirst(c, authorities);
        }
        var calc = d.calculation();
        boolean approved = d.approved();
        IssuingAuthorities.Authority authority = authorities.forRegion(c.regionCode());
        if (approved && c.program() == Program.TEMPORARY && calc != null) {
            return Optional.of(oneOff(c, d, authority));
        }
        return Optional.of(new DecisionNotice(c.number(), c.program().name(), name(c.program()),
                approved ? "APPROVED" : "DENIED", d.decidedOn().toString(), authority.name(),
                roleName(recordOf(c, approved ? ApplicationCommand.APPROVE : ApplicationCommand.DENY)
                        .map(TransitionRecord::actorRole).orElse(Role.APPROVER)),
                approved && calc != null ? Fen.of(calc.monthlyAmountFen()).yuan() : null,
                null, approved && c.benefit() != null ? c.benefit().firstMonth().toString() : null,
                calc == null ? null : calc.countedMembers(),
                approved ? null : d.reasons(),
                d.selfCareLevel() == null ? null : d.selfCareLevel().name(),
                calc == null ? List.of() : CalculationInPlainTerms.explain(c.program(), calc),
                calc == null ? Map.of() : ApplicationView.calculation(calc),
                approved && c.benefit() != null && c.benefit().nextRecheckDue() != null
                        ? c.benefit().nextRecheckDue().toString() : null,
                null, Remedies.of(authority), approved ? adjustments(c) : List.of()));
    }

    /** 临时救助 approved: a one-off award of the decided amount, paid once by the next payment batch; no re-check. */
    static DecisionNotice oneOff(AssistanceCase c, Decision d, IssuingAuthorities.Authority authority) {
        var calc = d.calculation();
        String amount = Fen.of(calc.monthlyAmountFen()).yuan();
        List<String> explanation = new java.util.ArrayList<>(CalculationInPlainTerms.explain(c.program(), calc));
        explanation.add("临时救助为一次性救助：批准金额 " + amount + " 元一次性发放（不是每月发放），由" + authority.name()
                + "在 " + c.benefit().firstMonth() + " 或其后第一批发放中支付，本案随之办结，不再复核。");
        return new DecisionNotice(c.number(), c.program().name(), name(c.program()), "APPROVED",
                d.decidedOn().toString(), authority.name(),
                roleName(recordOf(c, ApplicationCommand.APPROVE).map(TransitionRecord::actorRole).orElse(Role.APPROVER)),
                null, amount, null, calc.countedMembers(), null,
                d.selfCareLevel() == null ? null : d.selfCareLevel().name(), List.copyOf(explanation),
                ApplicationView.calculation(calc), null,
                "一次性救助金将随" + authority.name() + "下一批救助金发放到您的账户，无需您再办理；同一事由在规定期限内不再重复救助。",
                Remedies.of(authority), List.of());
    }

    /** 先行救助: paid once before the record is complete; the notice of that payment. */
    static Optional<DecisionNotice> paidFirst(AssistanceCase c, IssuingAuthorities authorities) {
        Optional<TransitionRecord> paid = recordOf(c, ApplicationCommand.PAY_FIRST);
        if (paid.isEmpty() || c.benefit() == null) {
            return Optional.empty();
        }
        TransitionRecord r = paid.get();
        IssuingAuthorities.Authority authority = authorities.forRegion(c.regionCode());
        String amount = Fen.of(c.benefit().monthlyFen()).yuan();
        String paidOn = LocalDate.ofInstant(r.at(), AssistanceCase.CHINA).toString();
        String followUp = recordOf(c, ApplicationCommand.COMPLETE_RECORD)
                .map(done -> "先行救助的记录已于 " + LocalDate.ofInstant(done.at(), AssistanceCase.CHINA)
                        + " 补齐（经办人、原因、金额和签字），本次发放到此完成，无需您再办理。")
                .orElse("这是先行救助：先发放、后补齐记录。经办人员将在事后补齐调查和审批记录（经办人、原因、金额和签字），"
                        + "您无需重新申请；如需您补充材料，会另行通知。您可以在“我的申请”中查看办理进度。");
        return Optional.of(new DecisionNotice(c.number(), c.program().name(), name(c.program()), "PAID_FIRST", paidOn,
                authority.name(), roleName(r.actorRole()), null, amount, null, null, r.reason(), null,
                List.of("急难型临时救助，已先行发放一次性救助金 " + amount + " 元（一次性发放，不是每月发放）。",
                        "发放原因：" + r.reason().strip().replaceAll("[。.]+$", "") + "。",
                        "发放日期：" + paidOn + "，由" + authority.name() + "（" + roleName(r.actorRole()) + "）办理。"),
                Map.of(), null, followUp, Remedies.of(authority), List.of()));
    }

    /** The latest record of {@code command} in the case's own history (全过程记录), if any. */
    static Optional<TransitionRecord> recordOf(AssistanceCase c, ApplicationCommand command) {
        List<TransitionRecord> h = c.history();
        for (int i = h.size() - 1; i >= 0; i--) {
            if (h.get(i).command() == command) {
                return Optional.of(h.get(i));
            }
        }
        return Optional.empty();
    }

    static String roleName(Role role) {
        return switch (role) {
            case APPROVER -> "审批人";
            case CLERK -> "经办人";
            case ADMIN -> "系统管理员";
            case CITIZEN -> "申请人";
            case AUDITOR -> "审计人员";
            case SYSTEM -> "系统自动处理";
        };
    }

    static String name(Program p) {
        return switch (p) {
            case DIBAO_URBAN -> "城市最低生活保障";
            case DIBAO_RURAL -> "农村最低生活保障";
            case TEKUN -> "特困人员救助供养";
            case DIBAO_EDGE -> "低保边缘家庭认定";
            case TEMPORARY -> "临时救助";
        };
    }
}
