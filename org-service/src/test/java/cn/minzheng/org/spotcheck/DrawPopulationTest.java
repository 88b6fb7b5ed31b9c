package cn.minzheng.org.spotcheck;

import cn.minzheng.org.creditcode.CreditCodeIssuance;
import cn.minzheng.org.naming.OrganizationName;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.registration.Members;
import cn.minzheng.org.registration.Organization;
import cn.minzheng.org.registration.Particulars;
import cn.minzheng.org.registration.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 双随机 population: every registrant, minus the configured exclusions, each recorded with its source. */
class DrawPopulationTest {
    private static final LocalDate DRAW = LocalDate.of(2026, 6, 30);
    private static final PopulationExclusion RECENT = new PopulationExclusion(PopulationExclusion.Rule.REGISTERED_WITHIN_MONTHS, 6, "本地做法");
    private static final PopulationExclusion SERIOUS = new PopulationExclusion(PopulationExclusion.Rule.ON_SERIOUS_LIST, null, "本地做法二");
    private static final PopulationExclusion RECTIFYING = new PopulationExclusion(PopulationExclusion.Rule.UNDER_RECTIFICATION, null, "本地做法三");

    private static Organization org(int n, LocalDate registeredOn, boolean abnormal, boolean serious, boolean restricted) {
        Particulars p = new Particulars(OrganizationType.SOCIAL_GROUP, new OrganizationName("广水市", "", "抽样" + n, "协会"), "广水1号",
                "宗旨", "范围", "广水市", new Person("陈二", "42138119800101" + (5000 + n)), 3_000_000L, true, null, null, "广水市科协",
                new Members(60, 0), List.of(), Set.of());
        Organization o = Organization.register("ORG-DP-" + n, new CreditCodeIssuance("MJ").issue(OrganizationType.SOCIAL_GROUP, "421381",
                900_000 + n).value(), "421381", p, registeredOn).next();
        if (abnormal || serious) {
            o = o.listing(abnormal, serious, "abnormal-listed", "x").next();
        }
        return restricted ? o.restricted(true, "不合格").next() : o;
    }

    /** (registered on, abnormal, serious, under rectification, the rule that leaves it out or "-"): first configured rule wins. */
    @ParameterizedTest(name = "{0} abnormal={1} serious={2} rectifying={3} → {4}")
    @CsvSource(nullValues = "-", textBlock = """
            2020-01-01, false, false, false, -
            2020-01-01, true,  false, false, -
            2025-12-30, false, false, false, -
            2025-12-31, false, false, false, REGISTERED_WITHIN_MONTHS
            2026-06-29, false, true,  false, REGISTERED_WITHIN_MONTHS
            2020-01-01, false, true,  false, ON_SERIOUS_LIST
            2020-01-01, true,  true,  true,  ON_SERIOUS_LIST
            2020-01-01, false, false, true,  UNDER_RECTIFICATION
            """)
    void everyRegistrantUnlessAConfiguredRuleLeavesItOut(LocalDate registeredOn, boolean abnormal, boolean serious, boolean rectifying,
                                                         String rule) {
        Organization o = org(1, registeredOn, abnormal, serious, rectifying);
        DrawPopulation p = DrawPopulation.of(List.of(o), List.of(RECENT, SERIOUS, RECTIFYING), DRAW);
        assertThat(p.registrants()).isEqualTo(1);
        if (rule == null) {
            assertThat(p.included()).containsExactly(o);
            assertThat(p.excluded()).allSatisfy(g -> assertThat(g.count()).isZero());
        } else {
            assertThat(p.included()).isEmpty();
            assertThat(p.excluded()).filteredOn(g -> g.count() == 1).singleElement()
                    .satisfies(g -> assertThat(g.rule()).isEqualTo(rule));
        }
    }

    @Test
    void withoutExclusionsTheWholeRegistryIsDrawnFromAndTheRecordSaysSo() {
        List<Organization> all = List.of(org(1, DRAW.minusDays(1), true, false, false), org(2, DRAW.minusYears(3), false, true, true));
        DrawPopulation p = DrawPopulation.of(all, List.of(), DRAW);
        assertThat(p.included()).hasSize(2);
        Map<String, Object> record = p.record();
        assertThat(record).containsEntry("population", "ALL_REGISTRANTS").containsEntry("registrants", 2).containsEntry("excludedCount", 0)
                .containsEntry("exclusions", List.of());
    }

    @Test
    void theRecordNamesEachRuleItsSourceTheCountAndTheOrganizations() {
        DrawPopulation p = DrawPopulation.of(List.of(org(1, DRAW.minusMonths(1), false, false, false), org(2, DRAW.minusYears(3), false, false, false)),
                List.of(RECENT), DRAW);
        Map<String, Object> record = p.record();
        assertThat(record).containsEntry("registrants", 2).containsEntry("excludedCount", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> group = ((List<Map<String, Object>>) record.get("exclusions")).get(0);
        assertThat(group).containsEntry("rule", "REGISTERED_WITHIN_MONTHS").containsEntry("reason", "抽取日前成立不满6个月")
                .containsEntry("source", "本地做法").containsEntry("count", 1);
        assertThat(group.get("organizations").toString()).contains("ORG-DP-1", "广水市抽样1协会");
    }

    @Test
    void anExclusionNeedsItsRuleItsFiguresAndItsSource() {
        assertThatThrownBy(() -> new PopulationExclusion(PopulationExclusion.Rule.REGISTERED_WITHIN_MONTHS, null, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PopulationExclusion(PopulationExclusion.Rule.ON_SERIOUS_LIST, null, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PopulationExclusion(null, null, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
