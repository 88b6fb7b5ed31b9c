package cn.minzheng.org.enforcement;

import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.org.problems.ClosedGate;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.InvalidFields;
import cn.minzheng.org.problems.RuleViolation;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import cn.minzheng.platform.kit.domain.Transitioned;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 取缔 case against an unregistered organization acting as a social organization (非法社会组织,
 * 《取缔非法民间组织暂行办法》): the party is a NAME (and, when known, where it acts and who runs it),
 * never an organization record — it has no 统一社会信用代码. From 立案 to 结案 through the moves of
 * {@link BanTransitions}: investigation, the proposal, the notice with the period for 陈述、申辩
 * ({@code statementDeadline}, working days), 法制审核 (always: 取缔 is a major decision), the decision within
 * the case's {@code dueOn} (calendar days from 立案), delivery (or 公告送达 when nobody can be found), the
 * announcement due ({@code announceBy}, working days from the decision) and 收缴 of seals, signs, documents
 * and financial records.
 *
 * @param name        the name the group acts under
 * @param whereabouts where it acts, when known
 * @param principals  who runs it, as far as known (free text; no 身份证 is required to open a case)
 */
public record BanCase(String id, String name, String authorityCode, BanGround ground, String facts, String whereabouts,
                      String principals, BanStatus status, LocalDate openedOn, LocalDate dueOn, List<EnforcementCase.Evidence> evidence,
                      String proposalReasons, LocalDate noticeServedOn, LocalDate statementDeadline, List<Statement> statements,
                      EnforcementCase.Review review, Decision decision, LocalDate deliveredOn, boolean deliveredByAnnouncement,
                      LocalDate executedOn, List<String> seized, LocalDate closedOn, String closingReason, long version) {

    /** Longest name accepted (the 名称 rules allow 50 characters for a registered one). */
    public static final int MAX_NAME = 50;
    /** Longest free text of a case field. */
    public static final int MAX_TEXT = 2000;

    public BanCase {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        statements = statements == null ? List.of() : List.copyOf(statements);
        seized = seized == null ? List.of() : List.copyOf(seized);
    }

    /** 陈述 or 申辩 of the group's people; {@code concluding}: they say they have nothing to add (the period may end early). */
    public record Statement(String text, boolean concluding, LocalDate on) {
    }

    /** 取缔决定: its number, reasons, the day, and the last day to announce it. */
    public record Decision(String reference, String reasons, LocalDate decidedOn, LocalDate announceBy) {
    }

    /** The fields a request to open a case must have, each problem naming its field. */
    public static List<FieldProblem> openProblems(String name, BanGround ground, String facts, String whereabouts, String principals) {
        List<FieldProblem> problems = new ArrayList<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            problems.add(new FieldProblem("/name", "REQUIRED", "请填写该组织对外使用的名称"));
        } else if (n.length() < 2 || n.length() > MAX_NAME || n.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem("/name", "INVALID_NAME", "名称须为2至" + MAX_NAME + "个字符且不含控制字符，请按其对外使用的名称填写"));
        }
        if (ground == null) {
            problems.add(new FieldProblem("/ground", "REQUIRED", "请选择取缔的情形：未经批准擅自筹备、未经登记擅自活动，或被撤销登记后继续活动"));
        }
        text("/facts", facts, true, "请写明该组织以社会组织名义活动的事实", problems);
        text("/whereabouts", whereabouts, false, null, problems);
        text("/principals", principals, false, null, problems);
        return problems;
    }

    private static void text(String pointer, String value, boolean required, String requiredMessage, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(pointer, "REQUIRED", requiredMessage));
            }
        } else if (value.length() > MAX_TEXT) {
            problems.add(new FieldProblem(pointer, "TEXT_TOO_LONG", "内容不得超过" + MAX_TEXT + "个字符，请精简后重新提交"));
        }
    }

    public static Transitioned<BanCase, DomainEvent> open(String id, String name, String authorityCode, BanGround ground, String facts,
                                                         String whereabouts, String principals, BanPolicy policy, LocalDate on) {
        InvalidFields.throwIfAny("BAN_CASE_INVALID", openProblems(name, ground, facts, whereabouts, principals));
        BanCase c = new BanCase(id, name.strip(), authorityCode, ground, facts.strip(), blankToNull(whereabouts), blankToNull(principals),
                BanStatus.OPEN, on, on.plusDays(policy.decisionDays()), List.of(), null, null, null, List.of(), null, null, null, false,
                null, List.of(), null, null, 1);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("ground", ground.name());
        changes.put("openedOn", on.toString());
        changes.put("dueOn", c.dueOn.toString());
        return c.event(null, "opened", null, changes, Map.of());
    }

    public Transitioned<BanCase, DomainEvent> recordEvidence(EnforcementCase.Evidence e) {
        BanStatus to = BanTransitions.require(status, BanAction.RECORD_EVIDENCE);
        List<FieldProblem> problems = new ArrayList<>();
        text("/description", e.description(), true, "请写明证据内容", problems);
        InvalidFields.throwIfAny("EVIDENCE_INVALID", problems);
        List<EnforcementCase.Evidence> all = new ArrayList<>(evidence);
        all.add(e);
        Next n = new Next(this, to);
        n.evidence = all;
        return n.build().event(status, "evidence-recorded", null, Map.of("kind", String.valueOf(e.kind()), "count", all.size()), Map.of());
    }

    /** 拟取缔 with its reasons; again to change them before the notice. */
    public Transitioned<BanCase, DomainEvent> propose(String reasons) {
        BanStatus to = BanTransitions.require(status, BanAction.PROPOSE);
        List<FieldProblem> problems = new ArrayList<>();
        text("/reasons", reasons, true, "请写明拟取缔的事实、理由和依据", problems);
        InvalidFields.throwIfAny("PROPOSAL_INVALID", problems);
        if (evidence.isEmpty()) {
            throw new ClosedGate("EVIDENCE_REQUIRED", "拟取缔前须记录至少一项证据（如现场检查笔录、宣传材料、收费凭证）；请先记录证据");
        }
        Next n = new Next(this, to);
        n.proposalReasons = reasons.strip();
        return n.build().event(status, "penalty-proposed", reasons.strip(), Map.of("ground", ground.name()), Map.of("penalties", BAN));
    }

    /** 告知书: facts, reasons, basis and the right to 陈述、申辩 until {@code statementDeadline} (working days). */
    public Transitioned<BanCase, DomainEvent> serveNotice(LocalDate on, WorkingDayCalendar calendar, BanPolicy policy) {
        BanStatus to = BanTransitions.require(status, BanAction.SERVE_NOTICE);
        Next n = new Next(this, to);
        n.noticeServedOn = on;
        n.statementDeadline = calendar.addWorkingDays(on, policy.statementWorkingDays()).date();
        return n.build().event(status, "notice-served", null, Map.of("noticeServedOn", on.toString(),
                "statementDeadline", n.statementDeadline.toString()), Map.of());
    }

    public Transitioned<BanCase, DomainEvent> recordStatement(Statement s) {
        BanStatus to = BanTransitions.require(status, BanAction.RECORD_STATEMENT);
        List<FieldProblem> problems = new ArrayList<>();
        text("/text", s.text(), true, "请填写陈述或申辩内容", problems);
        InvalidFields.throwIfAny("STATEMENT_INVALID", problems);
        List<Statement> all = new ArrayList<>(statements);
        all.add(s);
        Next n = new Next(this, to);
        n.statements = all;
        return n.build().event(status, "statement-recorded", null, Map.of("concluding", s.concluding(), "on", s.on().toString()), Map.of());
    }

    /** 法制审核; an approval waits for the statement period (or the party's concluding statement). */
    public Transitioned<BanCase, DomainEvent> review(String reviewerId, boolean approved, String opinion, LocalDate on) {
        BanStatus to = BanTransitions.require(status, approved ? BanAction.APPROVE_REVIEW : BanAction.RETURN_REVIEW);
        if (!approved && (opinion == null || opinion.isBlank())) {
            throw new InvalidFields("REVIEW_INVALID", List.of(new FieldProblem("/opinion", "REQUIRED", "退回的，须写明审核意见")));
        }
        if (approved && !statementPeriodOver(on)) {
            throw new ClosedGate("STATEMENT_PERIOD_RUNNING", "当事人陈述、申辩的期限（至" + statementDeadline
                    + "）尚未届满，且当事人未表示陈述申辩完毕；请待期限届满后再审核");
        }
        Next n = new Next(this, to);
        n.review = new EnforcementCase.Review(reviewerId, approved, opinion, on);
        return n.build().event(status, "legal-review-completed", opinion, Map.of("reviewerId", reviewerId),
                Map.of("outcome", approved ? "APPROVED" : "RETURNED"));
    }

    boolean statementPeriodOver(LocalDate on) {
        boolean concluded = statements.stream().anyMatch(s -> s.concluding() && noticeServedOn != null && !s.on().isBefore(noticeServedOn));
        return concluded || (statementDeadline != null && on.isAfter(statementDeadline));
    }

    /** 取缔决定, after 法制审核 and within {@code dueOn}; the announcement is due {@code announcementWorkingDays} working days later. */
    public Transitioned<BanCase, DomainEvent> decide(String reference, String reasons, LocalDate on, WorkingDayCalendar calendar,
                                                    BanPolicy policy) {
        if (status == BanStatus.NOTIFIED) {
            throw new ClosedGate("LEGAL_REVIEW_REQUIRED", "取缔属于重大执法决定，须经法制审核方可作出；请先提交法制审核");
        }
        BanStatus to = BanTransitions.require(status, BanAction.DECIDE);
        List<FieldProblem> problems = new ArrayList<>();
        text("/reference", reference, true, "请填写取缔决定书文号", problems);
        text("/reasons", reasons, true, "请写明取缔的事实、理由和依据", problems);
        InvalidFields.throwIfAny("DECISION_INVALID", problems);
        if (on.isAfter(dueOn)) {
            throw new RuleViolation("DECISION_PERIOD_EXPIRED", List.of(new FieldProblem("/decidedOn", "DECISION_PERIOD_EXPIRED",
                    "应当自立案之日（" + openedOn + "）起" + (dueOn.toEpochDay() - openedOn.toEpochDay()) + "日内作出决定，期限已于" + dueOn
                            + "届满；请以撤案结案并写明理由，或重新立案")));
        }
        LocalDate announceBy = calendar.addWorkingDays(on, policy.announcementWorkingDays()).date();
        Next n = new Next(this, to);
        n.decision = new Decision(reference.strip(), reasons.strip(), on, announceBy);
        return n.build().event(status, "decision-issued", reasons.strip(), Map.of("reference", reference.strip(), "decidedOn", on.toString(),
                "announceBy", announceBy.toString()), Map.of("penalties", BAN));
    }

    /** 送达; {@code byAnnouncement}: 公告送达, when nobody of the group can be found. */
    public Transitioned<BanCase, DomainEvent> deliver(boolean byAnnouncement, LocalDate on) {
        Next n = new Next(this, BanTransitions.require(status, BanAction.DELIVER));
        n.deliveredOn = on;
        n.deliveredByAnnouncement = byAnnouncement;
        return n.build().event(status, "decision-delivered", null, Map.of("deliveredOn", on.toString(), "byAnnouncement", byAnnouncement),
                Map.of());
    }

    /** 收缴: what was taken in (seals, signs, documents, financial records); a note when nothing was found. */
    public Transitioned<BanCase, DomainEvent> execute(List<String> items, String note, LocalDate on) {
        BanStatus to = BanTransitions.require(status, BanAction.EXECUTE);
        List<String> clean = items == null ? List.of() : items.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
        List<FieldProblem> problems = new ArrayList<>();
        if (clean.isEmpty() && (note == null || note.isBlank())) {
            problems.add(new FieldProblem("/seized", "REQUIRED", "请列明收缴的印章、标识、资料、财务凭证等；未发现可收缴物品的，请在备注中写明"));
        }
        if (items != null && clean.size() != items.size()) {
            problems.add(new FieldProblem("/seized", "BLANK_ITEM", "收缴清单中不能有空项，请删除空项后重新提交"));
        }
        text("/note", note, false, null, problems);
        InvalidFields.throwIfAny("EXECUTION_INVALID", problems);
        Next n = new Next(this, to);
        n.executedOn = on;
        n.seized = clean;
        return n.build().event(status, "decision-executed", note, Map.of("executedOn", on.toString(), "seized", clean), Map.of());
    }

    /** 结案 after 收缴, or 撤案 before a decision (reason required then). */
    public Transitioned<BanCase, DomainEvent> close(String reason, LocalDate on) {
        BanStatus to = BanTransitions.require(status, BanAction.CLOSE);
        if (status != BanStatus.EXECUTED && (reason == null || reason.isBlank())) {
            throw new InvalidFields("CLOSING_INVALID", List.of(new FieldProblem("/reason", "REQUIRED", "撤案的，须写明理由")));
        }
        Next n = new Next(this, to);
        n.closedOn = on;
        n.closingReason = reason;
        return n.build().event(status, "closed", reason, Map.of("closedOn", on.toString()), Map.of());
    }

    /** Undecided past the decision limit. */
    public boolean overdue(LocalDate today) {
        return decision == null && status != BanStatus.CLOSED && today.isAfter(dueOn);
    }

    /** The penalty list of the enforcement-case event types this case's proposal and decision carry. */
    static final List<Map<String, Object>> BAN = List.of(Map.of("kind", "BAN"));

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The event, published under the enforcement-case types of the catalogue (their schemas fit): the case
     * kind {@code BAN} and the name it is against take the place of an organization id.
     */
    private Transitioned<BanCase, DomainEvent> event(BanStatus from, String eventName, String reason, Map<String, Object> changes,
                                                    Map<String, Object> extra) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("caseKind", "BAN");
        attributes.put("subjectName", name);
        attributes.put("ground", ground.name());
        attributes.put("regionCode", authorityCode);
        attributes.putAll(extra);
        return new Transitioned<>(this, new DomainEvent(eventName, from == null ? null : from.name(),
                from == status ? null : status.name(), reason, changes, attributes));
    }

    /** The next state, field by field; {@link #build()} bumps the version. */
    private static final class Next {
        private final BanCase c;
        private final BanStatus status;
        private List<EnforcementCase.Evidence> evidence;
        private String proposalReasons;
        private LocalDate noticeServedOn;
        private LocalDate statementDeadline;
        private List<Statement> statements;
        private EnforcementCase.Review review;
        private Decision decision;
        private LocalDate deliveredOn;
        private boolean deliveredByAnnouncement;
        private LocalDate executedOn;
        private List<String> seized;
        private LocalDate closedOn;
        private String closingReason;

        Next(BanCase c, BanStatus status) {
            this.c = c;
            this.status = status;
            evidence = c.evidence;
            proposalReasons = c.proposalReasons;
            noticeServedOn = c.noticeServedOn;
            statementDeadline = c.statementDeadline;
            statements = c.statements;
            review = c.review;
            decision = c.decision;
            deliveredOn = c.deliveredOn;
            deliveredByAnnouncement = c.deliveredByAnnouncement;
            executedOn = c.executedOn;
            seized = c.seized;
            closedOn = c.closedOn;
            closingReason = c.closingReason;
        }

        BanCase build() {
            return new BanCase(c.id, c.name, c.authorityCode, c.ground, c.facts, c.whereabouts, c.principals, status, c.openedOn, c.dueOn,
                    evidence, proposalReasons, noticeServedOn, statementDeadline, statements, review, decision, deliveredOn,
                    deliveredByAnnouncement, executedOn, seized, closedOn, closingReason, c.version + 1);
        }
    }
}
