package cn.minzheng.audit.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A day's tallies (issue 20 item 7) judge its cases as the cases judged one by one would, at any
 * {@code asOf}: signatures by their days, the cases closing on the day of {@code asOf} by their
 * instants. In memory, plain Java; each try derives its cases from one long (jqwik prints it).
 */
class DayTalliesProperties {

    private static final Instant BASE = Instant.parse("2026-02-28T15:59:59.500Z"); // 23:59:59.5 in China
    private static final String[] SERVICES = {"assistance", "org", null};
    private static final String[] PROGRAMS = {"TEKUN", "a|b.c$%", null};
    private static final String[] REGIONS = {"421303001", "421302", null};

    private static Long someInstant(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> BASE.toEpochMilli() + Duration.ofDays(random.nextInt(4)).toMillis() + random.nextInt(2) - 1;
            default -> BASE.toEpochMilli() + (long) (random.nextDouble() * Duration.ofDays(4).toMillis());
        };
    }

    private static Long day(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms).atZone(HandlingCase.ZONE).toLocalDate().toEpochDay();
    }

    @Property(tries = 200)
    void theTalliesJudgeAsTheCasesOneByOne(@ForAll long seed) {
        Random random = new Random(seed);
        LocalDate accepted = LocalDate.of(2026, 2, 28);
        List<HandlingDays.Entry> entries = new ArrayList<>();
        for (int i = random.nextInt(40); i >= 0; i--) {
            Long decided = someInstant(random);
            Long withdrawn = someInstant(random);
            Long due = random.nextInt(5) == 0 ? null : accepted.toEpochDay() + random.nextInt(4);
            entries.add(new HandlingDays.Entry(SERVICES[random.nextInt(3)], PROGRAMS[random.nextInt(3)],
                    REGIONS[random.nextInt(3)], BASE.toEpochMilli(), accepted, due, decided, day(decided), withdrawn));
        }
        DayTallies tallies = DayTallies.of(entries);
        for (int q = 0; q < 10; q++) {
            Long someAsOf = someInstant(random);
            long asOfMs = someAsOf == null ? BASE.toEpochMilli() : someAsOf;
            long asOfDay = day(asOfMs);
            Map<HandlingCase.Outcome, Long> expected = new EnumMap<>(HandlingCase.Outcome.class);
            entries.forEach(e -> expected.merge(e.outcome(asOfMs, asOfDay), 1L, Long::sum));
            Map<HandlingCase.Outcome, Long> tallied = new EnumMap<>(HandlingCase.Outcome.class);
            Map<String, String> closing = tallies.closings().getOrDefault(Long.toString(asOfDay), Map.of());
            tallies.counts().forEach((field, n) -> {
                DayTallies.Key key = DayTallies.Key.parse(field);
                assertThat(key.field()).isEqualTo(field);
                if (key.closesOn(asOfDay)) {
                    List<HandlingCase.Outcome> outcomes = key.outcomes(closing.get(field), asOfMs, asOfDay);
                    assertThat(outcomes).as("instants kept for each case of %s", field).hasSize(n.intValue());
                    outcomes.forEach(o -> tallied.merge(o, 1L, Long::sum));
                } else {
                    tallied.merge(key.outcome(asOfDay), n, Long::sum);
                }
            });
            assertThat(tallied).as("seed %s asOf %s", seed, Instant.ofEpochMilli(asOfMs)).isEqualTo(expected);
        }
    }

    /** The same entries in another order, or one written twice over itself, give the same tallies. */
    @Example
    void derivedWholeNotIncremented() {
        HandlingDays.Entry open = new HandlingDays.Entry("assistance", "TEKUN", "421303", 0L, LocalDate.of(2026, 3, 1),
                20513L, null, null, null);
        HandlingDays.Entry decided = new HandlingDays.Entry("assistance", "TEKUN", "421303", 0L,
                LocalDate.of(2026, 3, 1), 20513L, 1772500000000L, day(1772500000000L), null);
        assertThat(DayTallies.of(List.of(open, decided))).isEqualTo(DayTallies.of(List.of(decided, open)));
        assertThat(DayTallies.of(List.of(decided)).counts()).hasSize(1).containsValue(1L);
        assertThat(DayTallies.of(List.of(open)).counts().keySet())
                .doesNotContainAnyElementsOf(DayTallies.of(List.of(decided)).counts().keySet());
    }
}
