package cn.minzheng.assistance.application;

import cn.minzheng.platform.kit.domain.IllegalTransition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every (state, command, kind) pair: the expected table below is written independently of the
 * production table; each allowed row is checked, and every pair not listed must be refused.
 */
class ApplicationLifecycleTest {

    /**
     * from, command, to, for which kind of case: ALL, URGENT (急难型 临时救助 only), MONTHLY (every
     * program but 临时救助), TEMPORARY (临时救助 of either type)
     */
    private static final String[] ALLOWED = {
            "SUBMITTED,REQUEST_SUPPLEMENT,SUPPLEMENT_REQUESTED,ALL",
            "SUBMITTED,ACCEPT,ACCEPTED,ALL",
            "SUBMITTED,REFUSE_ACCEPTANCE,NOT_ACCEPTED,ALL",
            "SUBMITTED,WITHDRAW,WITHDRAWN,ALL",
            "SUBMITTED,PAY_FIRST,PAID_FIRST,URGENT",
            "SUPPLEMENT_REQUESTED,RESUBMIT,RESUBMITTED,ALL",
            "SUPPLEMENT_REQUESTED,REFUSE_ACCEPTANCE,NOT_ACCEPTED,ALL",
            "SUPPLEMENT_REQUESTED,WITHDRAW,WITHDRAWN,ALL",
            "RESUBMITTED,REQUEST_SUPPLEMENT,SUPPLEMENT_REQUESTED,ALL",
            "RESUBMITTED,ACCEPT,ACCEPTED,ALL",
            "RESUBMITTED,REFUSE_ACCEPTANCE,NOT_ACCEPTED,ALL",
            "RESUBMITTED,WITHDRAW,WITHDRAWN,ALL",
            "RESUBMITTED,PAY_FIRST,PAID_FIRST,URGENT",
            "ACCEPTED,RECORD_HOME_VISIT,INVESTIGATING,ALL",
            "ACCEPTED,RECORD_ECONOMIC_CHECK,INVESTIGATING,ALL",
            "ACCEPTED,WITHDRAW,WITHDRAWN,ALL",
            "ACCEPTED,PAY_FIRST,PAID_FIRST,URGENT",
            "INVESTIGATING,RECORD_HOME_VISIT,INVESTIGATING,ALL",
            "INVESTIGATING,RECORD_ECONOMIC_CHECK,INVESTIGATING,ALL",
            "INVESTIGATING,GIVE_OPINION,OPINION_GIVEN,ALL",
            "INVESTIGATING,WITHDRAW,WITHDRAWN,ALL",
            "OPINION_GIVEN,START_PUBLICITY,IN_PUBLICITY,ALL",
            "OPINION_GIVEN,WITHDRAW,WITHDRAWN,ALL",
            "IN_PUBLICITY,RECORD_OBJECTION,INVESTIGATING,ALL",
            "IN_PUBLICITY,COMPLETE_PUBLICITY,AWAITING_DECISION,ALL",
            "IN_PUBLICITY,WITHDRAW,WITHDRAWN,ALL",
            "AWAITING_DECISION,APPROVE,ACTIVE,MONTHLY",
            "AWAITING_DECISION,APPROVE,ONE_OFF_AWARDED,TEMPORARY",
            "AWAITING_DECISION,DENY,DENIED,ALL",
            "AWAITING_DECISION,WITHDRAW,WITHDRAWN,ALL",
            "PAID_FIRST,COMPLETE_RECORD,RECORD_COMPLETED,ALL",
            "ACTIVE,START_RECHECK,RECHECKING,ALL",
            "ACTIVE,CHANGE_AMOUNT,ACTIVE,ALL",
            // 调标 (recalculation runs): the amount changes, the state does not; a suspended case too, not the 渐退期
            "ACTIVE,ADJUST_TO_STANDARD,ACTIVE,ALL",
            "RECHECKING,ADJUST_TO_STANDARD,RECHECKING,ALL",
            "SUSPENDED,ADJUST_TO_STANDARD,SUSPENDED,ALL",
            "ACTIVE,SUSPEND,SUSPENDED,ALL",
            "ACTIVE,START_PHASE_OUT,PHASING_OUT,ALL",
            "ACTIVE,TERMINATE,TERMINATED,ALL",
            "RECHECKING,CONFIRM_RECHECK,ACTIVE,ALL",
            "RECHECKING,CHANGE_AMOUNT,ACTIVE,ALL",
            "RECHECKING,SUSPEND,SUSPENDED,ALL",
            "RECHECKING,START_PHASE_OUT,PHASING_OUT,ALL",
            "RECHECKING,TERMINATE,TERMINATED,ALL",
            "SUSPENDED,RESUME,ACTIVE,ALL",
            "SUSPENDED,START_RECHECK,RECHECKING,ALL",
            "SUSPENDED,TERMINATE,TERMINATED,ALL",
            "PHASING_OUT,START_RECHECK,RECHECKING,ALL",
            "PHASING_OUT,TERMINATE,TERMINATED,ALL",
            "ACTIVE,ASSIGN_PROVIDER,ACTIVE,ALL",
            "RECHECKING,ASSIGN_PROVIDER,RECHECKING,ALL",
            "ACTIVE,FLAG_PROVIDER,ACTIVE,ALL",
            "RECHECKING,FLAG_PROVIDER,RECHECKING,ALL",
            "SUSPENDED,FLAG_PROVIDER,SUSPENDED,ALL",
            "PHASING_OUT,FLAG_PROVIDER,PHASING_OUT,ALL",
    };

    /** The kinds of case the table tells apart. */
    enum Kind {
        MONTHLY(false, false), TEMPORARY(false, true), URGENT_TEMPORARY(true, true);

        final boolean urgent;
        final boolean temporary;

        Kind(boolean urgent, boolean temporary) {
            this.urgent = urgent;
            this.temporary = temporary;
        }

        boolean matches(String spec) {
            return switch (spec) {
                case "ALL" -> true;
                case "URGENT" -> urgent;
                case "MONTHLY" -> !temporary;
                case "TEMPORARY" -> temporary;
                default -> throw new IllegalArgumentException(spec);
            };
        }
    }

    /** The expected next state of {@code from --command-->} for {@code kind}, or null when refused. */
    private static ApplicationStatus expected(ApplicationStatus from, ApplicationCommand command, Kind kind) {
        ApplicationStatus to = null;
        for (String line : ALLOWED) {
            String[] p = line.split(",");
            if (p[0].equals(from.name()) && p[1].equals(command.name()) && kind.matches(p[3])) {
                assertThat(to).as("two rows for %s/%s/%s", from, command, kind).isNull();
                to = ApplicationStatus.valueOf(p[2]);
            }
        }
        return to;
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> out = new ArrayList<>();
        for (ApplicationStatus s : ApplicationStatus.values()) {
            for (ApplicationCommand c : ApplicationCommand.values()) {
                for (Kind k : Kind.values()) {
                    out.add(Arguments.of(s, c, k));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> ({2})")
    @MethodSource("everyPair")
    void everyStateAndCommandIsAllowedOrRefusedAsTheTableSays(ApplicationStatus from, ApplicationCommand command,
                                                              Kind kind) {
        ApplicationStatus to = expected(from, command, kind);
        if (to != null) {
            assertThat(ApplicationLifecycle.next(from, command, kind.urgent, kind.temporary)).contains(to);
        } else {
            assertThat(ApplicationLifecycle.next(from, command, kind.urgent, kind.temporary)).isEmpty();
            assertThatThrownBy(() -> ApplicationLifecycle.require(from, command, kind.urgent, kind.temporary))
                    .isInstanceOf(IllegalTransition.class);
        }
    }

    /** The reason of a refusal is for the logs: a 先行救助 on a case that is not 急难型 临时救助 says so, no other refusal has one. */
    @ParameterizedTest(name = "{0} --{1}--> ({2})")
    @MethodSource("everyPair")
    void aRefusedPayFirstSaysWhyInTheLogsOnly(ApplicationStatus from, ApplicationCommand command, Kind kind) {
        if (ApplicationLifecycle.next(from, command, kind.urgent, kind.temporary).isPresent()) {
            return;
        }
        boolean notUrgent = command == ApplicationCommand.PAY_FIRST && !kind.urgent;
        assertThatThrownBy(() -> ApplicationLifecycle.require(from, command, kind.urgent, kind.temporary))
                .isInstanceOfSatisfying(IllegalTransition.class, t -> {
                    assertThat(t.reason()).isEqualTo(notUrgent
                            ? java.util.Optional.of(ApplicationLifecycle.PAY_FIRST_URGENT_ONLY) : java.util.Optional.empty());
                    assertThat(t.getMessage()).isEqualTo(AssistanceCase.AGGREGATE_TYPE + " in status " + from
                            + " does not allow " + command + (notUrgent ? ": 先行救助 is only for 急难型 临时救助" : ""));
                    assertThat(DomainProblems.translate(t)).isInstanceOf(CaseStepRefused.class)
                            .hasMessage(t.getMessage()).hasCause(t);
                });
    }

    @ParameterizedTest
    @CsvSource({"MONTHLY,ACTIVE", "TEMPORARY,ONE_OFF_AWARDED", "URGENT_TEMPORARY,ONE_OFF_AWARDED"})
    void approvalOfTemporaryAssistanceClosesTheCaseAndNothingFollows(Kind kind, ApplicationStatus to) {
        assertThat(ApplicationLifecycle.require(ApplicationStatus.AWAITING_DECISION, ApplicationCommand.APPROVE,
                kind.urgent, kind.temporary)).isEqualTo(to);
        assertThat(to.terminal()).isEqualTo(kind.temporary);
    }

    @ParameterizedTest
    @CsvSource({"NOT_ACCEPTED", "DENIED", "WITHDRAWN", "RECORD_COMPLETED", "TERMINATED", "ONE_OFF_AWARDED"})
    void terminalStatesAcceptNoCommand(ApplicationStatus terminal) {
        assertThat(terminal.terminal()).isTrue();
        for (ApplicationCommand c : ApplicationCommand.values()) {
            for (Kind k : Kind.values()) {
                assertThat(ApplicationLifecycle.next(terminal, c, k.urgent, k.temporary)).as(c + "/" + k).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"SUBMITTED,true", "SUPPLEMENT_REQUESTED,true", "AWAITING_DECISION,true", "IN_PUBLICITY,true",
            "ACTIVE,false", "DENIED,false", "PAID_FIRST,false", "TERMINATED,false", "ONE_OFF_AWARDED,false"})
    void withdrawalIsPossibleExactlyBeforeTheDecision(ApplicationStatus s, boolean possible) {
        assertThat(ApplicationLifecycle.next(s, ApplicationCommand.WITHDRAW, false, false).isPresent()).isEqualTo(possible);
        assertThat(s.beforeDecision()).isEqualTo(possible);
    }

    @ParameterizedTest
    @CsvSource({"SUPPLEMENT_REQUESTED"})
    void aSecondSupplementRequestWithoutResubmissionIsRefused(ApplicationStatus s) {
        assertThatThrownBy(() -> ApplicationLifecycle.require(s, ApplicationCommand.REQUEST_SUPPLEMENT, false, false))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("REQUEST_SUPPLEMENT");
    }
}
