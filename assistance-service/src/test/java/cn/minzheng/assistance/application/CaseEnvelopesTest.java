package cn.minzheng.assistance.application;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A caller's traceparent travels into the event only when the platform's parser (TraceContext) accepts it. */
class CaseEnvelopesTest {
    static final DomainEvent SUBMITTED = new DomainEvent("6f1c2f4e-0b7a-4c55-9a43-2f0b1d7e9c11", "submitted", "application", "DB-421303-1", null,
            ApplicationStatus.values()[0], null, Map.of(), "citizen-1", Role.CITIZEN, "421303001001", 1,
            Instant.parse("2026-09-01T00:00:00Z"));

    @org.junit.jupiter.api.Test
    void aWellFormedTraceparentIsCarried() {
        String tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assertThat(CaseEnvelopes.of(SUBMITTED, tp).traceparent()).isEqualTo(tp);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01", "garbage",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7"})
    void anyOtherValueIsDroppedNotRefused(String tp) {
        assertThat(CaseEnvelopes.of(SUBMITTED, tp).traceparent()).isNull();
    }
}
