package cn.minzheng.gateway.securityevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DenialWindowsTest {

    private static final Instant T0 = Instant.parse("2030-05-01T10:00:00Z");

    @Test
    void oneSummaryPerClientKindAndMinuteWithCountTimesAndReasons() {
        DenialWindows windows = new DenialWindows(Duration.ofMinutes(1), 100);
        assertThat(windows.record(denial(SecurityDenial.Kind.UNAUTHORIZED, "ip:a", "invalid token: Jwt expired at 2030-05-01T09:00:00Z"), T0.plusSeconds(5))).isEmpty();
        windows.record(denial(SecurityDenial.Kind.UNAUTHORIZED, "ip:a", "invalid token: Jwt expired at 2030-05-01T09:30:00Z"), T0.plusSeconds(20));
        windows.record(denial(SecurityDenial.Kind.UNAUTHORIZED, "ip:a", "invalid token: Malformed token"), T0.plusSeconds(59));
        windows.record(denial(SecurityDenial.Kind.RATE_LIMITED, "ip:a", "too many"), T0.plusSeconds(30));
        assertThat(windows.closeDue(T0.plusSeconds(59))).isEmpty();

        List<DenialSummary> closed = windows.closeDue(T0.plusSeconds(60));
        assertThat(closed).hasSize(2);
        DenialSummary unauthorized = closed.stream().filter(s -> s.first().kind() == SecurityDenial.Kind.UNAUTHORIZED).findFirst().orElseThrow();
        assertThat(unauthorized.count()).isEqualTo(3);
        assertThat(unauthorized.firstAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(unauthorized.lastAt()).isEqualTo(T0.plusSeconds(59));
        assertThat(unauthorized.reasons()).containsExactly("invalid token: Jwt expired at <time>", "invalid token: Malformed token");
        assertThat(unauthorized.windowStart()).isEqualTo(T0);
        assertThat(unauthorized.windowEnd()).isEqualTo(T0.plusSeconds(60));
        assertThat(windows.openWindows()).isZero();
    }

    @Test
    void reasonsAreBoundedAndTheRestCounted() {
        DenialWindows windows = new DenialWindows(Duration.ofMinutes(1), 100);
        for (int i = 0; i < 20; i++) {
            windows.record(denial(SecurityDenial.Kind.UNAUTHORIZED, "ip:a", "reason " + i + " " + "x".repeat(500)), T0);
        }
        DenialSummary summary = windows.closeAll().get(0);
        assertThat(summary.reasons()).hasSize(DenialWindows.MAX_REASONS).allSatisfy(r -> assertThat(r).hasSizeLessThanOrEqualTo(200));
        assertThat(summary.otherReasons()).isEqualTo(12);
        assertThat(summary.count()).isEqualTo(20);
    }

    @Test
    void clientsBeyondTheLimitAreCountedTogether() {
        DenialWindows windows = new DenialWindows(Duration.ofMinutes(1), 2);
        for (int i = 0; i < 10; i++) {
            windows.record(denial(SecurityDenial.Kind.UNAUTHORIZED, "ip:" + i, "bad"), T0);
        }
        List<DenialSummary> closed = windows.closeAll();
        assertThat(closed).extracting(s -> s.first().clientKey()).containsExactly("ip:0", "ip:1", DenialWindows.OTHER_CLIENTS);
        assertThat(closed.get(2).count()).isEqualTo(8);
    }

    /** However denials arrive, every one is counted once, and no client has two summaries for one window. */
    @Property
    void nothingLostNothingDoubled(@ForAll @Size(max = 300) List<@IntRange(max = 9) Integer> clients,
                                   @ForAll @Size(max = 300) List<@IntRange(max = 400) Integer> seconds,
                                   @ForAll @IntRange(min = 1, max = 12) int maxOpen) {
        DenialWindows windows = new DenialWindows(Duration.ofMinutes(1), maxOpen);
        List<DenialSummary> out = new ArrayList<>();
        int n = Math.min(clients.size(), seconds.size());
        List<Integer> times = new ArrayList<>(seconds.subList(0, n));
        times.sort(Integer::compare);
        for (int i = 0; i < n; i++) {
            out.addAll(windows.record(denial(SecurityDenial.Kind.UNAUTHORIZED, "ip:" + clients.get(i), "r"), T0.plusSeconds(times.get(i))));
            assertThat(windows.openWindows()).isLessThanOrEqualTo(maxOpen + 1);
        }
        out.addAll(windows.closeAll());
        assertThat(out.stream().mapToLong(DenialSummary::count).sum()).isEqualTo(n);
        Set<String> seen = new HashSet<>();
        for (DenialSummary summary : out) {
            assertThat(seen.add(summary.first().clientKey() + "@" + summary.windowStart())).isTrue();
        }
    }

    private static SecurityDenial denial(SecurityDenial.Kind kind, String client, String reason) {
        return new SecurityDenial(kind, client, null, List.of(), null, "GET", "/api/v1/assistance/applications", reason, null);
    }
}
