package cn.minzheng.org.enforcement;

import cn.minzheng.org.problems.ClosedGate;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.InvalidFields;
import cn.minzheng.org.problems.RuleViolation;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 取缔 cases (issue 18 item 8d): the table, the due dates, the gates. */
class BanCaseTest {
    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.builtIn();
    static final BanPolicy POLICY = BanPolicy.defaults();
    /** Thursday 2026-03-05; five working days later is Thursday 2026-03-12. */
    static final LocalDate NOTICE = LocalDate.of(2026, 3, 5);
    static final LocalDate OPENED = NOTICE.minusDays(20);

    static BanCase opened() {
        return BanCase.open("BC-1", " 随州市曾都区国学研究会 ", "421303", BanGround.UNREGISTERED_ACTIVITY, "以研究会名义收取会费",
                "曾都区某小区", null, POLICY, OPENED).next();
    }

    static BanCase notified() {
        return opened().recordEvidence(new EnforcementCase.Evidence("现场检查笔录", "收费收据3张", "i1", OPENED)).next()
                .propose("未经登记以社会团体名义活动").next().serveNotice(NOTICE, CALENDAR, POLICY).next();
    }

    static Stream<Arguments> table() {
        Map<BanStatus, Map<BanAction, BanStatus>> allowed = Map.of(
                BanStatus.OPEN, Map.of(BanAction.RECORD_EVIDENCE, BanStatus.OPEN, BanAction.PROPOSE, BanStatus.PROPOSED,
                        BanAction.CLOSE, BanStatus.CLOSED),
                BanStatus.PROPOSED, Map.of(BanAction.RECORD_EVIDENCE, BanStatus.PROPOSED, BanAction.PROPOSE, BanStatus.PROPOSED,
                        BanAction.SERVE_NOTICE, BanStatus.NOTIFIED, BanAction.CLOSE, BanStatus.CLOSED),
                BanStatus.NOTIFIED, Map.of(BanAction.RECORD_STATEMENT, BanStatus.NOTIFIED, BanAction.APPROVE_REVIEW, BanStatus.REVIEWED,
                        BanAction.RETURN_REVIEW, BanStatus.PROPOSED, BanAction.CLOSE, BanStatus.CLOSED),
                BanStatus.REVIEWED, Map.of(BanAction.DECIDE, BanStatus.DECIDED),
                BanStatus.DECIDED, Map.of(BanAction.DELIVER, BanStatus.DELIVERED),
                BanStatus.DELIVERED, Map.of(BanAction.EXECUTE, BanStatus.EXECUTED),
                BanStatus.EXECUTED, Map.of(BanAction.CLOSE, BanStatus.CLOSED),
                BanStatus.CLOSED, Map.of());
        List<Arguments> rows = new ArrayList<>();
        for (BanStatus from : BanStatus.values()) {
            for (BanAction action : BanAction.values()) {
                rows.add(Arguments.of(from, action, allowed.get(from).get(action)));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("table")
    void everyStatusAllowsExactlyItsMoves(BanStatus from, BanAction action, BanStatus expected) {
        if (expected == null) {
            assertThatThrownBy(() -> BanTransitions.require(from, action)).isInstanceOf(IllegalTransition.class)
                    .hasMessageContaining("ban-case");
        } else {
            assertThat(BanTransitions.require(from, action)).isEqualTo(expected);
        }
    }

    @Test
    void aCaseIsAgainstANameAndDueNinetyDaysAfterOpening() {
        BanCase c = opened();
        assertThat(c.name()).isEqualTo("随州市曾都区国学研究会");
        assertThat(c.dueOn()).isEqualTo(OPENED.plusDays(90));
        assertThat(c.overdue(c.dueOn())).isFalse();
        assertThat(c.overdue(c.dueOn().plusDays(1))).isTrue();
        var event = BanCase.open("BC-2", "某某联合会", "421303", BanGround.ACTIVE_AFTER_REVOCATION, "撤销后继续活动", null, null, POLICY, OPENED)
                .event();
        assertThat(event.name()).isEqualTo("opened");
        assertThat(event.attributes()).containsEntry("caseKind", "BAN").containsEntry("subjectName", "某某联合会")
                .doesNotContainKey("organizationId");
    }

    @Test
    void theStatementPeriodIsFiveWorkingDaysOnThePlatformCalendarAndTheAnnouncementSevenAfterTheDecision() {
        BanCase c = notified();
        assertThat(c.statementDeadline()).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(c.statementDeadline()).isEqualTo(CALENDAR.addWorkingDays(NOTICE, 5).date());
        assertThatThrownBy(() -> c.review("legal", true, null, c.statementDeadline())).isInstanceOf(ClosedGate.class)
                .extracting(e -> ((ClosedGate) e).code()).isEqualTo("STATEMENT_PERIOD_RUNNING");
        BanCase reviewed = c.review("legal", true, null, c.statementDeadline().plusDays(1)).next();
        LocalDate decidedOn = LocalDate.of(2026, 3, 20); // Friday
        BanCase decided = reviewed.decide("随民取〔2026〕1号", "未经登记擅自以社会团体名义活动", decidedOn, CALENDAR, POLICY).next();
        assertThat(decided.decision().announceBy()).isEqualTo(CALENDAR.addWorkingDays(decidedOn, 7).date())
                .isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(decided.overdue(decided.dueOn().plusDays(10))).isFalse();
    }

    @Test
    void aConcludingStatementEndsThePeriodEarlyButOnlyOneMadeAfterTheCurrentNotice() {
        BanCase c = notified().recordStatement(new BanCase.Statement("我们已停止活动", true, NOTICE)).next();
        assertThat(c.review("legal", true, null, NOTICE).next().status()).isEqualTo(BanStatus.REVIEWED);
        BanCase renotified = c.review("legal", false, "事实表述不清", NOTICE).next().propose("补充后的理由").next()
                .serveNotice(NOTICE.plusDays(1), CALENDAR, POLICY).next();
        assertThatThrownBy(() -> renotified.review("legal", true, null, NOTICE.plusDays(1))).isInstanceOf(ClosedGate.class);
    }

    @Test
    void noDecisionWithoutLegalReviewNorAfterTheLimitAndNoProposalWithoutEvidence() {
        assertThatThrownBy(() -> opened().propose("理由")).isInstanceOf(ClosedGate.class)
                .extracting(e -> ((ClosedGate) e).code()).isEqualTo("EVIDENCE_REQUIRED");
        BanCase c = notified();
        assertThatThrownBy(() -> c.decide("文号", "理由", NOTICE.plusDays(10), CALENDAR, POLICY)).isInstanceOf(ClosedGate.class)
                .extracting(e -> ((ClosedGate) e).code()).isEqualTo("LEGAL_REVIEW_REQUIRED");
        BanCase reviewed = c.review("legal", true, null, NOTICE.plusDays(10)).next();
        assertThatThrownBy(() -> reviewed.decide("文号", "理由", reviewed.dueOn().plusDays(1), CALENDAR, POLICY))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).problems().get(0).pointer()).isEqualTo("/decidedOn");
        assertThat(reviewed.decide("文号", "理由", reviewed.dueOn(), CALENDAR, POLICY).next().status()).isEqualTo(BanStatus.DECIDED);
    }

    @Test
    void badInputNamesEachFieldAndNothingIsBuilt() {
        assertThat(BanCase.openProblems(null, null, " ", null, null)).extracting(FieldProblem::pointer)
                .containsExactly("/name", "/ground", "/facts");
        assertThat(BanCase.openProblems("甲", BanGround.UNREGISTERED_ACTIVITY, "f", null, null)).extracting(FieldProblem::code)
                .containsExactly("INVALID_NAME");
        assertThat(BanCase.openProblems("某\u0000会", BanGround.UNREGISTERED_ACTIVITY, "f", null, null)).extracting(FieldProblem::pointer)
                .containsExactly("/name");
        assertThat(BanCase.openProblems("某".repeat(51), BanGround.UNREGISTERED_ACTIVITY, "x".repeat(2001), "y".repeat(2001), null))
                .extracting(FieldProblem::pointer).containsExactly("/name", "/facts", "/whereabouts");
        assertThat(BanCase.openProblems("某某研究会", BanGround.UNREGISTERED_ACTIVITY, "事实", null, null)).isEmpty();
        assertThatThrownBy(() -> BanCase.open("x", "", "421303", null, null, null, null, POLICY, OPENED)).isInstanceOf(InvalidFields.class)
                .extracting(e -> ((InvalidFields) e).code()).isEqualTo("BAN_CASE_INVALID");

        BanCase delivered = notified().review("legal", true, null, NOTICE.plusDays(10)).next()
                .decide("文号", "理由", NOTICE.plusDays(11), CALENDAR, POLICY).next().deliver(true, NOTICE.plusDays(12)).next();
        assertThat(delivered.deliveredByAnnouncement()).isTrue();
        assertThatThrownBy(() -> delivered.execute(List.of(), null, NOTICE.plusDays(13))).isInstanceOf(InvalidFields.class);
        assertThatThrownBy(() -> delivered.execute(java.util.Arrays.asList("公章1枚", " "), null, NOTICE.plusDays(13)))
                .isInstanceOf(InvalidFields.class).extracting(e -> ((InvalidFields) e).problems().get(0).code()).isEqualTo("BLANK_ITEM");
        BanCase executed = delivered.execute(List.of(" 公章1枚 ", "牌匾1块"), null, NOTICE.plusDays(13)).next();
        assertThat(executed.seized()).containsExactly("公章1枚", "牌匾1块");
        assertThat(executed.close(null, NOTICE.plusDays(14)).next().status()).isEqualTo(BanStatus.CLOSED);
        assertThatThrownBy(() -> opened().close(" ", OPENED)).isInstanceOf(InvalidFields.class);
    }
}
