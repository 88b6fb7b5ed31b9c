package cn.minzheng.assistance.notice;

import cn.minzheng.platform.codes.money.Fen;
import cn.minzheng.assistance.application.ApplicationView;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.ApplicationCommand;
import cn.minzheng.assistance.application.Decision;
import cn.minzheng.assistance.application.Role;
import cn.minzheng.assistance.application.TransitionRecord;
import cn.minzheng.assistance.standards.Program;

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
 * @param monthlyAmount the amount decided, null for a denial
 * @param startMonth    the first month paid (the month after approval), null for a denial
 * @param reasons       the written reasons of a denial, null for an approval
 */
public record DecisionNotice(String number, String program, String programName, String outcome, String decidedOn,
                             String authority, String decidedByRole, String monthlyAmount, String startMonth, Integer householdSize, String reasons,
                             String selfCareLevel, List<String> explanation, Map<String, Object> calculation,
                             String nextRecheckDue, Remedies remedies) {

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

    /** The notice of a decided case; empty while no decision was made. */
    public static Optional<DecisionNotice> of(AssistanceCase c, IssuingAuthorities authorities) {
        Decision d = c.decision();
        if (d == null) {
            return Optional.empty();
        }
        var calc = d.calculation();
        boolean approved = d.approved();
        IssuingAuthorities.Authority authority = authorities.forRegion(c.regionCode());
        return Optional.of(new DecisionNotice(c.number(), c.program().name(), name(c.program()),
                approved ? "APPROVED" : "DENIED", d.decidedOn().toString(), authority.name(),
                roleName(recordOf(c, approved ? ApplicationCommand.APPROVE : ApplicationCommand.DENY)
                        .map(TransitionRecord::actorRole).orElse(Role.APPROVER)),
                approved && calc != null ? Fen.of(calc.monthlyAmountFen()).yuan() : null,
                approved && c.benefit() != null ? c.benefit().firstMonth().toString() : null,
                calc == null ? null : calc.countedMembers(),
                approved ? null : d.reasons(),
                d.selfCareLevel() == null ? null : d.selfCareLevel().name(),
                calc == null ? List.of() : CalculationInPlainTerms.explain(c.program(), calc),
                calc == null ? Map.of() : ApplicationView.calculation(calc),
                approved && c.benefit() != null && c.benefit().nextRecheckDue() != null
                        ? c.benefit().nextRecheckDue().toString() : null,
                Remedies.of(authority)));
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
