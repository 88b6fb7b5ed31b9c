package cn.minzheng.org.registration;

import cn.minzheng.platform.kit.domain.IllegalTransition;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplicationTransitionsTest {

    /** The complete table: every status × action, "-" where the action is refused. */
    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource(nullValues = "-", textBlock = """
            APPLIED,              REQUEST_SUPPLEMENT, SUPPLEMENT_REQUESTED
            APPLIED,              RESUBMIT,           -
            APPLIED,              ACCEPT,             ACCEPTED
            APPLIED,              APPROVE,            -
            APPLIED,              REFUSE,             -
            SUPPLEMENT_REQUESTED, REQUEST_SUPPLEMENT, -
            SUPPLEMENT_REQUESTED, RESUBMIT,           RESUBMITTED
            SUPPLEMENT_REQUESTED, ACCEPT,             -
            SUPPLEMENT_REQUESTED, APPROVE,            -
            SUPPLEMENT_REQUESTED, REFUSE,             -
            RESUBMITTED,          REQUEST_SUPPLEMENT, SUPPLEMENT_REQUESTED
            RESUBMITTED,          RESUBMIT,           -
            RESUBMITTED,          ACCEPT,             ACCEPTED
            RESUBMITTED,          APPROVE,            -
            RESUBMITTED,          REFUSE,             -
            ACCEPTED,             REQUEST_SUPPLEMENT, -
            ACCEPTED,             RESUBMIT,           -
            ACCEPTED,             ACCEPT,             -
            ACCEPTED,             APPROVE,            APPROVED
            ACCEPTED,             REFUSE,             REFUSED
            APPROVED,             REQUEST_SUPPLEMENT, -
            APPROVED,             RESUBMIT,           -
            APPROVED,             ACCEPT,             -
            APPROVED,             APPROVE,            -
            APPROVED,             REFUSE,             -
            REFUSED,              REQUEST_SUPPLEMENT, -
            REFUSED,              RESUBMIT,           -
            REFUSED,              ACCEPT,             -
            REFUSED,              APPROVE,            -
            REFUSED,              REFUSE,             -
            """)
    void table(ApplicationStatus from, ApplicationAction action, ApplicationStatus expected) {
        if (expected == null) {
            assertThat(ApplicationTransitions.next(from, action)).isEmpty();
            assertThatThrownBy(() -> ApplicationTransitions.require(from, action)).isInstanceOf(IllegalTransition.class);
        } else {
            assertThat(ApplicationTransitions.require(from, action)).isEqualTo(expected);
        }
    }

    @Property
    void decidedApplicationsAreFinal(@ForAll ApplicationAction action) {
        assertThat(ApplicationTransitions.next(ApplicationStatus.APPROVED, action)).isEmpty();
        assertThat(ApplicationTransitions.next(ApplicationStatus.REFUSED, action)).isEmpty();
    }
}
