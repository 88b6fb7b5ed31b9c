package cn.minzheng.assistance.application;

import cn.minzheng.platform.kit.domain.RuleViolation;
import cn.minzheng.assistance.deadlines.Deadline;
import cn.minzheng.assistance.deadlines.DecisionDue;
import cn.minzheng.assistance.deadlines.DeadlinePlanner;
import cn.minzheng.assistance.deadlines.Step;
import cn.minzheng.assistance.eligibility.Calculation;
import cn.minzheng.assistance.eligibility.Outcome;
import cn.minzheng.assistance.household.FieldProblem;
import cn.minzheng.assistance.household.HouseholdMember;
import cn.minzheng.assistance.household.SubmissionInvalidException;
import cn.minzheng.assistance.household.Submission;
import cn.minzheng.assistance.standards.Program;

import cn.minzheng.assistance.selfcare.SelfCareLevel;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.platform.kit.domain.Transitioned;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One assistance case (the aggregate). Immutable, and it returns a change the way every aggregate of the
 * platform does: a command answers {@link Transitioned} — the next version of the case (the transition
 * recorded in {@link #history()}) and the {@link DomainEvent} it caused; {@link #submit} answers the new
 * case with its events (two when a conflict of interest is declared). A command the case's state does not
 * allow is the kit's {@link IllegalTransition} (aggregate {@value #AGGREGATE_TYPE}, status, command),
 * a step's own rule a {@link RuleViolation} (the kit's, of a {@link CaseRule}), a role that may not give the command a
 * {@link RoleNotAllowedException}.
 *
 * <p>The case carries no events: what is waiting to be published is not the case's state. The outbox
 * stays in the case's stored document all the same — {@link ApplicationStore#update} writes the new
 * state and pushes the transition's event into the document's {@code pendingEvents} in ONE conditional
 * update on {@code {_id, version}}, and the relay publishes from there — so an event is never publishable
 * without its change, nor a change stored without its event; a case read back from the store
 * ({@link CaseDocuments#fromDocument}) never sees the outbox.
 *
 * <p>A transition builds its next state with the record's {@code with…} copies (one per field a command
 * changes, each checked by {@code AssistanceCaseTest} to change that field only), after the role and the
 * table have been checked; {@code move} then sets the status, the version and the history and makes the
 * event.
 */
public record AssistanceCase(String number, Program program, String regionCode, String ownerSubject,
                             List<String> memberIds, Submission submission, ApplicationStatus status, long version,
                             Instant submittedAt, LocalDate acceptedOn, List<SupplementRequest> supplementRequests,
                             List<HomeVisit> homeVisits, EconomicCheck economicCheck, Opinion opinion,
                             Publicity publicity, Decision decision, Benefit benefit, String recordCompletion,
                             ProviderAssignment provider, List<Deadline> deadlines, List<TransitionRecord> history) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final String AGGREGATE_TYPE = "application";

    public AssistanceCase {
        memberIds = List.copyOf(memberIds);
        supplementRequests = supplementRequests == null ? List.of() : List.copyOf(supplementRequests);
        homeVisits = homeVisits == null ? List.of() : List.copyOf(homeVisits);
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * A new case from a validated submission (version 1) and its events: {@code submitted}, and
     * {@code conflict-registered} after it when the applicant declares a relation to staff.
     */
    public static Transitioned<AssistanceCase, List<DomainEvent>> submit(String number, Submission s, Actor citizen,
                                                                        Instant at) {
        requireRole(citizen, ApplicationCommand.SUBMIT);
        List<String> ids = countedMemberIds(s);
        TransitionRecord record = new TransitionRecord(ApplicationCommand.SUBMIT, null, ApplicationStatus.SUBMITTED,
                citizen.id(), citizen.name(), citizen.role(), at, null);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("program", s.program().name());
        changes.put("householdSize", ids.size());
        DomainEvent event = new DomainEvent(UUID.randomUUID().toString(), ApplicationCommand.SUBMIT.eventName(),
                AGGREGATE_TYPE, number, null, ApplicationStatus.SUBMITTED, null, changes, citizen.id(), citizen.role(),
                s.regionCode(), 1, at);
        List<DomainEvent> events = new ArrayList<>(List.of(event));
        if (s.conflictOfInterest()) {
            // 单独登记备案 [57]§11: recorded with the submission, so the county sees it from the start
            events.add(new DomainEvent(UUID.randomUUID().toString(), "conflict-registered", AGGREGATE_TYPE, number,
                    null, null, s.staffRelation(), Map.of(), citizen.id(), citizen.role(), s.regionCode(), 1, at));
        }
        return new Transitioned<>(new AssistanceCase(number, s.program(), s.regionCode(), citizen.id(), ids, s,
                ApplicationStatus.SUBMITTED, 1, at, null, List.of(), List.of(), null, null, null, null, null, null,
                null, List.of(), List.of(record)), List.copyOf(events));
    }

    // ---- acceptance -------------------------------------------------------------------------

    /**
     * 一次性告知: all missing items in one request; allowed only once per (re)submission. The applicant's
     * reply is due {@code rules.supplementReplyWorkingDays()} working days later: that clock is open while
     * the case waits, so the case appears in the clerks' due list, and closes with the resubmission.
     */
    public Transitioned<AssistanceCase, DomainEvent> requestSupplement(Actor a, Instant at, List<String> missingItems,
                                                                      CaseRules rules, DeadlinePlanner planner) {
        guard(ApplicationCommand.REQUEST_SUPPLEMENT, a);
        if (missingItems == null || missingItems.isEmpty() || missingItems.stream().anyMatch(i -> i == null || i.isBlank())) {
            throw new RuleViolation(CaseRule.MISSING_ITEMS_REQUIRED, "list every missing item, at once");
        }
        LocalDate today = LocalDate.ofInstant(at, CHINA);
        Deadline reply = planner.startFixed(Step.SUPPLEMENT_REPLY, today, rules.supplementReplyWorkingDays());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("missingItems", missingItems);
        changes.put("replyBy", reply.promisedDue().toString());
        return move(ApplicationCommand.REQUEST_SUPPLEMENT, a, at, null, changes, c -> c
                .withSupplementRequests(append(c.supplementRequests, SupplementRequest.of(missingItems, at, a.id(),
                        reply.promisedDue())))
                .withDeadlines(append(c.deadlines, reply)));
    }

    /** The applicant answers the request; something must have changed. */
    public Transitioned<AssistanceCase, DomainEvent> resubmit(Actor a, Instant at, Submission changed) {
        guard(ApplicationCommand.RESUBMIT, a);
        requireOwner(a);
        if (changed.equals(submission)) {
            throw new RuleViolation(CaseRule.NOTHING_CHANGED, "the resubmission changes nothing");
        }
        if (changed.program() != program || !changed.regionCode().equals(regionCode)) {
            throw new RuleViolation(CaseRule.PROGRAM_OR_REGION_CHANGED, "program and region stay as first submitted");
        }
        LocalDate today = LocalDate.ofInstant(at, CHINA);
        return move(ApplicationCommand.RESUBMIT, a, at, null, Map.of("householdSize", changed.members().stream().filter(HouseholdMember::counted).count()), c -> c
                .withSubmission(changed)
                .withDeadlines(meet(c.deadlines, Step.SUPPLEMENT_REPLY, today)));
    }

    /**
     * 受理: the clocks start today, also after a 一次性告知 round (the time limits run from acceptance
     * [57]§22). The event carries the decision's due date where acceptance sets it (whole-case limit).
     */
    public Transitioned<AssistanceCase, DomainEvent> accept(Actor a, Instant at, DeadlinePlanner planner) {
        LocalDate today = LocalDate.ofInstant(at, CHINA);
        List<Step> started = List.of(Step.START_INVESTIGATION, Step.TOWNSHIP_OPINION, Step.WHOLE_CASE);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("acceptedOn", today.toString());
        changes.putAll(decisionDueFields(planner, started, today));
        return move(ApplicationCommand.ACCEPT, a, at, null, changes, c -> {
            List<Deadline> list = new ArrayList<>(c.deadlines);
            for (Step step : started) {
                planner.start(program, regionCode, step, today).ifPresent(list::add);
            }
            return c.withAcceptedOn(today).withDeadlines(list);
        });
    }

    /** 不予受理: the reason is the written notice, issued with the refusal. */
    public Transitioned<AssistanceCase, DomainEvent> refuseAcceptance(Actor a, Instant at, String reason, DeadlinePlanner planner) {
        guard(ApplicationCommand.REFUSE_ACCEPTANCE, a);
        requireReason(reason);
        LocalDate today = LocalDate.ofInstant(at, CHINA);
        return move(ApplicationCommand.REFUSE_ACCEPTANCE, a, at, reason, Map.of(), c -> c.withDeadlines(
                closeAllAndNotify(c.deadlines, planner, today)));
    }

    // ---- investigation ----------------------------------------------------------------------

    public Transitioned<AssistanceCase, DomainEvent> recordHomeVisit(Actor a, Instant at, HomeVisit visit, CaseRules rules) {
        guard(ApplicationCommand.RECORD_HOME_VISIT, a);
        LocalDate visitToday = LocalDate.ofInstant(at, CHINA);
        LocalDate submittedOn = LocalDate.ofInstant(submittedAt, CHINA);
        if (visit.visitedOn() != null && visit.visitedOn().isAfter(visitToday)) {
            throw new SubmissionInvalidException(List.of(new FieldProblem("/visitedOn", "DATE_IN_FUTURE",
                    "a home visit is not dated after today", List.of(visit.visitedOn(), visitToday))));
        }
        if (visit.visitedOn() != null && visit.visitedOn().isBefore(submittedOn)) {
            throw new SubmissionInvalidException(List.of(new FieldProblem("/visitedOn", "DATE_BEFORE_SUBMISSION",
                    "a home visit is not dated before the submission", List.of(visit.visitedOn(), submittedOn))));
        }
        if (visit.distinctStaff() < rules.minimumVisitStaff()) {
            throw new RuleViolation(CaseRule.VISIT_STAFF, "a home visit needs at least "
                    + rules.minimumVisitStaff() + " distinct staff", rules.minimumVisitStaff());
        }
        if (submission.conflictOfInterest() && (a.region() == null || a.region().length() > 6)) {
            throw new RuleViolation(CaseRule.COUNTY_VISIT_REQUIRED,
                    "a separately registered case is visited by county staff [57]§20");
        }
        if (visit.findings() == null || visit.findings().isBlank()) {
            throw new RuleViolation(CaseRule.VISIT_FINDINGS, "a home visit records its findings");
        }
        if (visit.selfCare() != null && program != Program.TEKUN) {
            throw new RuleViolation(CaseRule.SELF_CARE_TEKUN_ONLY,
                    "the self-care assessment belongs to a 特困 investigation [43]§21");
        }
        LocalDate today = LocalDate.ofInstant(at, CHINA);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("visitDate", visit.visitedOn().toString());
        changes.put("visitors", visit.staffIds().stream().filter(x -> x != null && !x.isBlank()).distinct().toList());
        if (visit.selfCare() != null) {
            changes.put("selfCareLevel", visit.selfCare().level().name());
            changes.put("selfCareItemsNotAchieved", visit.selfCare().notAchieved());
        }
        return move(ApplicationCommand.RECORD_HOME_VISIT, a, at, null, changes, c -> c
                .withHomeVisits(append(c.homeVisits, visit))
                .withDeadlines(meet(c.deadlines, Step.START_INVESTIGATION, today)));
    }

    public Transitioned<AssistanceCase, DomainEvent> recordEconomicCheck(Actor a, Instant at, EconomicCheck check) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", check.status().name());
        result.put("source", check.source());
        result.put("summary", check.summary());
        result.put("incomeConfirmed", check.incomeConfirmed());
        result.put("supporterAble", check.supporterAble());
        String event = check.status() == EconomicCheck.Status.PENDING ? "economic-check-pending"
                : ApplicationCommand.RECORD_ECONOMIC_CHECK.eventName();
        return move(ApplicationCommand.RECORD_ECONOMIC_CHECK, event, a, at, null, Map.of("result", result),
                c -> c.withEconomicCheck(check));
    }

    public Transitioned<AssistanceCase, DomainEvent> giveOpinion(Actor a, Instant at, boolean recommendApproval, String text) {
        guard(ApplicationCommand.GIVE_OPINION, a);
        requireReason(text);
        if (homeVisits.isEmpty()) {
            throw new RuleViolation(CaseRule.VISIT_MISSING, "no opinion before the home visit [57]§28");
        }
        if (economicCheck == null || economicCheck.status() != EconomicCheck.Status.COMPLETED) {
            throw new RuleViolation(CaseRule.CHECK_PENDING, "no opinion before the economic check is complete [57]§28");
        }
        LocalDate today = LocalDate.ofInstant(at, CHINA);
        return move(ApplicationCommand.GIVE_OPINION, a, at, text, Map.of("recommendApproval", recommendApproval), c -> c
                .withOpinion(new Opinion(recommendApproval, text, at, a.id()))
                .withDeadlines(meet(c.deadlines, Step.TOWNSHIP_OPINION, today)));
    }

    // ---- publicity ----------------------------------------------------------------------------

    public Transitioned<AssistanceCase, DomainEvent> startPublicity(Actor a, Instant at, CaseRules rules) {
        LocalDate today = LocalDate.ofInstant(at, CHINA);
        LocalDate ends = today.plusDays(rules.publicityDays());
        return move(ApplicationCommand.START_PUBLICITY, a, at, null,
                Map.of("startDate", today.toString(), "endDate", ends.toString()),
                c -> c.withPublicity(new Publicity(today, ends, List.of())));
    }

    /** An objection sends the case back to investigation; a new opinion and a new 公示 follow. */
    public Transitioned<AssistanceCase, DomainEvent> recordObjection(Actor a, Instant at, String objection) {
        guard(ApplicationCommand.RECORD_OBJECTION, a);
        requireReason(objection);
        return move(ApplicationCommand.RECORD_OBJECTION, a, at, objection, Map.of(), c -> c
                .withPublicity(new Publicity(c.publicity.startedOn(), c.publicity.endsOn(),
                        append(c.publicity.objections(), objection)))
                .withOpinion(null));
    }

    public Transitioned<AssistanceCase, DomainEvent> completePublicity(Actor a, Instant at, DeadlinePlanner planner) {
        guard(ApplicationCommand.COMPLETE_PUBLICITY, a);
        LocalDate today = LocalDate.ofInstant(at, CHINA);
        if (status == ApplicationStatus.IN_PUBLICITY && today.isBefore(publicity.endsOn())) {
            throw new RuleViolation(CaseRule.PUBLICITY_RUNNING, "publicity runs until " + publicity.endsOn(), publicity.endsOn());
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("completedOn", today.toString());
        // 特困 has no whole-case limit: the decision's due date is set here, by the county's own limit [43]§17
        changes.putAll(decisionDueFields(planner, List.of(Step.COUNTY_DECISION), today));
        return move(ApplicationCommand.COMPLETE_PUBLICITY, a, at, null, changes, c -> {
            List<Deadline> list = new ArrayList<>(c.deadlines);
            planner.start(program, regionCode, Step.COUNTY_DECISION, today).ifPresent(list::add);
            return c.withDeadlines(list);
        });
    }

    // ---- decision -----------------------------------------------------------------------------

    /**
     * 审核确认: approved with the calculation; payment from the next month; re-check after 12 months,
     * or 6 when income is unstable.
     */
    public Transitioned<AssistanceCase, DomainEvent> approve(Actor a, Instant at, Calculation calc, boolean unstableIncome,
                                                            CaseRules rules, DeadlinePlanner planner) {
        guard(ApplicationCommand.APPROVE, a);
        if (calc.outcome() == Outcome.NOT_ELIGIBLE || calc.monthlyAmountFen() <= 0 && program != Program.DIBAO_EDGE) {
            throw new RuleViolation(CaseRule.NOT_ELIGIBLE_FOR_APPROVAL, "the calculation does not support an approval");
        }
        LocalDate today = LocalDate.ofInstant(at, CHINA);
        boolean oneOff = program == Program.TEMPORARY;
        int months = unstableIncome ? rules.unstableRecheckMonths() : rules.recheckMonths();
        // 临时救助: paid once by the batch of the approval month or the first drawn after it; no re-check
        YearMonth first = oneOff ? YearMonth.from(today) : YearMonth.from(today).plusMonths(1);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("monthlyAmountFen", calc.monthlyAmountFen());
        if (oneOff) {
            changes.put("oneOff", true);
            changes.put("oneOffAmountFen", calc.monthlyAmountFen());
            changes.put("payableFrom", first.toString());
        } else {
            changes.put("firstMonth", first.toString());
        }
        changes.put("outcome", calc.outcome().name());
        changes.put("calculation", calc);
        return move(ApplicationCommand.APPROVE, a, at, null, changes, c -> c
                .withDecision(new Decision(true, null, calc, today, a.id(), selfCareLevel()))
                .withBenefit(oneOff ? Benefit.starting(calc.monthlyAmountFen(), first, null, 0)
                        : Benefit.starting(calc.monthlyAmountFen(), first, first.atDay(1).plusMonths(months), months))
                .withDeadlines(closeAll(c.deadlines, today)));
    }

    /** Denial with written reasons; the notice is issued with it [57]§21. */
    public Transitioned<AssistanceCase, DomainEvent> deny(Actor a, Instant at, String reasons, Calculation calc, DeadlinePlanner planner) {
        guard(ApplicationCommand.DENY, a);
        requireReason(reasons);
        LocalDate today = LocalDate.ofInstant(at, CHINA);
        return move(ApplicationCommand.DENY, a, at, reasons, Map.of(), c -> c
                .withDecision(new Decision(false, reasons, calc, today, a.id(), selfCareLevel()))
                .withDeadlines(closeAllAndNotify(c.deadlines, planner, today)));
    }

    /** Only the applicant, only before the decision, and always saying why. */
    public Transitioned<AssistanceCase, DomainEvent> withdraw(Actor a, Instant at, String reason) {
        guard(ApplicationCommand.WITHDRAW, a);
        requireOwner(a);
        requireReason(reason);
        LocalDate today = LocalDate.ofInstant(at, CHINA);
        return move(ApplicationCommand.WITHDRAW, a, at, reason, Map.of(), c -> c.withDeadlines(closeAll(c.deadlines, today)));
    }

    // ---- 先行救助 ------------------------------------------------------------------------------

    public Transitioned<AssistanceCase, DomainEvent> payFirst(Actor a, Instant at, long amountFen, String reason) {
        guard(ApplicationCommand.PAY_FIRST, a);
        requireReason(reason);
        if (amountFen <= 0 || amountFen > submission.requestedAmountFen()) {
            throw new RuleViolation(CaseRule.AMOUNT_RANGE, "先行救助 pays a positive amount up to the request");
        }
        LocalDate today = LocalDate.ofInstant(at, CHINA);
        return move(ApplicationCommand.PAY_FIRST, a, at, reason, Map.of("amountFen", amountFen), c -> c
                .withBenefit(Benefit.starting(amountFen, YearMonth.from(today), null, 0))
                .withDeadlines(closeAll(c.deadlines, today)));
    }

    /** The record completed afterwards: who, why, how much, signatures [临救2018]§二(二). */
    public Transitioned<AssistanceCase, DomainEvent> completeRecord(Actor a, Instant at, String record) {
        guard(ApplicationCommand.COMPLETE_RECORD, a);
        requireReason(record);
        return move(ApplicationCommand.COMPLETE_RECORD, a, at, null, Map.of(), c -> c.withRecordCompletion(record));
    }

    // ---- 动态管理 ------------------------------------------------------------------------------

    public Transitioned<AssistanceCase, DomainEvent> startRecheck(Actor a, Instant at, String reason) {
        LocalDate due = benefit == null || benefit.nextRecheckDue() == null ? LocalDate.ofInstant(at, CHINA)
                : benefit.nextRecheckDue();
        return move(ApplicationCommand.START_RECHECK, a, at, reason, Map.of("dueDate", due.toString()), UnaryOperator.identity());
    }

    public Transitioned<AssistanceCase, DomainEvent> confirmRecheck(Actor a, Instant at, boolean unstableIncome, CaseRules rules) {
        LocalDate today = LocalDate.ofInstant(at, CHINA);
        int months = unstableIncome ? rules.unstableRecheckMonths() : rules.recheckMonths();
        LocalDate next = today.plusMonths(months);
        return move(ApplicationCommand.CONFIRM_RECHECK, a, at, null, Map.of("nextRecheckDue", next.toString()),
                c -> c.withBenefit(c.benefit.rechecked(next, months)));
    }

    public Transitioned<AssistanceCase, DomainEvent> changeAmount(Actor a, Instant at, Calculation calc, String reason) {
        guard(ApplicationCommand.CHANGE_AMOUNT, a);
        requireReason(reason);
        if (calc.outcome() == Outcome.NOT_ELIGIBLE || calc.monthlyAmountFen() <= 0) {
            throw new RuleViolation(CaseRule.NOT_ELIGIBLE_FOR_CHANGE, "no longer eligible: suspend or terminate instead");
        }
        return move(ApplicationCommand.CHANGE_AMOUNT, a, at, reason,
                Map.of("monthlyAmountFen", calc.monthlyAmountFen(), "previousAmountFen", benefit.monthlyFen()),
                c -> c.withBenefit(c.benefit.changedTo(calc.monthlyAmountFen(), YearMonth.from(LocalDate.ofInstant(at, CHINA)))));
    }

    /**
     * 调标: the service applies a new standard's recalculation ({@link StandardAdjustment}); the amount
     * changes from the adjustment's month on, the state does not. Event {@code amount-changed} with the old
     * and new amounts, the standard and its source, the effective month and the run; its id is the
     * adjustment's, so the same run never produces a second event for the case. A case the run changed
     * already is refused ({@link CaseRule#ALREADY_ADJUSTED}).
     */
    public Transitioned<AssistanceCase, DomainEvent> adjustToStandard(Actor system, Instant at, StandardAdjustment adjustment) {
        guard(ApplicationCommand.ADJUST_TO_STANDARD, system);
        if (benefit == null) {
            throw new RuleViolation(CaseRule.NOT_ELIGIBLE_FOR_CHANGE, "no benefit to adjust");
        }
        if (benefit.adjustedBy(adjustment.runId())) {
            throw new RuleViolation(CaseRule.ALREADY_ADJUSTED, "the run changed this case already",
                    adjustment.runId());
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("monthlyAmountFen", adjustment.newFen());
        changes.put("previousAmountFen", adjustment.previousFen());
        changes.put("effectiveMonth", adjustment.effectiveMonth().toString());
        changes.put("standardId", adjustment.standardId());
        changes.put("standardSource", adjustment.standardSource());
        changes.put("standardFen", adjustment.calculation().standardFen());
        changes.put("countedMembers", adjustment.calculation().countedMembers());
        changes.put("countedIncomeFen", Math.max(0, adjustment.calculation().countedIncomeFen()
                - adjustment.calculation().deductedFen()));
        changes.put("recalculationRunId", adjustment.runId());
        return move(ApplicationCommand.ADJUST_TO_STANDARD, ApplicationCommand.ADJUST_TO_STANDARD.eventName(),
                adjustment.eventId(), system, at, "调标：" + adjustment.standardSource(), changes,
                c -> c.withBenefit(c.benefit.adjusted(adjustment)));
    }

    public Transitioned<AssistanceCase, DomainEvent> suspend(Actor a, Instant at, String reason) {
        guard(ApplicationCommand.SUSPEND, a);
        requireReason(reason);
        return move(ApplicationCommand.SUSPEND, a, at, reason, Map.of(), UnaryOperator.identity());
    }

    /** Payment starts again after a suspension, with written reasons like every change of benefit [57]§32. */
    public Transitioned<AssistanceCase, DomainEvent> resume(Actor a, Instant at, String reason) {
        guard(ApplicationCommand.RESUME, a);
        requireReason(reason);
        return move(ApplicationCommand.RESUME, a, at, reason, Map.of(), UnaryOperator.identity());
    }

    /** 渐退期 after a member finds work: payment continues for up to the configured months [57]§33. */
    public Transitioned<AssistanceCase, DomainEvent> startPhaseOut(Actor a, Instant at, int months, String reason, CaseRules rules) {
        guard(ApplicationCommand.START_PHASE_OUT, a);
        requireReason(reason);
        if (months < 1 || months > rules.maxPhaseOutMonths()) {
            throw new RuleViolation(CaseRule.PHASE_OUT_RANGE, "phase-out is 1 to " + rules.maxPhaseOutMonths() + " months", rules.maxPhaseOutMonths());
        }
        YearMonth until = YearMonth.from(LocalDate.ofInstant(at, CHINA)).plusMonths(months);
        return move(ApplicationCommand.START_PHASE_OUT, a, at, reason, Map.of("endDate", until.atEndOfMonth().toString()),
                c -> c.withBenefit(c.benefit.phasingOutUntil(until)));
    }

    public Transitioned<AssistanceCase, DomainEvent> terminate(Actor a, Instant at, String reason) {
        guard(ApplicationCommand.TERMINATE, a);
        requireReason(reason);
        return move(ApplicationCommand.TERMINATE, a, at, reason, Map.of(), UnaryOperator.identity());
    }

    // ---- services (物质+服务) ------------------------------------------------------------------

    /** Assigns a provider; only an organization in good standing (per the local read model) may serve. */
    public Transitioned<AssistanceCase, DomainEvent> assignProvider(Actor a, Instant at, String providerId,
                                                                   String providerName, boolean inGoodStanding) {
        guard(ApplicationCommand.ASSIGN_PROVIDER, a);
        if (providerId == null || providerId.isBlank() || !inGoodStanding) {
            throw new RuleViolation(CaseRule.PROVIDER_NOT_IN_GOOD_STANDING,
                    "only a registered organization in good standing may be assigned");
        }
        return move(ApplicationCommand.ASSIGN_PROVIDER, a, at, null,
                Map.of("providerId", providerId, "providerName", String.valueOf(providerName)),
                c -> c.withProvider(new ProviderAssignment(providerId, providerName, LocalDate.ofInstant(at, CHINA),
                        a.id(), false, null)));
    }

    /** The assigned provider lost its standing: flag it for the clerk (no change of state). */
    public Transitioned<AssistanceCase, DomainEvent> flagProvider(Actor system, Instant at, String providerId, String reason) {
        guard(ApplicationCommand.FLAG_PROVIDER, system);
        requireReason(reason);
        if (provider == null || !provider.providerId().equals(providerId) || provider.flagged()) {
            throw new RuleViolation(CaseRule.PROVIDER_NOT_ASSIGNED, "the provider is not (or no longer) assigned");
        }
        return move(ApplicationCommand.FLAG_PROVIDER, system, at, reason, Map.of("providerId", providerId),
                c -> c.withProvider(new ProviderAssignment(provider.providerId(), provider.providerName(),
                        provider.assignedOn(), provider.assignedBy(), true, reason)));
    }

    /** No personal data: member ID numbers and names stay out of log lines. */
    @Override
    public String toString() {
        return "AssistanceCase[" + number + ", " + program + ", " + status + ", v" + version + "]";
    }

    /** The 生活自理能力 level of the latest home visit that assessed it, or null. */
    public SelfCareLevel selfCareLevel() {
        for (int i = homeVisits.size() - 1; i >= 0; i--) {
            if (homeVisits.get(i).selfCare() != null) {
                return homeVisits.get(i).selfCare().level();
            }
        }
        return null;
    }

    public boolean overdueOn(LocalDate today) {
        return deadlines.stream().anyMatch(dl -> dl.overdueOn(today));
    }

    // ---- internals ------------------------------------------------------------------------------

    private Transitioned<AssistanceCase, DomainEvent> move(ApplicationCommand command, Actor a, Instant at, String reason,
                                                         Map<String, Object> changes, UnaryOperator<AssistanceCase> effect) {
        return move(command, command.eventName(), a, at, reason, changes, effect);
    }

    private Transitioned<AssistanceCase, DomainEvent> move(ApplicationCommand command, String eventName, Actor a,
                                                         Instant at, String reason, Map<String, Object> changes,
                                                         UnaryOperator<AssistanceCase> effect) {
        return move(command, eventName, UUID.randomUUID().toString(), a, at, reason, changes, effect);
    }

    /**
     * Role, then the table, then the command's own change of fields ({@code effect}, given this case),
     * then the new status, version and history record; the event carries the new version.
     */
    private Transitioned<AssistanceCase, DomainEvent> move(ApplicationCommand command, String eventName, String eventId,
                                                         Actor a, Instant at, String reason, Map<String, Object> changes,
                                                         UnaryOperator<AssistanceCase> effect) {
        requireRole(a, command);
        ApplicationStatus to = ApplicationLifecycle.require(status, command, submission.urgentTemporary(), program == Program.TEMPORARY);
        AssistanceCase next = effect.apply(this).moved(to, version + 1,
                append(history, new TransitionRecord(command, status, to, a.id(), a.name(), a.role(), at, reason)));
        return new Transitioned<>(next, new DomainEvent(eventId, eventName, AGGREGATE_TYPE, number, status,
                to, reason, changes, a.id(), a.role(), regionCode, next.version, at));
    }

    /** Role first, then the table, then the step's own rules: the most basic refusal wins. */
    private void guard(ApplicationCommand command, Actor a) {
        requireRole(a, command);
        ApplicationLifecycle.require(status, command, submission.urgentTemporary(), program == Program.TEMPORARY);
    }

    private static void requireRole(Actor a, ApplicationCommand command) {
        if (!command.roles().contains(a.role())) {
            throw new RoleNotAllowedException(a.role(), command);
        }
    }

    private void requireOwner(Actor a) {
        if (!ownerSubject.equals(a.id())) {
            throw new RuleViolation(CaseRule.NOT_OWNER, "only the applicant may do this");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation(CaseRule.REASON_REQUIRED, "written reasons are required");
        }
    }

    /** The decision's due date, as event fields, if one of the steps started on {@code on} bounds the decision. */
    private Map<String, Object> decisionDueFields(DeadlinePlanner planner, List<Step> started, LocalDate on) {
        return started.stream().map(step -> planner.decisionDue(program, regionCode, step, on))
                .flatMap(Optional::stream).findFirst().map(DecisionDue::eventFields).orElse(Map.of());
    }

    private static List<Deadline> meet(List<Deadline> list, Step step, LocalDate on) {
        return list.stream().map(dl -> dl.step() == step && dl.open() ? dl.met(on) : dl).toList();
    }

    private static List<Deadline> closeAll(List<Deadline> list, LocalDate on) {
        return list.stream().map(dl -> dl.open() ? dl.met(on) : dl).toList();
    }

    private List<Deadline> closeAllAndNotify(List<Deadline> list, DeadlinePlanner planner, LocalDate on) {
        List<Deadline> out = new ArrayList<>(closeAll(list, on));
        planner.start(program, regionCode, Step.REFUSAL_NOTICE, on).map(dl -> dl.met(on)).ifPresent(out::add);
        return out;
    }

    private static List<String> countedMemberIds(Submission s) {
        return s.members().stream().filter(HouseholdMember::counted).map(m -> m.idNumber().toUpperCase()).toList();
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }

    // ---- copies with one field changed (the number, program, region, owner and submission time never change) ----

    private AssistanceCase moved(ApplicationStatus status, long version, List<TransitionRecord> history) {
        return new AssistanceCase(number, program, regionCode, ownerSubject, memberIds, submission, status, version,
                submittedAt, acceptedOn, supplementRequests, homeVisits, economicCheck, opinion, publicity, decision,
                benefit, recordCompletion, provider, deadlines, history);
    }

    /** The submission and, with it, the counted members' ID numbers. */
    AssistanceCase withSubmission(Submission submission) {
        return new AssistanceCase(number, program, regionCode, ownerSubject, countedMemberIds(submission), submission,
                status, version, submittedAt, acceptedOn, supplementRequests, homeVisits, economicCheck, opinion,
                publicity, decision, benefit, recordCompletion, provider, deadlines, history);
    }

    AssistanceCase withAcceptedOn(LocalDate acceptedOn) {
        return new AssistanceCase(number, program, regionCode, ownerSubject, memberIds, submission, status, version,
                submittedAt, acceptedOn, supplementRequests, homeVisits, economicCheck, opinion, publicity, decision,
                benefit, recordCompletion, provider, deadlines, history);
    }

    AssistanceCase withSupplementRequests(List<SupplementRequest> supplementRequests) {
        return new AssistanceCase(number, program, regionCode, ownerSubject, memberIds, submission, status, version,
                submittedAt, acceptedOn, supplementRequests, homeVisits, economicCheck, opinion, publicity, decision,
                benefit, recordCompletion, provider, deadlines, history);
    }

    AssistanceCase withHomeVisits(List<HomeVisit> homeVisits) {
        return new AssistanceCase(number, program, regionCode, ownerSubject, memberIds, submission, status, version,
                submittedAt, acceptedOn, supplementRequests, homeVisits, economicCheck, opinion, publicity, decision,
                benefit, recordCompletion, provider, deadlines, history);
    }

    AssistanceCase withEconomicCheck(EconomicCheck economicCheck) {
        return new AssistanceCase(number, program, regionCode, ownerSubject, memberIds, submission, status, version,
                submittedAt, acceptedOn, supplementRequests, homeVisits, economicCheck, opinion, publicity, decision,
                benefit, recordCompletion, provider, deadlines, history);
    }

    AssistanceCase withOpinion(Opinion opinion) {
        return new AssistanceCase(number, program, regionCode, ownerSubject, memberIds, submission, status, version,
                submittedAt, acceptedOn, supplementRequests, homeVisits, economicCheck, opinion, publicity, decision,
                benefit, recordCompletion, provider, deadlines, history);
    }

    AssistanceCase withPublicity(Publicity publicity) {
        return new AssistanceCase(number, program, regionCode, ownerSubject, memberIds, submission, status, version,
                submittedAt, acceptedOn, supplementRequests, homeVisits, economicCheck, opinion, publicity, decision,
                benefit, recordCompletion, provider, deadlines, history);
    }

    AssistanceCase withDecision(Decision decision) {
        return new AssistanceCase(number, program, regionCode, ownerSubject, memberIds, submission, status, version,
                submittedAt, acceptedOn, supplementRequests, homeVisits, economicCheck, opinion, publicity, decision,
                benefit, recordCompletion, provider, deadlines, history);
    }

    AssistanceCase withBenefit(Benefit benefit) {
        return new AssistanceCase(number, program, regionCode, ownerSubject, memberIds, submission, status, version,
                submittedAt, acceptedOn, supplementRequests, homeVisits, economicCheck, opinion, publicity, decision,
                benefit, recordCompletion, provider, deadlines, history);
    }

    AssistanceCase withRecordCompletion(String recordCompletion) {
        return new AssistanceCase(number, program, regionCode, ownerSubject, memberIds, submission, status, version,
                submittedAt, acceptedOn, supplementRequests, homeVisits, economicCheck, opinion, publicity, decision,
                benefit, recordCompletion, provider, deadlines, history);
    }

    AssistanceCase withProvider(ProviderAssignment provider) {
        return new AssistanceCase(number, program, regionCode, ownerSubject, memberIds, submission, status, version,
                submittedAt, acceptedOn, supplementRequests, homeVisits, economicCheck, opinion, publicity, decision,
                benefit, recordCompletion, provider, deadlines, history);
    }

    AssistanceCase withDeadlines(List<Deadline> deadlines) {
        return new AssistanceCase(number, program, regionCode, ownerSubject, memberIds, submission, status, version,
                submittedAt, acceptedOn, supplementRequests, homeVisits, economicCheck, opinion, publicity, decision,
                benefit, recordCompletion, provider, deadlines, history);
    }
}
