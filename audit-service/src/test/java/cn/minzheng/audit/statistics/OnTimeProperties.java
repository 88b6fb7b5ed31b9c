package cn.minzheng.audit.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.audit.statistics.HandlingCase.Outcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Random cases: the rule never throws, agrees with the day arithmetic, and facts commute. */
class OnTimeProperties {

    private static final long Y2020 = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
    private static final long Y2030 = Instant.parse("2030-01-01T00:00:00Z").getEpochSecond();

    @Property
    void aDecisionIsOnTimeExactlyWhenItsChinaDayIsNotAfterTheDueDate(
            @ForAll @LongRange(min = 0, max = 3650) long dueOffset, @ForAll @LongRange(min = 0, max = 315_360_000) long decidedOffset) {
        LocalDate due = LocalDate.parse("2020-01-01").plusDays(dueOffset);
        Instant decided = Instant.ofEpochSecond(Y2020 + decidedOffset);
        HandlingCase c = new HandlingCase("DB-1", "assistance", null, "421303", Instant.ofEpochSecond(Y2020),
                due.toString(), null, "approved", decided, null);
        LocalDate decisionDay = LocalDate.ofInstant(decided.plusSeconds(8 * 3600), java.time.ZoneOffset.UTC);
        assertThat(c.outcome(Instant.parse("2031-01-01T00:00:00Z")))
                .isEqualTo(decisionDay.isAfter(due) ? Outcome.LATE : Outcome.ON_TIME);
    }

    @Property
    void anyDueDateTextGivesAnOutcomeNeverAnException(@ForAll String dueDate, @ForAll boolean decided,
            @ForAll boolean withdrawn) {
        HandlingCase c = new HandlingCase("DB-1", "assistance", null, "421303", Instant.ofEpochSecond(Y2020), dueDate,
                null, null, decided ? Instant.ofEpochSecond(Y2030) : null, withdrawn ? Instant.ofEpochSecond(Y2030) : null);
        assertThat(c.outcome(Instant.parse("2026-01-01T00:00:00Z"))).isNotNull();
    }

    @Property
    void anyOrderAndAnyRepetitionOfACasesFactsGivesTheSameDocument(@ForAll("facts") List<Map<String, Object>> facts,
            @ForAll @IntRange(min = 0, max = 1000) int seed) {
        List<Map<String, Object>> shuffled = new ArrayList<>(facts);
        shuffled.addAll(facts.subList(0, facts.size() / 2)); // a redelivered part
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(merge(shuffled)).isEqualTo(merge(facts));
    }

    @Provide
    Arbitrary<List<Map<String, Object>>> facts() {
        Arbitrary<String> time = Arbitraries.longs().between(Y2020, Y2030)
                .map(s -> Instant.ofEpochSecond(s).atOffset(java.time.ZoneOffset.ofHours(8)).toString());
        Arbitrary<String> type = Arbitraries.of(HandlingFacts.KINDS.keySet());
        return Arbitraries.subsetOf(HandlingFacts.Kind.values()).flatMap(kinds -> {
            // one event per kind, as the producers' state tables allow
            List<Arbitrary<Map<String, Object>>> each = new ArrayList<>();
            for (HandlingFacts.Kind kind : kinds) {
                each.add(net.jqwik.api.Combinators.combine(type.filter(t -> HandlingFacts.KINDS.get(t) == kind), time)
                        .as((t, at) -> HandlingFacts.of(t, "DB-1", "assistance", "421303", at, "e-" + t,
                                Map.of("program", "TEKUN", "orgType", "FOUNDATION", "dueDate", "2026-04-14"))
                                .orElseThrow()));
            }
            return combineAll(each);
        });
    }

    private static Arbitrary<List<Map<String, Object>>> combineAll(List<Arbitrary<Map<String, Object>>> each) {
        Arbitrary<List<Map<String, Object>>> all = Arbitraries.just(List.of());
        for (Arbitrary<Map<String, Object>> a : each) {
            all = all.flatMap(list -> a.map(m -> {
                List<Map<String, Object>> next = new ArrayList<>(list);
                next.add(m);
                return next;
            }));
        }
        return all;
    }

    /** What the store's upserts do to one document: each fact's fields set. */
    private static Map<String, Object> merge(List<Map<String, Object>> facts) {
        Map<String, Object> doc = new HashMap<>();
        facts.forEach(doc::putAll);
        return doc;
    }
}
