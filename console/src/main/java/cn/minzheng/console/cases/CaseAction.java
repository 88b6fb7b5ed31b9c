package cn.minzheng.console.cases;

import java.util.List;
import java.util.Set;

/**
 * A staff command on an assistance case as the case page offers it: the API sub-resource, the roles that may
 * give it (assistance-service's {@code ApplicationCommand}), the label and the fields its body takes.
 */
public enum CaseAction {
    SUPPLEMENT_REQUEST("supplement-request", "一次性告知补正材料", Set.of("CLERK"),
            List.of(Field.list("missingItems", "需补正的全部材料（每行一项）"))),
    ACCEPTANCE("acceptance", "受理", Set.of("CLERK"), List.of()),
    NON_ACCEPTANCE("non-acceptance", "不予受理", Set.of("CLERK"), List.of(Field.text("reason", "不予受理的理由"))),
    HOME_VISIT("home-visits", "登记入户调查", Set.of("CLERK"), List.of(
            Field.list("staffIds", "调查人员账号（至少两人，每行一个）"),
            Field.text("findings", "调查情况"),
            Field.date("visitedOn", "入户日期"))),
    ECONOMIC_CHECK("economic-checks", "登记家庭经济状况核对结果", Set.of("CLERK"), List.of(
            Field.text("summary", "核对情况"),
            Field.check("incomeConfirmed", "收入已核实"),
            Field.check("supporterAble", "赡养（抚养、扶养）义务人有能力"))),
    OPINION("opinion", "提出初审意见", Set.of("CLERK"), List.of(
            Field.check("recommendApproval", "建议批准"),
            Field.text("reason", "意见理由"))),
    PUBLICITY("publicity", "开始公示", Set.of("CLERK"), List.of()),
    OBJECTION("publicity/objections", "登记公示异议（重新调查）", Set.of("CLERK"), List.of(Field.text("reason", "异议内容"))),
    PUBLICITY_COMPLETION("publicity/completion", "公示期满，报送审核确认", Set.of("CLERK"), List.of()),
    APPROVE("decision", "审核确认：批准", Set.of("APPROVER"), List.of(
            Field.fixed("approve", true),
            Field.check("unstableIncome", "收入不稳定（按规定定期复核）"))),
    DENY("decision", "审核确认：不予批准", Set.of("APPROVER"), List.of(
            Field.fixed("approve", false),
            Field.text("reason", "不予批准的理由"))),
    EMERGENCY_PAYMENT("emergency-payment", "先行救助（急难型临时救助）", Set.of("CLERK", "APPROVER"), List.of(
            Field.text("amount", "金额（元，如 2000.00）"),
            Field.text("reason", "事由"))),
    RECORD_COMPLETION("record-completion", "补齐先行救助手续", Set.of("CLERK"), List.of(Field.text("reason", "经办人、原因、金额、签字情况"))),
    RECHECK("recheck", "开始复核", Set.of("CLERK"), List.of(Field.text("reason", "复核原因"))),
    RECHECK_CONFIRMATION("recheck/confirmation", "确认复核结果", Set.of("APPROVER"), List.of(
            Field.check("unstableIncome", "收入不稳定"))),
    AMOUNT_CHANGE("amount-change", "按现行标准重新核定金额", Set.of("APPROVER"), List.of(Field.text("reason", "原因"))),
    SUSPENSION("suspension", "暂停发放", Set.of("APPROVER"), List.of(Field.text("reason", "原因"))),
    RESUMPTION("resumption", "恢复发放", Set.of("APPROVER"), List.of(Field.text("reason", "原因"))),
    PHASE_OUT("phase-out", "进入渐退期", Set.of("APPROVER"), List.of(
            Field.number("months", "渐退月数（不超过 6）"),
            Field.text("reason", "原因"))),
    TERMINATION("termination", "终止救助", Set.of("APPROVER"), List.of(Field.text("reason", "原因")));

    private final String path;
    private final String label;
    private final Set<String> roles;
    private final List<Field> fields;

    CaseAction(String path, String label, Set<String> roles, List<Field> fields) {
        this.path = path;
        this.label = label;
        this.roles = roles;
        this.fields = fields;
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    public Set<String> roles() {
        return roles;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The form's id and the console's path segment for the action. */
    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }

    /** One field of a command's body: its JSON name, label and kind (text, list, date, check, number, fixed). */
    public record Field(String name, String label, String kind, Object fixedValue) {
        static Field text(String name, String label) {
            return new Field(name, label, "text", null);
        }

        static Field list(String name, String label) {
            return new Field(name, label, "list", null);
        }

        static Field date(String name, String label) {
            return new Field(name, label, "date", null);
        }

        static Field check(String name, String label) {
            return new Field(name, label, "check", null);
        }

        static Field number(String name, String label) {
            return new Field(name, label, "number", null);
        }

        static Field fixed(String name, Object value) {
            return new Field(name, "", "fixed", value);
        }
    }
}
