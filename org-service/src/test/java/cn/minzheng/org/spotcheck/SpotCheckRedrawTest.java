package cn.minzheng.org.spotcheck;

import cn.minzheng.org.events.Actor;
import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.problems.ClosedGate;
import cn.minzheng.org.problems.InvalidFields;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.platform.events.EventSchemaValidator;
import cn.minzheng.platform.events.EventTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One draw per authority, year and type; a redraw only with a written reason, only of a standing plan. */
class SpotCheckRedrawTest {
    private static final LocalDate DAY = LocalDate.of(2025, 7, 1);
    private final SpotCheckPolicy policy = SpotCheckPolicy.defaults();

    private static List<String> population(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "ORG-" + i).toList();
    }

    private static List<Inspector> pool() {
        return List.of(new Inspector("I-1", Set.of("ORG-7")), new Inspector("I-2", Set.of()), new Inspector("I-3", Set.of()));
    }

    private SpotCheckPlan drawn(List<OrganizationType> types) {
        return SpotCheckPlan.draw("SC-1", "421303", 2025, types, 300, "seed-1", population(60), pool(), policy, DAY).next();
    }

    private static List<OrganizationType> types(String names) {
        return names.isBlank() ? List.of() : Arrays.stream(names.split(" ")).map(OrganizationType::valueOf).toList();
    }

    @ParameterizedTest(name = "types [{0}], generation {1} -> slots {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                   | 0 | SOCIAL_GROUP=421303:2025#0 PRIVATE_NON_ENTERPRISE=421303:2025#0 FOUNDATION=421303:2025#0
            SOCIAL_GROUP                         | 0 | SOCIAL_GROUP=421303:2025#0
            FOUNDATION SOCIAL_GROUP              | 0 | SOCIAL_GROUP=421303:2025#0 FOUNDATION=421303:2025#0
            SOCIAL_GROUP                         | 2 | SOCIAL_GROUP=421303:2025#2
            """)
    void aDrawHoldsOneSlotPerAuthorityYearAndType(String typeNames, int generation, String expected) {
        String slots = String.join(" ", SpotCheckPlan.slotsOf("421303", 2025, types(typeNames), generation).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
        assertThat(slots).isEqualTo(expected);
    }

    @Test
    void aDrawOfEveryTypeAndADrawOfOneTypeShareThatTypesSlotSoTheSecondIsRefused() {
        var all = drawn(List.of()).drawSlots();
        var groups = drawn(List.of(OrganizationType.SOCIAL_GROUP)).drawSlots();
        assertThat(all.get(OrganizationType.SOCIAL_GROUP)).isEqualTo(groups.get(OrganizationType.SOCIAL_GROUP));
        var otherYear = SpotCheckPlan.slotsOf("421303", 2026, List.of(OrganizationType.SOCIAL_GROUP), 0);
        var otherAuthority = SpotCheckPlan.slotsOf("421381", 2025, List.of(OrganizationType.SOCIAL_GROUP), 0);
        assertThat(otherYear).doesNotContainValue(all.get(OrganizationType.SOCIAL_GROUP));
        assertThat(otherAuthority).doesNotContainValue(all.get(OrganizationType.SOCIAL_GROUP));
    }

    @ParameterizedTest(name = "{0} plan, reason [{1}] -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            DRAWN      | 抽取范围遗漏基金会，重新抽取 | REDRAWN
            DRAWN      | '  名录有误  '               | REDRAWN
            DRAWN      | ''                          | REASON_REQUIRED
            DRAWN      | '   '                       | REASON_REQUIRED
            DRAWN      | NULL                        | REASON_REQUIRED
            DRAWN      | LONG                        | REASON_TOO_LONG
            PUBLISHED  | 名录有误                     | SPOT_CHECK_PUBLISHED
            SUPERSEDED | 名录有误                     | SPOT_CHECK_SUPERSEDED
            """)
    void aRedrawNeedsAWrittenReasonAndAStandingPlan(SpotCheckPlan.PlanStatus status, String reason, String outcome) {
        String why = "LONG".equals(reason) ? "理".repeat(SpotCheckPlan.REASON_MAX_LENGTH + 1) : reason;
        SpotCheckPlan plan = inStatus(status);
        if (!outcome.equals("REDRAWN")) {
            assertThatThrownBy(() -> plan.redraw("SC-2", why, "seed-2", population(60), pool(), policy, DAY))
                    .satisfies(e -> assertThat(e instanceof InvalidFields v ? v.code() : ((ClosedGate) e).code()).isEqualTo(outcome));
            return;
        }
        var t = plan.redraw("SC-2", why, "seed-2", population(61), pool(), policy, DAY);
        SpotCheckPlan redraw = t.next();
        assertThat(redraw.lineage()).isEqualTo(new SpotCheckPlan.Lineage(1, "SC-1", why.strip(), null, null, null));
        assertThat(redraw.seed()).isEqualTo("seed-2");
        assertThat(redraw.population()).hasSize(61);
        assertThat(redraw.drawSlots()).containsEntry(OrganizationType.SOCIAL_GROUP, "421303:2025#1").hasSize(3);
        assertThat(List.of(redraw.authorityCode(), redraw.year(), redraw.types(), redraw.ratioBasisPoints()))
                .isEqualTo(List.of(plan.authorityCode(), plan.year(), plan.types(), plan.ratioBasisPoints()));
        assertThat(redraw.replay(policy)).isEqualTo(redraw.assignments());
        assertThat(t.event().reason()).isEqualTo(why.strip());
        assertThat(t.event().attributes()).containsEntry("redrawOf", "SC-1").containsEntry("generation", 1);
        // the redraw travels as the existing plan-drawn type, valid against its schema
        var envelope = new OrgEventFactory(Clock.systemUTC()).envelope(EventTypes.SPOT_CHECK_PLAN_DRAWN, "spot-check", "SC-2", "SC-2",
                "421303", 1, t.event(), Actor.system(), null);
        EventSchemaValidator.shared().assertValid(envelope);

        SpotCheckPlan superseded = plan.supersededBy("SC-2", why, DAY);
        assertThat(superseded.status()).isEqualTo(SpotCheckPlan.PlanStatus.SUPERSEDED);
        assertThat(superseded.lineage().supersededBy()).isEqualTo("SC-2");
        assertThat(superseded.lineage().supersededReason()).isEqualTo(why.strip());
        assertThat(superseded.version()).isEqualTo(plan.version() + 1);
        assertThat(superseded.drawSlots()).as("the first draw keeps its slots: a new first draw stays refused").isEqualTo(plan.drawSlots());
        assertThat(superseded.replay(policy)).as("a superseded draw still replays").isEqualTo(plan.assignments());
    }

    private SpotCheckPlan inStatus(SpotCheckPlan.PlanStatus status) {
        SpotCheckPlan plan = drawn(List.of());
        return switch (status) {
            case DRAWN -> plan;
            case SUPERSEDED -> plan.supersededBy("SC-0", "名录有误", DAY);
            case PUBLISHED -> {
                SpotCheckPlan current = plan;
                for (var e : plan.assignments().entrySet()) {
                    current = current.recordResult(e.getKey(), new SpotCheckPlan.CheckResult(e.getValue().get(0), false, "无问题", DAY)).next();
                }
                yield current.publish(DAY).next();
            }
        };
    }
}
