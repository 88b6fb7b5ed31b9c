package cn.minzheng.platform.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a drain may take a document's claim, and which token its compare-and-set insists on. */
class ClaimRuleTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    @ParameterizedTest(name = "claim {0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            // claim as stored                                        | takeover expecting token
            "null                                                     | take:null",
            "{owner: 'b', until: -1, token: 't1'}                     | take:t1",
            "{owner: 'crashed', until: -1}                            | take:null",
            "{owner: 'b', until: 60, token: 't1'}                     | busy",
            "{owner: 'b', until: 0, token: 't1'}                      | busy",
            "{owner: 'b', token: 't1'}                                | busy",
            "{owner: 'b', until: 'tomorrow', token: 't1'}             | busy",
            "'garbage'                                                | busy",
    })
    void decidesFromTheClaimAsRead(String stored, String expected) {
        Optional<ClaimRule.Takeover> takeover = ClaimRule.takeover(claim(stored), NOW);

        if (expected.equals("busy")) {
            assertThat(takeover).as("a live or unreadable claim is respected").isEmpty();
        } else {
            String token = expected.substring("take:".length());
            assertThat(takeover).contains(new ClaimRule.Takeover(token.equals("null") ? null : token));
        }
    }

    @Property
    void takesOverExactlyTheClaimsWhoseLeaseEndedBeforeNow(@ForAll @LongRange(min = -86_400_000, max = 86_400_000) long untilOffsetMillis,
                                                          @ForAll("tokens") String token) {
        var claim = new Document("owner", "x").append("until", Date.from(NOW.plusMillis(untilOffsetMillis)));
        if (token != null) {
            claim.append("token", token);
        }

        Optional<ClaimRule.Takeover> takeover = ClaimRule.takeover(claim, NOW);

        assertThat(takeover.isPresent()).isEqualTo(untilOffsetMillis < 0);
        takeover.ifPresent(t -> assertThat(t.expectedToken()).isEqualTo(token));
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(36).injectNull(0.2);
    }

    /** {@code until} is in seconds from {@link #NOW} (a number), or left as written (a text). */
    private static Object claim(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith("{")) {
            return stored;
        }
        Document claim = Document.parse(stored);
        if (claim.get("until") instanceof Number seconds) {
            claim.put("until", Date.from(NOW.plusSeconds(seconds.longValue())));
        }
        return claim;
    }
}
