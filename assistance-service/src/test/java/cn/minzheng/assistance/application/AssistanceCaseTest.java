package cn.minzheng.assistance.application;

import cn.minzheng.platform.kit.domain.RuleViolation;
import cn.minzheng.assistance.deadlines.DeadlinePlanner;
import cn.minzheng.assistance.deadlines.Step;
import cn.minzheng.assistance.eligibility.Calculation;
import cn.minzheng.assistance.eligibility.EligibilityCalculator;
import cn.minzheng.assistance.eligibility.EligibilityPolicy;
import cn.minzheng.assistance.household.IncomeCategory;
import cn.minzheng.assistance.fixtures.CaseFixture;
import cn.minzheng.assistance.fixtures.CaseFixture.Journey;
import cn.minzheng.assistance.fixtures.Households;
import cn.minzheng.assistance.household.Submission;
import cn.minzheng.assistance.standards.AssistanceStandard;
import cn.minzheng.assistance.standards.Program;
import cn.minzheng.assistance.standards.StandardCatalogue;
import cn.minzheng.assistance.standards.StandardKind;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.platform.kit.domain.Transitioned;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static cn.minzheng.assistance.fixtures.CaseFixture.APPROVER;
import static cn.minzheng.assistance.fixtures.CaseFixture.CITIZEN;
import static cn.minzheng.assistance.fixtures.CaseFixture.CLERK;
import static cn.minzheng.assistance.fixtures.CaseFixture.OTHER_CITIZEN;
import static cn.minzheng.assistance.fixtures.CaseFixture.RULES;
import static cn.minzheng.assistance.fixtures.CaseFixture.on;
import static cn.minzheng.assistance.fixtures.Households.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssistanceCaseTest {
    final CaseFixture fixture = new CaseFixture();
    final DeadlinePlanner planner = fixture.planner;
    final EligibilityCalculator calculator = fixture.calculator;

    static Submission dibao() {
        return Households.submission(Program.DIBAO_URBAN, family(income(IncomeCategory.WAGES, 1200)));
    }

    Transitioned<AssistanceCase, List<DomainEvent>> submission() {
        return AssistanceCase.submit("421303001001-20260902-0001", dibao(), CITIZEN, on("2026-09-02"));
    }

    AssistanceCase submitted() {
        return submission().next();
    }

    @Test
    void aDibaoCaseFromSubmissionToPaymentRecordsEveryStepAndEvent() {
        Journey journey = Journey.of(submission())
                .then(s -> s.requestSupplement(CLERK, on("2026-09-02"), List.of("户口簿复印件", "残疾证"), RULES, planner));
        Submission changed = Households.submission(Program.DIBAO_URBAN, family(income(IncomeCategory.WAGES, 1100)));
        AssistanceCase c = journey.then(s -> s.resubmit(CITIZEN, on("2026-09-03"), changed))
                .then(s -> s.accept(CLERK, on("2026-09-04"), planner)).now();
        assertThat(c.deadlines()).extracting(d -> d.step(), d -> d.promisedDue()).contains(
                org.assertj.core.groups.Tuple.tuple(Step.START_INVESTIGATION, LocalDate.of(2026, 9, 9)),
                org.assertj.core.groups.Tuple.tuple(Step.WHOLE_CASE, LocalDate.of(2026, 10, 22)));
        c = journey.then(s -> s.recordHomeVisit(CLERK, on("2026-09-07"), new HomeVisit(LocalDate.of(2026, 9, 7),
                        List.of("clerk-1", "clerk-2"), "家中无大件家电", List.of("张三"), "clerk-1"), RULES))
                .then(s -> s.recordEconomicCheck(CLERK, on("2026-09-08"), new EconomicCheck(EconomicCheck.Status.COMPLETED,
                        "MANUAL", "无车无房产登记", true, false, on("2026-09-08"), "clerk-1")))
                .then(s -> s.giveOpinion(CLERK, on("2026-09-09"), true, "符合条件"))
                .then(s -> s.startPublicity(CLERK, on("2026-09-09"), RULES)).now();
        assertThat(c.publicity().endsOn()).isEqualTo(LocalDate.of(2026, 9, 16));
        c = journey.then(s -> s.completePublicity(CLERK, on("2026-09-16"), planner)).now();
        Calculation calc = calculator.calculate(c.submission(), YearMonth.of(2026, 9), LocalDate.of(2026, 9, 17), false);
        c = journey.then(s -> s.approve(APPROVER, on("2026-09-17"), calc, false, RULES, planner)).now();

        assertThat(c.status()).isEqualTo(ApplicationStatus.ACTIVE);
        // 680 × 3 − 1100 = 940.00 (was 940.02 from (680 − 366.66) × 3)
        assertThat(c.benefit().monthlyFen()).isEqualTo(94000);
        assertThat(c.benefit().firstMonth()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(c.benefit().nextRecheckDue()).isEqualTo(LocalDate.of(2027, 10, 1));
        assertThat(c.decision().calculation()).isEqualTo(calc);
        assertThat(c.deadlines()).allSatisfy(d -> assertThat(d.open()).isFalse());
        assertThat(c.deadlines()).filteredOn(d -> d.step() == Step.START_INVESTIGATION)
                .allSatisfy(d -> assertThat(d.metInTime()).isTrue());
        assertThat(c.history()).extracting(TransitionRecord::command).containsExactly(ApplicationCommand.SUBMIT,
                ApplicationCommand.REQUEST_SUPPLEMENT, ApplicationCommand.RESUBMIT, ApplicationCommand.ACCEPT,
                ApplicationCommand.RECORD_HOME_VISIT, ApplicationCommand.RECORD_ECONOMIC_CHECK,
                ApplicationCommand.GIVE_OPINION, ApplicationCommand.START_PUBLICITY,
                ApplicationCommand.COMPLETE_PUBLICITY, ApplicationCommand.APPROVE);
        assertThat(c.history()).allSatisfy(r -> {
            assertThat(r.actorId()).isNotBlank();
            assertThat(r.actorRole()).isNotNull();
            assertThat(r.at()).isNotNull();
        });
        assertThat(c.version()).isEqualTo(10);
        List<DomainEvent> events = journey.events();
        assertThat(events).extracting(DomainEvent::aggregateVersion)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(events.get(9).name()).isEqualTo("approved");
        assertThat(events.get(9).changes()).containsEntry("monthlyAmountFen", 94000L);
        assertThat(events).extracting(DomainEvent::id).doesNotHaveDuplicates();

        // amount-change under a raised standard (720 from 2027-01) computes the household's gap again:
        // 720 × 3 − 1100 = 1060.00 (the rounded per-capita figure as input gave 1060.02)
        EligibilityCalculator raised = new EligibilityCalculator(new StandardCatalogue(List.of(
                new AssistanceStandard("421303", StandardKind.DIBAO_URBAN, YearMonth.of(2023, 1), 68000, "seed"),
                new AssistanceStandard("421303", StandardKind.DIBAO_URBAN, YearMonth.of(2027, 1), 72000, "test"))),
                EligibilityPolicy.typical());
        var reassessment = c.changeAmount(APPROVER, on("2027-01-05"),
                raised.calculate(c.submission(), YearMonth.of(2027, 1), LocalDate.of(2027, 1, 5), false), "新标准");
        assertThat(reassessment.next().benefit().monthlyFen()).isEqualTo(106000);
        assertThat(reassessment.event().changes()).containsEntry("monthlyAmountFen", 106000L)
                .containsEntry("previousAmountFen", 94000L);
    }

    @Test
    void acceptanceAfterAOneTimeNoticeRoundPublishesTheDecisionDueDateCountedFromAcceptance() {
        var acceptance = submitted()
                .requestSupplement(CLERK, on("2026-09-02"), List.of("户口簿复印件"), RULES, planner).next()
                .resubmit(CITIZEN, on("2026-09-21"), Households.submission(Program.DIBAO_URBAN,
                        family(income(IncomeCategory.WAGES, 1100)))).next()
                .accept(CLERK, on("2026-09-22"), planner);
        AssistanceCase accepted = acceptance.next();
        DomainEvent event = acceptance.event();
        assertThat(event.name()).isEqualTo("accepted");
        // 30 working days from 9/22 across 中秋 and 国庆 (10/10 Saturday works), not from the first submission
        assertThat(event.changes()).containsEntry("acceptedOn", "2026-09-22")
                .containsEntry("dueDate", "2026-11-10").containsEntry("dueBasis", "STATUTORY")
                .containsEntry("limitWorkingDays", 30).containsEntry("statutoryDueDate", "2026-11-10")
                .containsEntry("dueDateProvisional", false);
        assertThat(accepted.deadlines()).filteredOn(d -> d.step() == Step.WHOLE_CASE)
                .extracting(d -> d.promisedDue()).containsExactly(LocalDate.of(2026, 11, 10));
        // the 低保 county step starts at the end of 公示 but the decision's due date stays the whole-case one
        var completion = accepted
                .recordHomeVisit(CLERK, on("2026-09-23"), new HomeVisit(LocalDate.of(2026, 9, 23),
                        List.of("a", "b"), "ok", List.of(), "clerk-1"), RULES).next()
                .recordEconomicCheck(CLERK, on("2026-09-23"), new EconomicCheck(EconomicCheck.Status.COMPLETED,
                        "MANUAL", "ok", true, false, on("2026-09-23"), "clerk-1")).next()
                .giveOpinion(CLERK, on("2026-09-24"), true, "ok").next()
                .startPublicity(CLERK, on("2026-09-24"), RULES).next()
                .completePublicity(CLERK, on("2026-10-01"), planner);
        assertThat(completion.event().changes()).doesNotContainKeys("dueDate", "dueBasis", "limitWorkingDays",
                "statutoryDueDate");
    }

    @Test
    void aTekunDecisionIsDueFromTheEndOfPublicityAndThatEventCarriesIt() {
        Submission tekun = Households.submission(Program.TEKUN, List.of(Households.member("王老",
                Households.id("19480101", 7), cn.minzheng.assistance.household.Relation.SELF)));
        var acceptance = AssistanceCase.submit("421303001001-20260902-0010", tekun, CITIZEN, on("2026-09-02")).next()
                .accept(CLERK, on("2026-09-03"), planner);
        assertThat(acceptance.event().changes()).containsKey("acceptedOn").doesNotContainKey("dueDate");
        var completion = acceptance.next()
                .recordHomeVisit(CLERK, on("2026-09-04"), new HomeVisit(LocalDate.of(2026, 9, 4), List.of("a", "b"),
                        "独居", List.of("王老"), "clerk-1"), RULES).next()
                .recordEconomicCheck(CLERK, on("2026-09-07"), new EconomicCheck(EconomicCheck.Status.COMPLETED,
                        "MANUAL", "ok", true, false, on("2026-09-07"), "clerk-1")).next()
                .giveOpinion(CLERK, on("2026-09-17"), true, "符合特困条件").next()
                .startPublicity(CLERK, on("2026-09-17"), RULES).next()
                .completePublicity(CLERK, on("2026-09-24"), planner);
        DomainEvent event = completion.event();
        assertThat(event.name()).isEqualTo("publicity-completed");
        // 15 working days from 9/24 across 中秋 and 国庆 [43]§17
        assertThat(event.changes()).containsEntry("dueDate", "2026-10-22").containsEntry("dueBasis", "STATUTORY")
                .containsEntry("limitWorkingDays", 15).containsEntry("statutoryDueDate", "2026-10-22");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "requested {0}, {1} working days → reply by {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            // Wed + 10 working days
            "2026-09-02 | 10 | 2026-09-16 | false",
            // across 中秋 (9/25–27 off) and 国庆 (10/1–7 off), 10/10 (Sat) a make-up working day
            "2026-09-24 | 10 | 2026-10-15 | false",
            "2026-09-30 | 5  | 2026-10-13 | false",
            // a request on a rest day counts from the next working day
            "2026-10-03 | 1  | 2026-10-08 | false",
            // beyond the calendar data: weekends only, marked provisional
            "2026-12-28 | 10 | 2027-01-11 | true",
    })
    void aOneTimeNoticeSaysByWhenToReplyAndThatClockRunsUntilTheResubmission(String requested, int days, String replyBy,
                                                                             boolean provisional) {
        CaseRules rules = new CaseRules(7, 2, 6, 12, 6, days);
        var request = submitted().requestSupplement(CLERK, on(requested), List.of("户口簿复印件", "残疾证"), rules, planner);
        AssistanceCase c = request.next();
        SupplementRequest supplement = c.supplementRequests().get(0);
        assertThat(supplement.replyBy()).isEqualTo(LocalDate.parse(replyBy));
        assertThat(supplement.instruction()).isEqualTo("请在 " + replyBy + "（含当日）前补齐以下全部材料：户口簿复印件、残疾证。"
                + "补齐后请在本申请中重新提交（补正材料）；如有疑问，请联系受理您申请的乡镇（街道）经办人员。");
        assertThat(request.event().changes()).containsEntry("replyBy", replyBy);
        assertThat(c.deadlines()).singleElement().satisfies(d -> {
            assertThat(d.step()).isEqualTo(Step.SUPPLEMENT_REPLY);
            assertThat(d.promisedDue()).isEqualTo(LocalDate.parse(replyBy));
            assertThat(d.provisional()).isEqualTo(provisional);
            assertThat(d.open()).isTrue();
        });
        Submission changed = Households.submission(Program.DIBAO_URBAN, family(income(IncomeCategory.WAGES, 1100)));
        AssistanceCase answered = c.resubmit(CITIZEN, on(replyBy), changed).next();
        assertThat(answered.deadlines()).singleElement().satisfies(d -> {
            assertThat(d.open()).isFalse();
            assertThat(d.metInTime()).isTrue();
        });
    }

    @Test
    void theReplyTimeDefaultsToTenWorkingDaysWhenNotConfigured() {
        assertThat(new CaseRules(7, 2, 6, 12, 6, 0).supplementReplyWorkingDays()).isEqualTo(10);
        assertThat(CaseRules.national().supplementReplyWorkingDays()).isEqualTo(10);
    }

    @Test
    void oneTimeNoticeASecondRequestWithoutResubmissionIsRefused() {
        AssistanceCase c = submitted().requestSupplement(CLERK, on("2026-09-02"), List.of("户口簿"), RULES, planner).next();
        assertThatThrownBy(() -> c.requestSupplement(CLERK, on("2026-09-03"), List.of("身份证"), RULES, planner))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void aResubmissionMustChangeSomething() {
        AssistanceCase c = submitted().requestSupplement(CLERK, on("2026-09-02"), List.of("户口簿"), RULES, planner).next();
        assertThatThrownBy(() -> c.resubmit(CITIZEN, on("2026-09-03"), dibao()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("changes nothing");
    }

    @Test
    void aSupplementRequestListsItems() {
        assertThatThrownBy(() -> submitted().requestSupplement(CLERK, on("2026-09-02"), List.of(), RULES, planner))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void aHomeVisitNeedsTwoDistinctStaff() {
        AssistanceCase c = submitted().accept(CLERK, on("2026-09-04"), planner).next();
        assertThatThrownBy(() -> c.recordHomeVisit(CLERK, on("2026-09-07"), new HomeVisit(LocalDate.of(2026, 9, 7),
                List.of("clerk-1", "clerk-1"), "ok", List.of(), "clerk-1"), RULES))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("2 distinct staff");
    }

    /** The reply to a 一次性告知 is the applicant's deadline: stored apart from the office's, so the office's overdue metric leaves it out. */
    @Test
    void theSupplementReplyIsTheApplicantsDeadlineNotTheOffices() {
        AssistanceCase waiting = submitted().requestSupplement(CLERK, on("2026-09-02"), List.of("户口簿"), RULES, planner).next();
        org.bson.Document stored = CaseDocuments.state(waiting);
        assertThat(waiting.deadlines()).anyMatch(d -> d.open() && d.step() == cn.minzheng.assistance.deadlines.Step.SUPPLEMENT_REPLY);
        assertThat(stored.getString(CaseDocuments.APPLICANT_DUE)).isEqualTo(waiting.deadlines().stream()
                .filter(d -> d.open() && d.step().keptByApplicant()).findFirst().orElseThrow().promisedDue().toString());
        assertThat(stored.getString(CaseDocuments.OFFICE_DUE)).isNull();
        AssistanceCase accepted = submitted().accept(CLERK, on("2026-09-04"), planner).next();
        org.bson.Document acceptedDoc = CaseDocuments.state(accepted);
        assertThat(acceptedDoc.getString(CaseDocuments.OFFICE_DUE)).isEqualTo(acceptedDoc.getString("openDue")).isNotNull();
        assertThat(acceptedDoc.getString(CaseDocuments.APPLICANT_DUE)).isNull();
    }

    /** Plausibility: a visit is dated between the submission (2026-09-02) and today (2026-09-07), ends included. */
    @org.junit.jupiter.params.ParameterizedTest(name = "visited {0} → {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "2026-09-08, DATE_IN_FUTURE",
            "2030-01-01, DATE_IN_FUTURE",
            "2026-09-01, DATE_BEFORE_SUBMISSION",
            "2025-12-31, DATE_BEFORE_SUBMISSION",
            "2026-09-07, ",
            "2026-09-02, "})
    void aHomeVisitIsDatedBetweenTheSubmissionAndToday(String visited, String refusal) {
        AssistanceCase c = submitted().accept(CLERK, on("2026-09-04"), planner).next();
        HomeVisit visit = new HomeVisit(LocalDate.parse(visited), List.of("a", "b"), "ok", List.of(), "clerk-1");
        if (refusal == null) {
            assertThat(c.recordHomeVisit(CLERK, on("2026-09-07"), visit, RULES).next().status())
                    .isEqualTo(ApplicationStatus.INVESTIGATING);
            return;
        }
        assertThatThrownBy(() -> c.recordHomeVisit(CLERK, on("2026-09-07"), visit, RULES))
                .isInstanceOfSatisfying(cn.minzheng.assistance.household.SubmissionInvalidException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.pointer()).isEqualTo("/visitedOn");
                        assertThat(p.code()).isEqualTo(refusal);
                    });
                });
        assertThat(c.status()).isEqualTo(ApplicationStatus.ACCEPTED);
    }

    @Test
    void noOpinionBeforeTheCheckIsComplete() {
        AssistanceCase c = submitted().accept(CLERK, on("2026-09-04"), planner).next()
                .recordHomeVisit(CLERK, on("2026-09-07"), new HomeVisit(LocalDate.of(2026, 9, 7),
                        List.of("a", "b"), "ok", List.of(), "clerk-1"), RULES).next()
                .recordEconomicCheck(CLERK, on("2026-09-07"), new EconomicCheck(EconomicCheck.Status.PENDING,
                        "PLATFORM", "核对平台不可用", false, false, on("2026-09-07"), "system")).next();
        assertThatThrownBy(() -> c.giveOpinion(CLERK, on("2026-09-08"), true, "ok"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("CHECK_PENDING"));
    }

    @Test
    void publicityCannotEndEarlyAndAnObjectionReopensTheInvestigation() {
        AssistanceCase c = fixture.inPublicity(submitted(), "2026-09-04", "2026-09-07", "ok", "2026-09-08", "ok");
        assertThatThrownBy(() -> c.completePublicity(CLERK, on("2026-09-14"), planner))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("PUBLICITY_RUNNING"));
        AssistanceCase objected = c.recordObjection(CLERK, on("2026-09-10"), "邻居反映有经营收入").next();
        assertThat(objected.status()).isEqualTo(ApplicationStatus.INVESTIGATING);
        assertThat(objected.opinion()).isNull();
        assertThat(objected.publicity().objections()).containsExactly("邻居反映有经营收入");
    }

    @Test
    void onlyTheApplicantWithdrawsAndOnlyBeforeTheDecision() {
        AssistanceCase c = submitted();
        assertThatThrownBy(() -> c.withdraw(OTHER_CITIZEN, on("2026-09-03"), "x"))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> c.withdraw(CLERK, on("2026-09-03"), "x")).isInstanceOf(RoleNotAllowedException.class);
        AssistanceCase w = c.withdraw(CITIZEN, on("2026-09-03"), "家庭情况好转").next();
        assertThat(w.status()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(w.history().get(1).reason()).isEqualTo("家庭情况好转");
        assertThatThrownBy(() -> w.withdraw(CITIZEN, on("2026-09-04"), "x"))
                .isInstanceOf(IllegalTransition.class);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.NullSource
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "   ", "\t\n"})
    void aWithdrawalWithoutAReasonIsRefusedAndTheCaseStays(String reason) {
        AssistanceCase c = submitted();
        assertThatThrownBy(() -> c.withdraw(CITIZEN, on("2026-09-03"), reason))
                .isInstanceOf(RuleViolation.class);
        assertThat(c.status()).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void aResumptionNeedsReasonsAndIsPublishedAsResumed() {
        AssistanceCase suspended = approvedCase().suspend(APPROVER, on("2027-01-05"), "未按时报告变化").next();
        assertThatThrownBy(() -> suspended.resume(APPROVER, on("2027-02-05"), " "))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> suspended.resume(CLERK, on("2027-02-05"), "已报告"))
                .isInstanceOf(RoleNotAllowedException.class);
        DomainEvent last = suspended.resume(APPROVER, on("2027-02-05"), "已报告").event();
        assertThat(last.name()).isEqualTo("resumed");
        assertThat(last.reason()).isEqualTo("已报告");
        assertThat(last.fromStatus()).isEqualTo(ApplicationStatus.SUSPENDED);
        assertThat(last.toStatus()).isEqualTo(ApplicationStatus.ACTIVE);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(ApplicationCommand.class)
    void everyCommandProducesATypeOfTheEventCatalogue(ApplicationCommand command) {
        assertThat(cn.minzheng.platform.events.EventTypes.isKnown(
                "minzheng.assistance.application." + command.eventName() + ".v1")).as(command.name()).isTrue();
    }

    static java.util.Map<cn.minzheng.assistance.selfcare.CareItem, Boolean> selfCare(boolean... achieved) {
        java.util.Map<cn.minzheng.assistance.selfcare.CareItem, Boolean> answers =
                new java.util.EnumMap<>(cn.minzheng.assistance.selfcare.CareItem.class);
        for (cn.minzheng.assistance.selfcare.CareItem item : cn.minzheng.assistance.selfcare.CareItem.values()) {
            answers.put(item, achieved[item.ordinal()]);
        }
        return answers;
    }

    @Test
    void aTekunHomeVisitRecordsTheSelfCareAssessmentAndTheDecisionShowsIt() {
        Submission tekun = Households.submission(Program.TEKUN, List.of(Households.member("王老",
                Households.id("19480101", 7), cn.minzheng.assistance.household.Relation.SELF)));
        var assessment = new cn.minzheng.assistance.selfcare.SelfCareAssessment(
                selfCare(true, true, true, false, false, false));   // toilet, walking, bathing not achieved
        var visit = AssistanceCase.submit("421303001001-20260902-0009", tekun, CITIZEN, on("2026-09-02")).next()
                .accept(CLERK, on("2026-09-03"), planner).next()
                .recordHomeVisit(CLERK, on("2026-09-04"), new HomeVisit(LocalDate.of(2026, 9, 4), List.of("a", "b"),
                        "独居, 行动不便", List.of("王老"), "clerk-1", assessment), RULES);
        AssistanceCase visited = visit.next();
        assertThat(visited.selfCareLevel()).isEqualTo(cn.minzheng.assistance.selfcare.SelfCareLevel.PARTIAL_LOSS);
        DomainEvent event = visit.event();
        assertThat(event.changes()).containsEntry("selfCareLevel", "PARTIAL_LOSS")
                .containsEntry("selfCareItemsNotAchieved", 3);

        // a later visit finds more lost: the latest assessment counts
        AssistanceCase again = visited.recordHomeVisit(CLERK, on("2026-09-07"), new HomeVisit(LocalDate.of(2026, 9, 7),
                List.of("a", "c"), "卧床", List.of(), "clerk-1",
                new cn.minzheng.assistance.selfcare.SelfCareAssessment(selfCare(true, false, false, false, false, false))),
                RULES).next();
        AssistanceCase denied = again
                .recordEconomicCheck(CLERK, on("2026-09-07"), new EconomicCheck(EconomicCheck.Status.COMPLETED,
                        "MANUAL", "ok", true, false, on("2026-09-07"), "clerk-1")).next()
                .giveOpinion(CLERK, on("2026-09-08"), false, "有赡养人").next()
                .startPublicity(CLERK, on("2026-09-08"), RULES).next()
                .completePublicity(CLERK, on("2026-09-15"), planner).next()
                .deny(APPROVER, on("2026-09-16"), "有具备赡养能力的子女", null, planner).next();
        assertThat(denied.decision().selfCareLevel()).isEqualTo(cn.minzheng.assistance.selfcare.SelfCareLevel.FULL_LOSS);
    }

    @Test
    void aSelfCareAssessmentBelongsToATekunCaseOnly() {
        AssistanceCase accepted = submitted().accept(CLERK, on("2026-09-04"), planner).next();
        HomeVisit visit = new HomeVisit(LocalDate.of(2026, 9, 7), List.of("a", "b"), "ok", List.of(), "clerk-1",
                new cn.minzheng.assistance.selfcare.SelfCareAssessment(selfCare(true, true, true, true, true, true)));
        assertThatThrownBy(() -> accepted.recordHomeVisit(CLERK, on("2026-09-07"), visit, RULES))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("特困");
        assertThat(accepted.recordHomeVisit(CLERK, on("2026-09-07"), new HomeVisit(LocalDate.of(2026, 9, 7),
                List.of("a", "b"), "ok", List.of(), "clerk-1"), RULES).next().selfCareLevel()).isNull();
    }

    @Test
    void rolesAreChecked() {
        assertThatThrownBy(() -> submitted().accept(CITIZEN, on("2026-09-04"), planner))
                .isInstanceOf(RoleNotAllowedException.class);
    }

    @Test
    void urgentTemporaryAssistanceIsPaidFirstAndTheRecordCompletedAfterwards() {
        AssistanceCase c = AssistanceCase.submit("421303001001-20260902-0002", urgentTemporary(3000), CITIZEN,
                on("2026-09-02")).next();
        c = c.payFirst(CLERK, on("2026-09-02"), 300000, "火灾, 先行救助").next();
        assertThat(c.status()).isEqualTo(ApplicationStatus.PAID_FIRST);
        c = c.completeRecord(CLERK, on("2026-09-10"), "经办: 刘办; 原因: 火灾; 金额 3000.00; 签字: 刘办 陈审").next();
        assertThat(c.status()).isEqualTo(ApplicationStatus.RECORD_COMPLETED);
        // refused by the table for a case that is not 急难型; the answer says why (先行救助 is for 急难型 only)
        assertThatThrownBy(() -> submitted().payFirst(CLERK, on("2026-09-02"), 100, "x"))
                .isInstanceOf(IllegalTransition.class)
                .satisfies(e -> assertThat(((CaseStepRefused) DomainProblems.translate(e)).args().get(3))
                        .asString().contains("先行救助只适用于急难型临时救助"));
    }

    @Test
    void ongoingManagementRecheckPhaseOutAndTermination() {
        AssistanceCase approved = approvedCase();
        AssistanceCase r = approved.startRecheck(CLERK, on("2027-09-01"), "年度复核").next();
        assertThatThrownBy(() -> r.startPhaseOut(APPROVER, on("2027-09-10"), 7, "就业", RULES))
                .isInstanceOf(RuleViolation.class);
        AssistanceCase p = r.startPhaseOut(APPROVER, on("2027-09-10"), 6, "张三就业", RULES).next();
        assertThat(p.status()).isEqualTo(ApplicationStatus.PHASING_OUT);
        assertThat(p.benefit().phaseOutUntil()).isEqualTo(YearMonth.of(2028, 3));
        assertThatThrownBy(() -> p.terminate(APPROVER, on("2028-03-31"), " "))
                .isInstanceOf(RuleViolation.class);
        assertThat(p.terminate(APPROVER, on("2028-03-31"), "渐退期满").next().status()).isEqualTo(ApplicationStatus.TERMINATED);

        AssistanceCase confirmed = approved.startRecheck(CLERK, on("2027-09-01"), "年度复核").next()
                .confirmRecheck(APPROVER, on("2027-09-05"), true, RULES).next();
        assertThat(confirmed.benefit().nextRecheckDue()).isEqualTo(LocalDate.of(2028, 3, 5));
        AssistanceCase suspended = approved.suspend(APPROVER, on("2027-01-05"), "未按时报告变化").next();
        assertThat(suspended.resume(APPROVER, on("2027-02-05"), "已报告").next().status()).isEqualTo(ApplicationStatus.ACTIVE);
    }

    AssistanceCase approvedCase() {
        AssistanceCase c = fixture.awaitingDecision(submitted(), "2026-09-04", "2026-09-07", "ok", "2026-09-08", "ok",
                "2026-09-15");
        Calculation calc = calculator.calculate(c.submission(), YearMonth.of(2026, 9), LocalDate.of(2026, 9, 16), false);
        return c.approve(APPROVER, on("2026-09-16"), calc, false, RULES, planner).next();
    }

    @Test
    void onlyAProviderInGoodStandingIsAssignedAndALostStandingIsFlagged() {
        AssistanceCase c = approvedCase();
        assertThatThrownBy(() -> c.assignProvider(CLERK, on("2026-10-01"), "org-1", "爱心社工", false))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> submitted().assignProvider(CLERK, on("2026-10-01"), "org-1", "爱心社工", true))
                .isInstanceOf(IllegalTransition.class);
        AssistanceCase assigned = c.assignProvider(CLERK, on("2026-10-01"), "org-1", "爱心社工", true).next();
        assertThat(assigned.status()).isEqualTo(ApplicationStatus.ACTIVE);
        Actor system = new Actor("system", "assistance-service", Role.SYSTEM, null);
        assertThatThrownBy(() -> assigned.flagProvider(CLERK, on("2026-11-01"), "org-1", "x"))
                .isInstanceOf(RoleNotAllowedException.class);
        assertThatThrownBy(() -> assigned.flagProvider(system, on("2026-11-01"), "org-2", "x"))
                .isInstanceOf(RuleViolation.class);
        var flagging = assigned.flagProvider(system, on("2026-11-01"), "org-1", "列入严重违法失信名单");
        AssistanceCase flagged = flagging.next();
        assertThat(flagged.provider().flagged()).isTrue();
        assertThat(flagging.event().name()).isEqualTo("provider-flagged");
        assertThatThrownBy(() -> flagged.flagProvider(system, on("2026-11-02"), "org-1", "again"))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void aCaseRelatedToStaffIsRegisteredSeparatelyAndVisitedByTheCounty() {
        Submission s = dibao();
        Submission related = new Submission(s.program(), s.applicantIdNumber(), s.regionCode(), s.area(),
                s.emergencyKind(), s.requestedAmountFen(), s.members(), true, false, "李四之兄为村委会委员");
        var submission = AssistanceCase.submit("421303001001-20260902-0009", related, CITIZEN, on("2026-09-02"));
        AssistanceCase c = submission.next();
        assertThat(submission.event()).extracting(DomainEvent::name).containsExactly("submitted", "conflict-registered");
        assertThat(submission.event().get(1).reason()).isEqualTo("李四之兄为村委会委员");
        AssistanceCase accepted = c.accept(CLERK, on("2026-09-03"), planner).next();
        HomeVisit visit = new HomeVisit(LocalDate.of(2026, 9, 4), List.of("a", "b"), "ok", List.of(), "x");
        assertThatThrownBy(() -> accepted.recordHomeVisit(CLERK, on("2026-09-04"), visit, RULES))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("COUNTY_VISIT_REQUIRED"));
        Actor countyClerk = new Actor("clerk-county", "县民政", Role.CLERK, "421303");
        assertThat(accepted.recordHomeVisit(countyClerk, on("2026-09-04"), visit, RULES).next().status())
                .isEqualTo(ApplicationStatus.INVESTIGATING);
    }

    @Test
    void aDenialCarriesWrittenReasonsAndTheRefusalNotice() {
        Journey journey = Journey.of(submission());
        AssistanceCase c = journey.now();
        assertThatThrownBy(() -> c.refuseAcceptance(CLERK, on("2026-09-03"), "", planner))
                .isInstanceOf(RuleViolation.class);
        AssistanceCase refused = journey.then(s -> s.refuseAcceptance(CLERK, on("2026-09-03"), "非本辖区户籍", planner)).now();
        assertThat(refused.status()).isEqualTo(ApplicationStatus.NOT_ACCEPTED);
        assertThat(refused.deadlines()).anySatisfy(d -> {
            assertThat(d.step()).isEqualTo(Step.REFUSAL_NOTICE);
            assertThat(d.metInTime()).isTrue();
        });
        assertThat(journey.events().get(1).reason()).isEqualTo("非本辖区户籍");
    }

    /**
     * The case carries no outbox: a command answers its event beside the next case, the state document
     * the store writes has no {@code pendingEvents}, and what goes into the document's outbox is exactly
     * that event (the relay removes it there once published).
     */
    @Test
    void theEventLeavesWithTheTransitionNotInsideTheCase() {
        AssistanceCase c = submitted();
        var acceptance = c.accept(CLERK, on("2026-09-04"), planner);
        assertThat(acceptance.next().version()).isEqualTo(c.version() + 1);
        assertThat(acceptance.event().name()).isEqualTo("accepted");
        assertThat(acceptance.event().aggregateVersion()).isEqualTo(acceptance.next().version());
        assertThat(CaseDocuments.state(acceptance.next())).doesNotContainKey("pendingEvents");
        assertThat(CaseDocuments.envelopes(List.of(acceptance.event()), null)).singleElement()
                .satisfies(e -> assertThat(e.id()).isEqualTo(acceptance.event().id()));
        // the case the store reads back is the case written, whatever its document's outbox holds
        assertThat(CaseDocuments.fromDocument(CaseDocuments.state(acceptance.next()))).isEqualTo(acceptance.next());
    }

    /**
     * Each {@code with…} copy changes its own field and nothing else (a swapped argument among the 21 of
     * the canonical constructor would show here); {@code withSubmission} changes the counted members with it.
     */
    @Test
    void everyCopyChangesItsOwnFieldOnly() throws Exception {
        AssistanceCase c = approvedCase();
        Submission other = Households.submission(Program.DIBAO_URBAN, List.of(Households.member("李四",
                Households.id("19700101", 3), cn.minzheng.assistance.household.Relation.SELF)));
        List<Object[]> copies = List.of(
                new Object[]{"acceptedOn", c.withAcceptedOn(LocalDate.of(2030, 1, 1))},
                new Object[]{"supplementRequests", c.withSupplementRequests(List.of(SupplementRequest.of(List.of("x"),
                        on("2030-01-01"), "clerk-9", LocalDate.of(2030, 1, 2))))},
                new Object[]{"homeVisits", c.withHomeVisits(List.of())},
                new Object[]{"economicCheck", c.withEconomicCheck(null)},
                new Object[]{"opinion", c.withOpinion(null)},
                new Object[]{"publicity", c.withPublicity(null)},
                new Object[]{"decision", c.withDecision(null)},
                new Object[]{"benefit", c.withBenefit(null)},
                new Object[]{"recordCompletion", c.withRecordCompletion("记录")},
                new Object[]{"provider", c.withProvider(new ProviderAssignment("org-9", "某社工", LocalDate.of(2030, 1, 1),
                        "clerk-9", false, null))},
                new Object[]{"deadlines", c.withDeadlines(List.of())});
        List<String> changedBySubmission = new ArrayList<>();
        for (RecordComponent rc : AssistanceCase.class.getRecordComponents()) {
            if (!java.util.Objects.equals(rc.getAccessor().invoke(c), rc.getAccessor().invoke(c.withSubmission(other)))) {
                changedBySubmission.add(rc.getName());
            }
        }
        assertThat(changedBySubmission).containsExactly("memberIds", "submission");
        for (Object[] copy : copies) {
            List<String> changed = new ArrayList<>();
            for (RecordComponent rc : AssistanceCase.class.getRecordComponents()) {
                if (!java.util.Objects.equals(rc.getAccessor().invoke(c), rc.getAccessor().invoke(copy[1]))) {
                    changed.add(rc.getName());
                }
            }
            assertThat(changed).as((String) copy[0]).containsExactly((String) copy[0]);
        }
    }
}
