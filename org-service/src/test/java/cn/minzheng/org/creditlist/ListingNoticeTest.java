package cn.minzheng.org.creditlist;

import cn.minzheng.org.problems.ClosedGate;
import cn.minzheng.org.problems.InvalidFields;
import cn.minzheng.org.problems.RuleViolation;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 拟列入告知: the table of moves, applied to a real notice in every state, and the period rules. */
class ListingNoticeTest {
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.builtIn();
    private static final CreditListPolicy POLICY = new CreditListPolicy(Period.ofMonths(6), Period.ofYears(2), Period.ofYears(2), 10, "测试");
    /** A Monday with no holiday in the following two weeks. */
    private static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);

    private static ListingNotice issued() {
        return ListingNotice.issue("LN-1", "ORG-1", "421303", EntryGround.LATE_ANNUAL_REPORT, "2025年度工作报告未报送", "ABN-1", null,
                ISSUED, CALENDAR, POLICY).next();
    }

    private static ListingNotice in(NoticeStatus status) {
        ListingNotice n = issued();
        return switch (status) {
            case NOTIFIED -> n;
            case RESPONDED -> n.respond("已于3月5日补报", "逾期系系统故障", ISSUED, "agent").next();
            case ACCEPTED -> in(NoticeStatus.RESPONDED).accept("已补报，情节轻微", ISSUED, "registrar").next();
            case REJECTED -> in(NoticeStatus.RESPONDED).reject("补报不改变逾期事实", ISSUED, "registrar").next();
            case LISTED -> n.list(n.respondBy().plusDays(1)).next();
        };
    }

    private static ListingNotice apply(ListingNotice n, NoticeAction action) {
        return switch (action) {
            case RESPOND -> n.respond("陈述", "理由", ISSUED, "agent").next();
            case ACCEPT -> n.accept("理由", ISSUED, "registrar").next();
            case REJECT -> n.reject("理由", ISSUED, "registrar").next();
            case LIST -> n.list(n.respondBy().plusDays(1)).next();
        };
    }

    /** The complete table: every status × action, "-" where the action is refused (409). */
    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource(nullValues = "-", textBlock = """
            NOTIFIED,  RESPOND, RESPONDED
            NOTIFIED,  ACCEPT,  -
            NOTIFIED,  REJECT,  -
            NOTIFIED,  LIST,    LISTED
            RESPONDED, RESPOND, -
            RESPONDED, ACCEPT,  ACCEPTED
            RESPONDED, REJECT,  REJECTED
            RESPONDED, LIST,    -
            ACCEPTED,  RESPOND, -
            ACCEPTED,  ACCEPT,  -
            ACCEPTED,  REJECT,  -
            ACCEPTED,  LIST,    -
            REJECTED,  RESPOND, -
            REJECTED,  ACCEPT,  -
            REJECTED,  REJECT,  -
            REJECTED,  LIST,    LISTED
            LISTED,    RESPOND, -
            LISTED,    ACCEPT,  -
            LISTED,    REJECT,  -
            LISTED,    LIST,    -
            """)
    void everyStateAndCommand(NoticeStatus from, NoticeAction action, NoticeStatus expected) {
        ListingNotice n = in(from);
        assertThat(n.status()).isEqualTo(from);
        if (expected == null) {
            assertThat(NoticeTransitions.target(from, action)).isEmpty();
            assertThatThrownBy(() -> apply(n, action)).isInstanceOf(IllegalTransition.class)
                    .satisfies(e -> assertThat(((IllegalTransition) e).aggregate()).isEqualTo("listing-notice"));
        } else {
            assertThat(NoticeTransitions.require(from, action)).isEqualTo(expected);
            ListingNotice next = apply(n, action);
            assertThat(next.status()).isEqualTo(expected);
            assertThat(next.version()).isEqualTo(n.version() + 1);
        }
    }

    @Test
    void theResponsePeriodIsCountedInWorkingDaysFromConfiguration() {
        ListingNotice n = issued();
        // 10 working days from Monday 2 March 2026: Monday 16 March
        assertThat(n.respondBy()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(n.responseWorkingDays()).isEqualTo(10);
        assertThat(n.responseSource()).isEqualTo("测试");
        var t = ListingNotice.issue("LN-2", "ORG-1", "421303", EntryGround.LATE_ANNUAL_REPORT, "事实", "ABN-2", null, ISSUED, CALENDAR,
                POLICY);
        assertThat(t.event().name()).isEqualTo("issued");
        assertThat(t.event().attributes()).containsEntry("respondBy", "2026-03-16").containsEntry("list", "ABNORMAL")
                .containsEntry("entryId", "ABN-2").containsEntry("responseWorkingDays", 10);
    }

    /** (day of the step, allowed?) around the last day to answer, 16 March. */
    @ParameterizedTest(name = "respond on {0}: {1}")
    @CsvSource({"2026-03-02, true", "2026-03-16, true", "2026-03-17, false", "2026-04-30, false"})
    void aStatementIsAcceptedUpToAndIncludingTheLastDay(LocalDate on, boolean allowed) {
        ListingNotice n = issued();
        if (allowed) {
            var t = n.respond(" 陈述 ", " 理由 ", on, "agent");
            assertThat(t.next().response().statement()).isEqualTo("陈述");
            assertThat(t.event().name()).isEqualTo("response-filed");
        } else {
            assertThatThrownBy(() -> n.respond("陈述", "理由", on, "agent")).isInstanceOf(RuleViolation.class)
                    .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("RESPONSE_PERIOD_ENDED"));
        }
    }

    /** (day of the listing, listed?) — an unanswered notice is listed only after its last day. */
    @ParameterizedTest(name = "list on {0}: {1}")
    @CsvSource({"2026-03-02, false", "2026-03-16, false", "2026-03-17, true"})
    void anUnansweredNoticeIsListedOnlyAfterThePeriod(LocalDate on, boolean listed) {
        ListingNotice n = issued();
        assertThat(n.listingDue(on)).isEqualTo(listed);
        if (listed) {
            var t = n.list(on);
            assertThat(t.next().listedOn()).isEqualTo(on);
            assertThat(t.event().attributes()).containsEntry("after", "NO_RESPONSE");
            CreditListEntry e = t.next().entry(on).next();
            assertThat(e.noticeServedOn()).isEqualTo(ISSUED);
            assertThat(e.id()).isEqualTo("ABN-1");
            assertThat(e.listedOn()).isEqualTo(on);
        } else {
            assertThatThrownBy(() -> n.list(on)).isInstanceOf(ClosedGate.class)
                    .satisfies(e -> assertThat(((ClosedGate) e).code()).isEqualTo("RESPONSE_PERIOD_RUNNING"));
        }
    }

    @Test
    void aRejectedStatementIsListedAtOnceAnAcceptedOneNever() {
        ListingNotice rejected = in(NoticeStatus.REJECTED);
        assertThat(rejected.listingDue(ISSUED)).isTrue();
        assertThat(rejected.decision().accepted()).isFalse();
        assertThat(rejected.list(ISSUED).event().attributes()).containsEntry("after", "RESPONSE_REJECTED");
        ListingNotice accepted = in(NoticeStatus.ACCEPTED);
        assertThat(accepted.listingDue(ISSUED.plusYears(1))).isFalse();
        assertThat(accepted.decision().accepted()).isTrue();
        assertThat(in(NoticeStatus.RESPONDED).listingDue(ISSUED.plusYears(1))).as("a registrar decides first").isFalse();
    }

    /** (statement, reasons, pointer of the problem) — blank or too long texts are refused (400), nothing changes. */
    @ParameterizedTest(name = "[{0}] [{1}] → {2}")
    @CsvSource(nullValues = "-", textBlock = """
            -,     理由,  /statement
            '  ',  理由,  /statement
            陈述,  -,     /reasons
            陈述,  '',    /reasons
            LONG,  理由,  /statement
            """)
    void blankOrTooLongTextsAreRefusedNamingTheField(String statement, String reasons, String pointer) {
        String s = "LONG".equals(statement) ? "长".repeat(ListingNotice.MAX_TEXT + 1) : statement;
        assertThatThrownBy(() -> issued().respond(s, reasons, ISSUED, "agent")).isInstanceOf(InvalidFields.class)
                .satisfies(e -> assertThat(((InvalidFields) e).problems().get(0).pointer()).isEqualTo(pointer));
        assertThatThrownBy(() -> in(NoticeStatus.RESPONDED).reject(" ", ISSUED, "registrar")).isInstanceOf(InvalidFields.class);
    }
}
