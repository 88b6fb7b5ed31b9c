package cn.minzheng.platform.kit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The kit's refused transition: the reason is for the logs, the status and action for the answer. */
class IllegalTransitionTest {

    @ParameterizedTest(name = "reason ''{0}''")
    @CsvSource(nullValues = "null", value = {
            "null,                                  application in status SUBMITTED does not allow PAY_FIRST,                                      ",
            "'',                                    application in status SUBMITTED does not allow PAY_FIRST,                                      ",
            "'  ',                                  application in status SUBMITTED does not allow PAY_FIRST,                                      ",
            "先行救助 is only for 急难型 临时救助,       application in status SUBMITTED does not allow PAY_FIRST: 先行救助 is only for 急难型 临时救助, 先行救助 is only for 急难型 临时救助",
    })
    void theReasonIsInTheMessageOnly(String reason, String message, String expectedReason) {
        IllegalTransition t = new IllegalTransition("application", "SUBMITTED", "PAY_FIRST", reason);
        assertThat(t.getMessage()).isEqualTo(message);
        assertThat(t.reason()).isEqualTo(Optional.ofNullable(expectedReason));
        assertThat(t.aggregate()).isEqualTo("application");
        assertThat(t.status()).isEqualTo("SUBMITTED");
        assertThat(t.action()).isEqualTo("PAY_FIRST");
    }

    @Test
    void withoutAReasonAsBefore() {
        IllegalTransition t = new IllegalTransition("enforcement-case", "DECIDED", "PROPOSE");
        assertThat(t.getMessage()).isEqualTo("enforcement-case in status DECIDED does not allow PROPOSE");
        assertThat(t.reason()).isEmpty();
    }

    @Test
    void aggregateStatusAndActionAreRequired() {
        assertThatThrownBy(() -> new IllegalTransition(null, "S", "A", "r")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new IllegalTransition("a", null, "A")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new IllegalTransition("a", "S", null)).isInstanceOf(NullPointerException.class);
    }
}
