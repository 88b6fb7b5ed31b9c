package cn.minzheng.assistance.notice;

import cn.minzheng.platform.codes.money.Fen;
import cn.minzheng.assistance.application.ApplicationView;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.Decision;
import cn.minzheng.assistance.standards.Program;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 审核确认决定 as the applicant reads it: approved or denied, the monthly amount and the first month
 * paid [57]§24, the written reasons of a denial [57]§21, the calculation in plain terms and as a trace,
 * and how to contest it [57]§38. Money as two-decimal yuan.
 *
 * @param monthlyAmount the amount decided, null for a denial
 * @param startMonth    the first month paid (the month after approval), null for a denial
 * @param reasons       the written reasons of a denial, null for an approval
 */
public record DecisionNotice(String number, String program, String programName, String outcome, String decidedOn,
                             String monthlyAmount, String startMonth, Integer householdSize, String reasons,
                             String selfCareLevel, List<String> explanation, Map<String, Object> calculation,
                             String nextRecheckDue, Remedies remedies) {

    /**
     * 行政复议 / 行政诉讼 [57]§38. The rules document names the routes but no time limits, so none are
     * stated here; the written decision served on the applicant carries them.
     */
    public record Remedies(List<String> routes, String text, String basis) {
        static final Remedies NATIONAL = new Remedies(List.of("行政复议", "行政诉讼"),
                "对本决定不服的，可以依法申请行政复议或者提起行政诉讼。", "[57]§38");
    }

    /** The notice of a decided case; empty while no decision was made. */
    public static Optional<DecisionNotice> of(AssistanceCase c) {
        Decision d = c.decision();
        if (d == null) {
            return Optional.empty();
        }
        var calc = d.calculation();
        boolean approved = d.approved();
        return Optional.of(new DecisionNotice(c.number(), c.program().name(), name(c.program()),
                approved ? "APPROVED" : "DENIED", d.decidedOn().toString(),
                approved && calc != null ? Fen.of(calc.monthlyAmountFen()).yuan() : null,
                approved && c.benefit() != null ? c.benefit().firstMonth().toString() : null,
                calc == null ? null : calc.countedMembers(),
                approved ? null : d.reasons(),
                d.selfCareLevel() == null ? null : d.selfCareLevel().name(),
                calc == null ? List.of() : CalculationInPlainTerms.explain(c.program(), calc),
                calc == null ? Map.of() : ApplicationView.calculation(calc),
                approved && c.benefit() != null && c.benefit().nextRecheckDue() != null
                        ? c.benefit().nextRecheckDue().toString() : null,
                Remedies.NATIONAL));
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
