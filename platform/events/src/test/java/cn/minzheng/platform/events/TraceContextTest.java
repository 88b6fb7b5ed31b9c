package cn.minzheng.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceContextTest {

    static final String VALUE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void parsesTheFourParts() {
        TraceContext c = TraceContext.parse(VALUE).orElseThrow();
        assertThat(c.version()).isEqualTo("00");
        assertThat(c.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(c.parentId()).isEqualTo("00f067aa0ba902b7");
        assertThat(c.flags()).isEqualTo("01");
        assertThat(c.traceparent()).isEqualTo(VALUE);
        assertThat(TraceContext.isTraceparent(VALUE)).isTrue();
        assertThat(TraceContext.wellFormedOrNull(VALUE)).isEqualTo(VALUE);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
            " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\n",
            "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x"})
    void anythingElseIsNotATraceContext(String value) {
        assertThat(TraceContext.parse(value)).isEmpty();
        assertThat(TraceContext.isTraceparent(value)).isFalse();
        assertThat(TraceContext.wellFormedOrNull(value)).isNull();
    }
}
