package cn.minzheng.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventTimeRangeTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "2026-03-05T09:00:00Z            | held",
        "2026-03-05T17:00:00+08:00       | held",
        "1970-01-01T00:00:00Z            | held",
        "9999-12-31T23:59:59.999Z        | held",
        "9999-12-31T23:59:59.9991Z       | outside",
        "1969-12-31T23:59:59.999Z        | outside",
        "1970-01-01T07:59:59+08:00       | outside",
        "+10000-01-01T00:00:00Z          | outside",
        "+275760-09-13T00:00:00Z         | outside",
        "+300000000-01-01T00:00:00Z      | outside",
        "-000001-01-01T00:00:00Z         | outside",
        "2026-03-05                      | not RFC 3339",
        "2026-02-30T00:00:00Z            | not RFC 3339",
        "yesterday                       | not RFC 3339"})
    void theDefaultRangeHoldsFourDigitYearsFromTheEpochOn(String time, String expected) {
        var refusal = EventTimeRange.DEFAULT.refusal(time);
        switch (expected) {
            case "held" -> assertThat(refusal).isEmpty();
            case "outside" -> assertThat(refusal).hasValueSatisfying(r -> assertThat(r)
                    .isEqualTo("event time " + time + " is outside the range the trail holds"
                            + " (1970-01-01T00:00:00Z .. 9999-12-31T23:59:59.999Z)"));
            default -> assertThat(refusal).hasValueSatisfying(r -> assertThat(r).endsWith("is not an RFC 3339 timestamp"));
        }
    }

    @Test
    void noTimeIsRefusedWithAReason() {
        assertThat(EventTimeRange.DEFAULT.refusal(null)).hasValue("event time (none) is not an RFC 3339 timestamp");
    }

    @Test
    void aConfiguredRangeIsInclusiveAndWithinFourDigitYears() {
        var range = new EventTimeRange(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(range.refusal("2020-01-01T00:00:00Z")).isEmpty();
        assertThat(range.refusal("2030-01-01T00:00:00Z")).isEmpty();
        assertThat(range.refusal("2030-01-01T00:00:00.001Z")).isPresent();
        assertThatThrownBy(() -> new EventTimeRange(Instant.parse("2030-01-01T00:00:00Z"),
                Instant.parse("2020-01-01T00:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventTimeRange(Instant.EPOCH, Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventTimeRange(null, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Whatever the time, a held one is writable as stored (epoch milliseconds, RFC 3339), a refused one says why. */
    @Property(tries = 2000)
    void everyInstantIsHeldOrRefusedNeverThrown(@ForAll @LongRange(min = -31557014167219200L, max = 31556889864403199L)
            long epochSecond) {
        String time = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(epochSecond));
        var refusal = EventTimeRange.DEFAULT.refusal(time);
        if (refusal.isEmpty()) {
            assertThat(Instant.parse(time).toEpochMilli()).isBetween(0L, 253402300799999L);
            assertThat(time).matches("\\d{4}-.*");
        } else {
            assertThat(refusal.get()).startsWith("event time ").contains(time); // quoted past OffsetDateTime's years
        }
    }

    @Property(tries = 1000)
    void anyTextIsHeldOrRefusedNeverThrown(@ForAll String text) {
        EventTimeRange.DEFAULT.refusal(text);
    }
}
