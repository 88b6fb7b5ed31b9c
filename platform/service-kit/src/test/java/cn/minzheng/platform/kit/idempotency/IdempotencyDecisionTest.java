package cn.minzheng.platform.kit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.kit.idempotency.IdempotencyDecision.Outcome;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdempotencyDecisionTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @ParameterizedTest(name = "stored={0} completed={1} expiresIn={2}s inFlightFor={3}s request={4} → {5}")
    @CsvSource(nullValues = "null", value = {
            "h1, true,  3600,  null, h1, REPLAY",
            "h1, true,  3600,  null, h2, KEY_REUSED",
            "h1, false, 3600,  30,   h1, IN_FLIGHT",
            "h1, false, 3600,  30,   h2, KEY_REUSED",
            "h1, true,  0,     null, h1, RECLAIM",
            "h1, true,  -1,    null, h2, RECLAIM",
            "h1, false, 3600,  0,    h1, RECLAIM",
            "h1, false, 3600,  -5,   h2, RECLAIM",
            "h1, false, 3600,  null, h1, IN_FLIGHT",
    })
    void decisionTable(String stored, boolean completed, long expiresIn, Long inFlightFor, String request, Outcome expected) {
        Instant inFlightUntil = inFlightFor == null ? null : NOW.plusSeconds(inFlightFor);
        assertThat(IdempotencyDecision.decide(stored, completed, NOW.plusSeconds(expiresIn), inFlightUntil, request, NOW))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "3f2a6c1e-0b7d-4c55-9a53-0e2b6f9d1a77, true",
            "order.2026:01_a, true",
            "a, true",
            "'', false",
            "null, false",
            "'with space', false",
            "'中文', false",
    })
    void keyFormat(String key, boolean valid) {
        assertThat(IdempotencyDecision.isValidKey(key)).isEqualTo(valid);
    }

    @Property
    void differentBodiesNeverReplay(@ForAll byte[] a, @ForAll byte[] b) {
        String ha = RequestFingerprint.of("POST", "/x", a);
        String hb = RequestFingerprint.of("POST", "/x", b);
        Outcome outcome = IdempotencyDecision.decide(ha, true, NOW.plusSeconds(10), null, hb, NOW);
        assertThat(outcome).isEqualTo(java.util.Arrays.equals(a, b) ? Outcome.REPLAY : Outcome.KEY_REUSED);
    }

    @Property
    void samePathOtherMethodOrPathIsAnotherRequest(@ForAll byte[] body) {
        assertThat(RequestFingerprint.of("POST", "/a", body)).isNotEqualTo(RequestFingerprint.of("POST", "/b", body));
    }
}
