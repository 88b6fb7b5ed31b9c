package cn.minzheng.org.enforcement;

import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.org.problems.ClosedGate;
import cn.minzheng.platform.codes.money.Fen;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.InvalidFields;
import cn.minzheng.org.problems.RuleViolation;
import cn.minzheng.platform.kit.domain.Transitioned;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * 行政处罚案件 against a social organization, from 立案 to 结案, recording the whole process
 * (行政执法全过程记录). The moves are those of {@link CaseTransitions}; the due-process gates of
 * [处罚法] are checked here: no decision without a served notice and the end of the rights period
 * (or its waiver), no major decision without 法制审核, the decision inside the 裁量基准 and never
 * heavier than what was notified ("申辩不加罚"), a hearing requested within 5 working days and noticed at
 * least 7 days ahead ([处罚法]§64), the decision within 90 days of opening ([处罚法]§60; the domain
 * names no extension, so a later decision is refused and the case shows as overdue).
 *
 * @param dueOn                    decision due: 90 days after opening ([处罚法]§60)
 * @param hearingRequestDeadline   last day to request a hearing: 5 working days after the notice
 * @param hearingNoticeDeliveredOn the day the hearing notice (time and place) reached the party
 * @param hearingDate              the day the hearing is scheduled for
 */
public record EnforcementCase(String id, String organizationId, String authorityCode, String violation, String facts,
                              CaseStatus status, LocalDate openedOn, LocalDate dueOn, List<Evidence> evidence,
                              Severity severity, List<Penalty> proposal, String proposalReasons,
                              LocalDate noticeServedOn, LocalDate hearingRequestDeadline, boolean hearingWaived,
                              List<Statement> statements, LocalDate hearingRequestedOn, LocalDate hearingNoticeDeliveredOn,
                              LocalDate hearingDate, String hearingPlace, LocalDate hearingHeldOn, String hearingRecord,
                              Review review, Decision decision, LocalDate deliveredOn, LocalDate executedOn,
                              LocalDate closedOn, String closingReason, long version) {

    public EnforcementCase {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        proposal = proposal == null ? List.of() : List.copyOf(proposal);
        statements = statements == null ? List.of() : List.copyOf(statements);
    }

    /** 调查取证: one piece of evidence (document, inspection record, testimony...). */
    public record Evidence(String kind, String description, String recordedBy, LocalDate recordedOn) {
    }

    /** 陈述 or 申辩 ({@code defence}) of the party; it may waive the hearing. */
    public record Statement(String text, boolean defence, boolean waivesHearing, LocalDate on) {
    }

    /** 法制审核 by a LEGAL_REVIEWER: approved, or returned with the opinion. */
    public record Review(String reviewerId, boolean approved, String opinion, LocalDate on) {
    }

    public record Decision(String reference, List<Penalty> penalties, String reasons, boolean major, LocalDate decidedOn) {
        public Decision {
            penalties = penalties == null ? List.of() : List.copyOf(penalties);
        }
    }

    public static Transitioned<EnforcementCase, DomainEvent> open(String id, String organizationId, String authorityCode, String violation,
                                                     String facts, DiscretionBenchmarks benchmarks, EnforcementPolicy policy,
                                                     LocalDate on) {
        List<FieldProblem> problems = new ArrayList<>();
        if (violation == null || !benchmarks.knows(violation)) {
            problems.add(new FieldProblem("/violation", "UNKNOWN_VIOLATION", "请选择裁量基准中列明的违法行为"));
        }
        if (facts == null || facts.isBlank()) {
            problems.add(new FieldProblem("/facts", "REQUIRED", "请写明立案的违法事实"));
        }
        InvalidFields.throwIfAny("CASE_INVALID", problems);
        EnforcementCase c = new EnforcementCase(id, organizationId, authorityCode, violation, facts, CaseStatus.OPEN, on,
                on.plusDays(policy.decisionDays()), List.of(), null, List.of(), null, null, null, false, List.of(), null, null, null,
                null, null, null, null, null, null, null, null, null, 1);
        return c.event(null, "opened", null, Map.of("violation", violation, "openedOn", on.toString(), "dueOn", c.dueOn.toString()), Map.of());
    }

    public Transitioned<EnforcementCase, DomainEvent> recordEvidence(Evidence e) {
        CaseStatus to = CaseTransitions.require(status, CaseAction.RECORD_EVIDENCE);
        if (e.description() == null || e.description().isBlank()) {
            throw new InvalidFields("EVIDENCE_INVALID", List.of(new FieldProblem("/description", "REQUIRED", "请写明证据内容")));
        }
        List<Evidence> all = new ArrayList<>(evidence);
        all.add(e);
        Next n = next(to);
        n.evidence = all;
        return n.build().event(status, "evidence-recorded", null, Map.of("kind", String.valueOf(e.kind()), "count", all.size()), Map.of());
    }

    /** A proposed penalty: well-formed (400) and inside the 裁量基准 for the violation and circumstances (422). */
    public Transitioned<EnforcementCase, DomainEvent> propose(Severity severity, List<Penalty> penalties, String reasons,
                                                 DiscretionBenchmarks benchmarks) {
        CaseStatus to = CaseTransitions.require(status, CaseAction.PROPOSE);
        List<FieldProblem> form = new ArrayList<>(Penalty.formProblems("/penalties", penalties));
        if (severity == null) {
            form.add(new FieldProblem("/severity", "REQUIRED", "请选择情节（轻微、一般、严重）"));
        }
        if (reasons == null || reasons.isBlank()) {
            form.add(new FieldProblem("/reasons", "REQUIRED", "请写明拟处罚的理由和依据"));
        }
        InvalidFields.throwIfAny("PROPOSAL_INVALID", form);
        RuleViolation.throwIfAny("OUTSIDE_DISCRETION_BENCHMARK", benchmarks.check(violation, severity, penalties, "/penalties"));
        Next n = next(to);
        n.severity = severity;
        n.proposal = penalties;
        n.proposalReasons = reasons;
        return n.build().event(status, "penalty-proposed", reasons, Map.of("severity", severity.name()),
                Map.of("penalties", penalties.stream().map(Penalty::toMap).toList()));
    }

    /** 告知书 of facts, reasons, basis and the rights to 陈述、申辩、听证; opens the hearing-request window. */
    public Transitioned<EnforcementCase, DomainEvent> serveNotice(LocalDate on, WorkingDayCalendar calendar, EnforcementPolicy policy) {
        CaseStatus to = CaseTransitions.require(status, CaseAction.SERVE_NOTICE);
        Next n = next(to);
        n.noticeServedOn = on;
        n.hearingRequestDeadline = calendar.addWorkingDays(on, policy.hearingRequestWorkingDays()).date();
        n.hearingWaived = false;
        n.hearingRequestedOn = null;
        return n.build().event(status, "notice-served", null, Map.of("noticeServedOn", on.toString(),
                "hearingRequestDeadline", n.hearingRequestDeadline.toString()), Map.of());
    }

    public Transitioned<EnforcementCase, DomainEvent> recordStatement(Statement s) {
        CaseStatus to = CaseTransitions.require(status, CaseAction.RECORD_STATEMENT);
        if (s.text() == null || s.text().isBlank()) {
            throw new InvalidFields("STATEMENT_INVALID", List.of(new FieldProblem("/text", "REQUIRED", "请填写陈述或申辩内容")));
        }
        List<Statement> all = new ArrayList<>(statements);
        all.add(s);
        Next n = next(to);
        n.statements = all;
        n.hearingWaived = hearingWaived || (s.waivesHearing() && status == CaseStatus.NOTIFIED);
        return n.build().event(status, "statement-recorded", null,
                Map.of("defence", s.defence(), "waivesHearing", n.hearingWaived, "on", s.on().toString()), Map.of());
    }

    /** 听证 requested by the party: no later than the 5th working day after the notice (422 when later). */
    public Transitioned<EnforcementCase, DomainEvent> requestHearing(LocalDate on) {
        CaseStatus to = CaseTransitions.require(status, CaseAction.REQUEST_HEARING);
        if (on.isAfter(hearingRequestDeadline)) {
            throw new RuleViolation("HEARING_REQUEST_LATE", List.of(new FieldProblem("/requestedOn", "HEARING_REQUEST_LATE",
                    "听证须在告知书送达后5个工作日内提出，期限至" + hearingRequestDeadline)));
        }
        if (hearingWaived) {
            throw new RuleViolation("HEARING_WAIVED", List.of(new FieldProblem("/requestedOn", "HEARING_WAIVED", "当事人已书面放弃听证")));
        }
        Next n = next(to);
        n.hearingRequestedOn = on;
        return n.build().event(status, "hearing-requested", null, Map.of("requestedOn", on.toString()), Map.of());
    }

    /**
     * 听证 scheduled: the party is told the time and place at least {@code hearingNoticeDays} (7) days
     * ahead ([处罚法]§64(二)). {@code noticeDeliveredOn} is the day that notice reached the party (today
     * when not given); a postponement schedules again with a new notice.
     */
    public Transitioned<EnforcementCase, DomainEvent> scheduleHearing(LocalDate hearingDate, String place, LocalDate noticeDeliveredOn,
                                                         LocalDate today, EnforcementPolicy policy) {
        CaseStatus to = CaseTransitions.require(status, CaseAction.SCHEDULE_HEARING);
        LocalDate delivered = noticeDeliveredOn == null ? today : noticeDeliveredOn;
        List<FieldProblem> form = new ArrayList<>();
        if (hearingDate == null) {
            form.add(new FieldProblem("/hearingDate", "REQUIRED", "请填写听证日期"));
        }
        if (place == null || place.isBlank()) {
            form.add(new FieldProblem("/place", "REQUIRED", "请填写听证地点"));
        }
        if (delivered.isAfter(today)) {
            form.add(new FieldProblem("/noticeDeliveredOn", "NOTICE_NOT_YET_DELIVERED", "听证通知书送达日期不能晚于今天（" + today + "）"));
        } else if (hearingRequestedOn != null && delivered.isBefore(hearingRequestedOn)) {
            form.add(new FieldProblem("/noticeDeliveredOn", "NOTICE_BEFORE_REQUEST",
                    "听证通知书送达日期不能早于当事人要求听证之日（" + hearingRequestedOn + "）"));
        }
        InvalidFields.throwIfAny("HEARING_SCHEDULE_INVALID", form);
        LocalDate earliest = delivered.plusDays(policy.hearingNoticeDays());
        if (hearingDate.isBefore(earliest)) {
            throw new RuleViolation("HEARING_NOTICE_TOO_SHORT", List.of(new FieldProblem("/hearingDate", "HEARING_NOTICE_TOO_SHORT",
                    "应当在举行听证的" + policy.hearingNoticeDays() + "日前通知当事人听证的时间、地点：通知书于" + delivered
                            + "送达，听证最早可定于" + earliest + "；请改定日期，或重新送达通知书")));
        }
        Next n = next(to);
        n.hearingNoticeDeliveredOn = delivered;
        n.hearingDate = hearingDate;
        n.hearingPlace = place.strip();
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("hearingDate", hearingDate.toString());
        changes.put("noticeDeliveredOn", delivered.toString());
        return n.build().event(status, "hearing-scheduled", null, changes,
                Map.of("hearingDate", hearingDate.toString(), "noticeDeliveredOn", delivered.toString(), "place", place.strip()));
    }

    /** 听证 held, on or after the scheduled day (earlier would cut the notice period short). */
    public Transitioned<EnforcementCase, DomainEvent> holdHearing(String record, LocalDate on) {
        CaseStatus to = CaseTransitions.require(status, CaseAction.HOLD_HEARING);
        if (record == null || record.isBlank()) {
            throw new InvalidFields("HEARING_INVALID", List.of(new FieldProblem("/record", "REQUIRED", "请填写听证笔录摘要")));
        }
        if (hearingDate != null && on.isBefore(hearingDate)) {
            throw new ClosedGate("HEARING_DATE_NOT_REACHED", "听证定于" + hearingDate + "举行，此前不得举行；如需提前，须重新送达听证通知书并提前7日通知");
        }
        Next n = next(to);
        n.hearingHeldOn = on;
        n.hearingRecord = record;
        return n.build().event(status, "hearing-held", null, Map.of("heldOn", on.toString()), Map.of());
    }

    /** 法制审核. Before the hearing window is over it would cut off the party's right, so it waits for it too. */
    public Transitioned<EnforcementCase, DomainEvent> review(String reviewerId, boolean approved, String opinion, LocalDate on) {
        CaseStatus to = CaseTransitions.require(status, approved ? CaseAction.APPROVE_REVIEW : CaseAction.RETURN_REVIEW);
        if (!approved && (opinion == null || opinion.isBlank())) {
            throw new InvalidFields("REVIEW_INVALID", List.of(new FieldProblem("/opinion", "REQUIRED", "退回的，须写明审核意见")));
        }
        if (status == CaseStatus.NOTIFIED) {
            requireRightsPeriodOver(on);
        }
        Next n = next(to);
        n.review = new Review(reviewerId, approved, opinion, on);
        return n.build().event(status, "legal-review-completed", opinion, Map.of("reviewerId", reviewerId),
                Map.of("outcome", approved ? "APPROVED" : "RETURNED"));
    }

    /** 处罚决定. */
    public Transitioned<EnforcementCase, DomainEvent> decide(String reference, List<Penalty> penalties, String reasons, DiscretionBenchmarks benchmarks,
                                                EnforcementPolicy policy, LocalDate on) {
        if (noticeServedOn == null || status == CaseStatus.OPEN || status == CaseStatus.PROPOSED) {
            throw new ClosedGate("NOTICE_REQUIRED", "作出处罚决定前须告知当事人拟处罚的事实、理由、依据及陈述、申辩、听证的权利；请先送达告知书");
        }
        CaseStatus to = CaseTransitions.require(status, CaseAction.DECIDE);
        List<FieldProblem> form = new ArrayList<>(Penalty.formProblems("/penalties", penalties));
        if (reference == null || reference.isBlank()) {
            form.add(new FieldProblem("/reference", "REQUIRED", "请填写处罚决定书文号"));
        }
        if (reasons == null || reasons.isBlank()) {
            form.add(new FieldProblem("/reasons", "REQUIRED", "请写明处罚理由和依据"));
        }
        InvalidFields.throwIfAny("DECISION_INVALID", form);
        if (on.isAfter(dueOn)) {
            throw new RuleViolation("DECISION_PERIOD_EXPIRED", List.of(new FieldProblem("/decidedOn", "DECISION_PERIOD_EXPIRED",
                    "应当自立案之日（" + openedOn + "）起90日内作出处罚决定，期限已于" + dueOn
                            + "届满，不得再作出处罚决定；请以不予处罚或撤案结案并写明理由")));
        }
        List<FieldProblem> refused = new ArrayList<>(benchmarks.check(violation, severity, penalties, "/penalties"));
        refused.addAll(heavierThanNotified(penalties));
        RuleViolation.throwIfAny(refused.stream().anyMatch(p -> HEAVIER.contains(p.code()))
                ? "HEAVIER_THAN_NOTIFIED" : "OUTSIDE_DISCRETION_BENCHMARK", refused);
        boolean major = policy.major(penalties, hearingHeldOn != null);
        if (major && status != CaseStatus.REVIEWED) {
            throw new ClosedGate("LEGAL_REVIEW_REQUIRED", "重大执法决定（撤销登记、限期停止活动、较大数额罚款或经听证的决定）须经法制审核方可作出；请先提交法制审核");
        }
        if (status == CaseStatus.NOTIFIED) {
            requireRightsPeriodOver(on);
        }
        Next n = next(to);
        n.decision = new Decision(reference, penalties, reasons, major, on);
        return n.build().event(status, "decision-issued", reasons, Map.of("reference", reference, "major", major, "decidedOn", on.toString()),
                Map.of("penalties", penalties.stream().map(Penalty::toMap).toList()));
    }

    public Transitioned<EnforcementCase, DomainEvent> deliver(LocalDate on) {
        Next n = next(CaseTransitions.require(status, CaseAction.DELIVER));
        n.deliveredOn = on;
        return n.build().event(status, "decision-delivered", null, Map.of("deliveredOn", on.toString()), Map.of());
    }

    public Transitioned<EnforcementCase, DomainEvent> execute(String note, LocalDate on) {
        Next n = next(CaseTransitions.require(status, CaseAction.EXECUTE));
        n.executedOn = on;
        return n.build().event(status, "decision-executed", note, Map.of("executedOn", on.toString()), Map.of());
    }

    /** 结案 after execution, or 撤案 / 不予处罚 before a decision (reason required then). */
    public Transitioned<EnforcementCase, DomainEvent> close(String reason, LocalDate on) {
        CaseStatus to = CaseTransitions.require(status, CaseAction.CLOSE);
        if (status != CaseStatus.EXECUTED && (reason == null || reason.isBlank())) {
            throw new InvalidFields("CLOSING_INVALID", List.of(new FieldProblem("/reason", "REQUIRED", "不予处罚或撤案的，须写明理由")));
        }
        Next n = next(to);
        n.closedOn = on;
        n.closingReason = reason;
        return n.build().event(status, "closed", reason, Map.of("closedOn", on.toString()), Map.of());
    }

    /** Undecided past the 90-day limit. */
    public boolean overdue(LocalDate today) {
        return decision == null && status != CaseStatus.CLOSED && today.isAfter(dueOn);
    }

    /** Field codes of a decision heavier than the notified proposal. */
    static final Set<String> HEAVIER = Set.of("HEAVIER_THAN_NOTIFIED", "PENALTY_NOT_NOTIFIED", "AMOUNT_ABOVE_NOTIFIED");

    /**
     * Every way {@code decided} is heavier than the notified proposal ([处罚法]§48: a defence never
     * leads to a heavier penalty; anything beyond the notice needs a new notice): a heavier kind; a
     * kind the notice did not name added to it — a fine when none was notified, confiscation beside a
     * notified fine (a lighter kind in place of a heavier notified one, e.g. 警告 instead of 罚款, is
     * lighter, and 责令改正 is an order, not a penalty, and may always accompany one); a larger fine, a
     * larger confiscation, a longer suspension. Each problem points at the penalty it is about.
     */
    List<FieldProblem> heavierThanNotified(List<Penalty> decided) {
        List<FieldProblem> problems = new ArrayList<>();
        String why = statements.stream().anyMatch(Statement::defence) || hearingHeldOn != null
                ? "（当事人申辩、听证不得导致加重处罚）" : "（超出告知的处罚须重新告知）";
        String next = "；如确需变更，请重新告知拟处罚的事实、理由、依据并听取陈述申辩";
        if (Penalty.heaviestRank(decided) > Penalty.heaviestRank(proposal)) {
            problems.add(new FieldProblem("/penalties", "HEAVIER_THAN_NOTIFIED", "决定的处罚种类重于告知的拟处罚" + why + next));
        }
        for (int i = 0; i < decided.size(); i++) {
            Penalty d = decided.get(i);
            long proposed = Penalty.total(proposal, d.kind());
            boolean notified = proposal.stream().anyMatch(p -> p.kind() == d.kind());
            boolean replacesAHeavierNotified = proposal.stream().anyMatch(p -> p.kind().rank() > d.kind().rank()
                    && decided.stream().noneMatch(x -> x.kind() == p.kind()));
            if (!notified && d.kind() != PenaltyKind.RECTIFICATION_ORDER && !replacesAHeavierNotified) {
                problems.add(new FieldProblem("/penalties/" + i + "/kind", "PENALTY_NOT_NOTIFIED",
                        "「" + d.kind().text() + "」不在告知的拟处罚中" + why + next));
            } else if (d.kind() == PenaltyKind.FINE || d.kind() == PenaltyKind.CONFISCATION) {
                if (d.amountFen() > proposed) {
                    problems.add(new FieldProblem("/penalties/" + i + "/amount", "AMOUNT_ABOVE_NOTIFIED",
                            d.kind().text() + "金额" + Fen.of(d.amountFen()).yuan() + "元高于告知的" + Fen.of(proposed).yuan() + "元" + why + next));
                }
            } else if (d.kind() == PenaltyKind.SUSPENSION && d.months() > proposed) {
                problems.add(new FieldProblem("/penalties/" + i + "/months", "HEAVIER_THAN_NOTIFIED",
                        "停止活动期限长于告知的拟处罚（" + proposed + "个月）" + why + next));
            }
        }
        return problems;
    }

    private void requireRightsPeriodOver(LocalDate on) {
        if (!hearingWaived && !on.isAfter(hearingRequestDeadline)) {
            throw new ClosedGate("RIGHTS_PERIOD_RUNNING", "当事人陈述、申辩和要求听证的期限（至" + hearingRequestDeadline
                    + "）尚未届满，且当事人未书面放弃听证；请待期限届满后再作出决定");
        }
    }

    private Transitioned<EnforcementCase, DomainEvent> event(CaseStatus from, String name, String reason, Map<String, Object> changes,
                                                Map<String, Object> extra) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("organizationId", organizationId);
        attributes.put("regionCode", authorityCode);
        attributes.putAll(extra);
        return new Transitioned<>(this, new DomainEvent(name, from == null ? null : from.name(),
                from == status ? null : status.name(), reason, changes, attributes));
    }

    private Next next(CaseStatus to) {
        return new Next(this, to);
    }

    /** The next state, field by field; {@link #build()} bumps the version. */
    private static final class Next {
        private final EnforcementCase c;
        private final CaseStatus status;
        private List<Evidence> evidence;
        private Severity severity;
        private List<Penalty> proposal;
        private String proposalReasons;
        private LocalDate noticeServedOn;
        private LocalDate hearingRequestDeadline;
        private boolean hearingWaived;
        private List<Statement> statements;
        private LocalDate hearingRequestedOn;
        private LocalDate hearingNoticeDeliveredOn;
        private LocalDate hearingDate;
        private String hearingPlace;
        private LocalDate hearingHeldOn;
        private String hearingRecord;
        private Review review;
        private Decision decision;
        private LocalDate deliveredOn;
        private LocalDate executedOn;
        private LocalDate closedOn;
        private String closingReason;

        Next(EnforcementCase c, CaseStatus status) {
            this.c = c;
            this.status = status;
            evidence = c.evidence;
            severity = c.severity;
            proposal = c.proposal;
            proposalReasons = c.proposalReasons;
            noticeServedOn = c.noticeServedOn;
            hearingRequestDeadline = c.hearingRequestDeadline;
            hearingWaived = c.hearingWaived;
            statements = c.statements;
            hearingRequestedOn = c.hearingRequestedOn;
            hearingNoticeDeliveredOn = c.hearingNoticeDeliveredOn;
            hearingDate = c.hearingDate;
            hearingPlace = c.hearingPlace;
            hearingHeldOn = c.hearingHeldOn;
            hearingRecord = c.hearingRecord;
            review = c.review;
            decision = c.decision;
            deliveredOn = c.deliveredOn;
            executedOn = c.executedOn;
            closedOn = c.closedOn;
            closingReason = c.closingReason;
        }

        EnforcementCase build() {
            return new EnforcementCase(c.id, c.organizationId, c.authorityCode, c.violation, c.facts, status, c.openedOn, c.dueOn,
                    evidence, severity, proposal, proposalReasons, noticeServedOn, hearingRequestDeadline, hearingWaived, statements,
                    hearingRequestedOn, hearingNoticeDeliveredOn, hearingDate, hearingPlace, hearingHeldOn, hearingRecord, review, decision, deliveredOn, executedOn, closedOn,
                    closingReason, c.version + 1);
        }
    }
}
