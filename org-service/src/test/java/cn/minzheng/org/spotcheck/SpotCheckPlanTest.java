package cn.minzheng.org.spotcheck;

import cn.minzheng.org.problems.RuleViolation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpotCheckPlanTest {
    private static final LocalDate DAY = LocalDate.of(2025, 7, 1);
    private final SpotCheckPolicy policy = SpotCheckPolicy.defaults();

    private static List<String> population(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "ORG-" + i).toList();
    }

    private static List<Inspector> pool() {
        return List.of(new Inspector("I-1", Set.of("ORG-7")), new Inspector("I-2", Set.of()), new Inspector("I-3", Set.of("ORG-7")),
                new Inspector("I-4", Set.of()));
    }

    @ParameterizedTest(name = "authority {0} ratio {1} bp -> allowed {2}")
    @CsvSource(textBlock = """
            330106, 300,  true
            330106, 299,  false
            330100, 399,  false
            330100, 400,  true
            330000, 499,  false
            330000, 500,  true
            100000, 999,  false
            100000, 1000, true
            """)
    void ratioNoLowerThanTheLegalMinimumOfTheLevel(String authority, int bp, boolean allowed) {
        if (allowed) {
            assertThat(SpotCheckPlan.draw("P", authority, 2025, List.of(), bp, "s", population(100), pool(), policy, DAY).next().assignments())
                    .hasSize(SeededDraw.sampleSize(100, bp));
        } else {
            assertThatThrownBy(() -> SpotCheckPlan.draw("P", authority, 2025, List.of(), bp, "s", population(100), pool(), policy, DAY))
                    .isInstanceOf(RuleViolation.class);
        }
    }

    @ParameterizedTest(name = "{0} organizations at {1} bp -> {2}")
    @CsvSource({"0, 300, 0", "1, 300, 1", "100, 300, 3", "101, 300, 4", "1000, 1000, 100", "5, 10000, 5"})
    void sampleSizeRoundsUp(int population, int bp, int expected) {
        assertThat(SeededDraw.sampleSize(population, bp)).isEqualTo(expected);
    }

    @Property(tries = 100)
    void theDrawIsReproducibleAndIndependentOfOrder(@ForAll long shuffleSeed, @ForAll @IntRange(min = 1, max = 300) int size,
                                                    @ForAll("seeds") String seed) {
        List<String> pop = population(size);
        List<String> shuffled = new ArrayList<>(pop);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        SpotCheckPlan a = SpotCheckPlan.draw("P", "330106", 2025, List.of(), 300, seed, pop, pool(), policy, DAY).next();
        SpotCheckPlan b = SpotCheckPlan.draw("P", "330106", 2025, List.of(), 300, seed, shuffled, pool(), policy, DAY).next();
        assertThat(b.assignments()).isEqualTo(a.assignments());
        assertThat(a.replay(policy)).isEqualTo(a.assignments());
        a.assignments().forEach((org, inspectors) -> {
            assertThat(inspectors).hasSize(2).doesNotHaveDuplicates();
            assertThat(pool().stream().filter(i -> inspectors.contains(i.id())))
                    .allSatisfy(i -> assertThat(i.conflictsWith()).doesNotContain(org));
        });
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> seeds() {
        return net.jqwik.api.Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20);
    }

    @Test
    void differentSeedsDrawDifferently() {
        var a = SpotCheckPlan.draw("P", "330106", 2025, List.of(), 1000, "seed-a", population(200), pool(), policy, DAY).next();
        var b = SpotCheckPlan.draw("P", "330106", 2025, List.of(), 1000, "seed-b", population(200), pool(), policy, DAY).next();
        assertThat(a.assignments().keySet()).isNotEqualTo(b.assignments().keySet());
    }

    @Test
    void tooFewInspectorsWithoutConflictIsRefused() {
        List<Inspector> small = List.of(new Inspector("I-1", Set.of("ORG-1")), new Inspector("I-2", Set.of()));
        assertThatThrownBy(() -> SpotCheckPlan.draw("P", "330106", 2025, List.of(), 10_000, "s", List.of("ORG-1"), small, policy, DAY))
                .isInstanceOf(RuleViolation.class);
    }

    @ParameterizedTest(name = "population {0}, list limit {1} -> listed {2}")
    @CsvSource({"0, 1000, true", "5, 5, true", "6, 5, false", "1000, 1000, true", "1001, 1000, false", "3, 0, false"})
    void aLargePopulationIsNamedBySizeAndDigestAndTheEventStaysValid(int size, int limit, boolean listed) throws Exception {
        SpotCheckPolicy small = new SpotCheckPolicy(policy.minimumBasisPoints(), 2, limit, List.of());
        List<String> shuffled = new ArrayList<>(population(size));
        Collections.shuffle(shuffled, new Random(size));
        var t = SpotCheckPlan.draw("SC-330106-2025-1", "330106", 2025, List.of(), 300, "s", shuffled, pool(), small, DAY);

        List<String> drawOrder = population(size).stream().sorted().toList();
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(String.join("\n", drawOrder).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(t.next().populationDigest()).isEqualTo(expected);
        assertThat(t.event().attributes()).containsEntry("populationSize", size).containsEntry("populationDigest", expected);
        assertThat(t.event().attributes().containsKey("population")).isEqualTo(listed);

        var envelope = new cn.minzheng.org.events.OrgEventFactory(java.time.Clock.systemUTC()).envelope(
                cn.minzheng.platform.events.EventTypes.SPOT_CHECK_PLAN_DRAWN, "spot-check", "SC-330106-2025-1", "SC-330106-2025-1",
                "330106", 1, t.event(), cn.minzheng.org.events.Actor.system(), null);
        cn.minzheng.platform.events.EventSchemaValidator.shared().assertValid(envelope);
    }

    @Test
    void aPopulationAlteredAfterTheDrawNoLongerMatchesItsDigest() {
        SpotCheckPlan plan = SpotCheckPlan.draw("P", "330106", 2025, List.of(), 300, "s", population(40), pool(), policy, DAY).next();
        assertThat(plan.currentPopulationDigest()).isEqualTo(plan.populationDigest());
        List<String> fewer = plan.population().stream().filter(o -> !plan.assignments().containsKey(o)).skip(1).toList();
        List<String> kept = new ArrayList<>(plan.assignments().keySet());
        kept.addAll(fewer);
        SpotCheckPlan altered = new SpotCheckPlan(plan.id(), plan.authorityCode(), plan.year(), plan.types(), plan.ratioBasisPoints(),
                plan.seed(), plan.method(), kept.stream().sorted().toList(), plan.populationDigest(), plan.inspectorPool(),
                plan.assignments(), plan.results(), plan.status(), plan.drawnOn(), plan.publishedOn(), plan.lineage(), plan.version());
        assertThat(altered.currentPopulationDigest()).isNotEqualTo(plan.populationDigest());
    }

    @Test
    void publishedOnlyWhenEveryResultIsRecordedByAnAssignedInspector() {
        SpotCheckPlan plan = SpotCheckPlan.draw("P", "330106", 2025, List.of(), 300, "s", population(40), pool(), policy, DAY).next();
        assertThat(plan.assignments()).hasSize(2);
        assertThatThrownBy(() -> plan.publish(DAY)).isInstanceOf(RuleViolation.class);
        SpotCheckPlan current = plan;
        for (var e : plan.assignments().entrySet()) {
            String outsider = pool().stream().map(Inspector::id).filter(i -> !e.getValue().contains(i)).findFirst().orElseThrow();
            SpotCheckPlan before = current;
            assertThatThrownBy(() -> before.recordResult(e.getKey(), new SpotCheckPlan.CheckResult(outsider, false, "", DAY)))
                    .isInstanceOf(RuleViolation.class);
            current = current.recordResult(e.getKey(), new SpotCheckPlan.CheckResult(e.getValue().get(0), false, "无问题", DAY)).next();
        }
        assertThat(current.publish(DAY).next().status()).isEqualTo(SpotCheckPlan.PlanStatus.PUBLISHED);
    }
}
