package cn.minzheng.assistance.application;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every (state, command, kind) pair: the expected table below is written independently of the
 * production table; each allowed row is checked, and every pair not listed must be refused.
 */
class ApplicationLifecycleTest {

    /** from, command, to, only for 急难型 临时救助 */
    private static final String[] ALLOWED = {
            "SUBMITTED,REQUEST_SUPPLEMENT,SUPPLEMENT_REQUESTED,false",
            "SUBMITTED,ACCEPT,ACCEPTED,false",
            "SUBMITTED,REFUSE_ACCEPTANCE,NOT_ACCEPTED,false",
            "SUBMITTED,WITHDRAW,WITHDRAWN,false",
            "SUBMITTED,PAY_FIRST,PAID_FIRST,true",
            "SUPPLEMENT_REQUESTED,RESUBMIT,RESUBMITTED,false",
            "SUPPLEMENT_REQUESTED,REFUSE_ACCEPTANCE,NOT_ACCEPTED,false",
            "SUPPLEMENT_REQUESTED,WITHDRAW,WITHDRAWN,false",
            "RESUBMITTED,REQUEST_SUPPLEMENT,SUPPLEMENT_REQUESTED,false",
            "RESUBMITTED,ACCEPT,ACCEPTED,false",
            "RESUBMITTED,REFUSE_ACCEPTANCE,NOT_ACCEPTED,false",
            "RESUBMITTED,WITHDRAW,WITHDRAWN,false",
            "RESUBMITTED,PAY_FIRST,PAID_FIRST,true",
            "ACCEPTED,RECORD_HOME_VISIT,INVESTIGATING,false",
            "ACCEPTED,RECORD_ECONOMIC_CHECK,INVESTIGATING,false",
            "ACCEPTED,WITHDRAW,WITHDRAWN,false",
            "ACCEPTED,PAY_FIRST,PAID_FIRST,true",
            "INVESTIGATING,RECORD_HOME_VISIT,INVESTIGATING,false",
            "INVESTIGATING,RECORD_ECONOMIC_CHECK,INVESTIGATING,false",
            "INVESTIGATING,GIVE_OPINION,OPINION_GIVEN,false",
            "INVESTIGATING,WITHDRAW,WITHDRAWN,false",
            "OPINION_GIVEN,START_PUBLICITY,IN_PUBLICITY,false",
            "OPINION_GIVEN,WITHDRAW,WITHDRAWN,false",
            "IN_PUBLICITY,RECORD_OBJECTION,INVESTIGATING,false",
            "IN_PUBLICITY,COMPLETE_PUBLICITY,AWAITING_DECISION,false",
            "IN_PUBLICITY,WITHDRAW,WITHDRAWN,false",
            "AWAITING_DECISION,APPROVE,ACTIVE,false",
            "AWAITING_DECISION,DENY,DENIED,false",
            "AWAITING_DECISION,WITHDRAW,WITHDRAWN,false",
            "PAID_FIRST,COMPLETE_RECORD,RECORD_COMPLETED,false",
            "ACTIVE,START_RECHECK,RECHECKING,false",
            "ACTIVE,CHANGE_AMOUNT,ACTIVE,false",
            "ACTIVE,SUSPEND,SUSPENDED,false",
            "ACTIVE,START_PHASE_OUT,PHASING_OUT,false",
            "ACTIVE,TERMINATE,TERMINATED,false",
            "RECHECKING,CONFIRM_RECHECK,ACTIVE,false",
            "RECHECKING,CHANGE_AMOUNT,ACTIVE,false",
            "RECHECKING,SUSPEND,SUSPENDED,false",
            "RECHECKING,START_PHASE_OUT,PHASING_OUT,false",
            "RECHECKING,TERMINATE,TERMINATED,false",
            "SUSPENDED,RESUME,ACTIVE,false",
            "SUSPENDED,START_RECHECK,RECHECKING,false",
            "SUSPENDED,TERMINATE,TERMINATED,false",
            "PHASING_OUT,START_RECHECK,RECHECKING,false",
            "PHASING_OUT,TERMINATE,TERMINATED,false",
            "ACTIVE,ASSIGN_PROVIDER,ACTIVE,false",
            "RECHECKING,ASSIGN_PROVIDER,RECHECKING,false",
            "ACTIVE,FLAG_PROVIDER,ACTIVE,false",
            "RECHECKING,FLAG_PROVIDER,RECHECKING,false",
            "SUSPENDED,FLAG_PROVIDER,SUSPENDED,false",
            "PHASING_OUT,FLAG_PROVIDER,PHASING_OUT,false",
    };

    record Row(ApplicationStatus to, boolean urgentOnly) {
    }

    private static Map<String, Row> expected() {
        Map<String, Row> m = new HashMap<>();
        for (String line : ALLOWED) {
            String[] p = line.split(",");
            m.put(p[0] + "/" + p[1], new Row(ApplicationStatus.valueOf(p[2]), Boolean.parseBoolean(p[3])));
        }
        return m;
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> out = new ArrayList<>();
        for (ApplicationStatus s : ApplicationStatus.values()) {
            for (ApplicationCommand c : ApplicationCommand.values()) {
                for (boolean urgent : new boolean[]{false, true}) {
                    out.add(Arguments.of(s, c, urgent));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> (urgent temporary: {2})")
    @MethodSource("everyPair")
    void everyStateAndCommandIsAllowedOrRefusedAsTheTableSays(ApplicationStatus from, ApplicationCommand command,
                                                              boolean urgentTemporary) {
        Row row = expected().get(from + "/" + command);
        boolean allowed = row != null && (!row.urgentOnly() || urgentTemporary);
        if (allowed) {
            assertThat(ApplicationLifecycle.next(from, command, urgentTemporary)).contains(row.to());
        } else {
            assertThat(ApplicationLifecycle.next(from, command, urgentTemporary)).isEmpty();
            assertThatThrownBy(() -> ApplicationLifecycle.require(from, command, urgentTemporary))
                    .isInstanceOf(IllegalTransitionException.class);
        }
    }

    @ParameterizedTest
    @CsvSource({"NOT_ACCEPTED", "DENIED", "WITHDRAWN", "RECORD_COMPLETED", "TERMINATED"})
    void terminalStatesAcceptNoCommand(ApplicationStatus terminal) {
        assertThat(terminal.terminal()).isTrue();
        for (ApplicationCommand c : ApplicationCommand.values()) {
            assertThat(ApplicationLifecycle.next(terminal, c, true)).as(c.name()).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource({"SUBMITTED,true", "SUPPLEMENT_REQUESTED,true", "AWAITING_DECISION,true", "IN_PUBLICITY,true",
            "ACTIVE,false", "DENIED,false", "PAID_FIRST,false", "TERMINATED,false"})
    void withdrawalIsPossibleExactlyBeforeTheDecision(ApplicationStatus s, boolean possible) {
        assertThat(ApplicationLifecycle.next(s, ApplicationCommand.WITHDRAW, false).isPresent()).isEqualTo(possible);
        assertThat(s.beforeDecision()).isEqualTo(possible);
    }

    @ParameterizedTest
    @CsvSource({"SUPPLEMENT_REQUESTED"})
    void aSecondSupplementRequestWithoutResubmissionIsRefused(ApplicationStatus s) {
        assertThatThrownBy(() -> ApplicationLifecycle.require(s, ApplicationCommand.REQUEST_SUPPLEMENT, false))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("REQUEST_SUPPLEMENT");
    }
}
