package cn.minzheng.org.spotcheck;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** 回避 from the configured roster: which entries make an inspector withdraw from which organization. */
class InspectorRosterTest {
    private static final InspectorRoster.Candidate ORG_1 = new InspectorRoster.Candidate("ORG-1", "51421303MJ0000012X",
            Set.of("420102199001011234", "42010219900101123X"));
    private static final InspectorRoster.Candidate ORG_2 = new InspectorRoster.Candidate("ORG-2", "51421303MJ0000020R",
            Set.of("420102199202021111"));

    @ParameterizedTest(name = "回避 entry [{0}] -> withdraws from {1}")
    @CsvSource(delimiter = '|', textBlock = """
            51421303MJ0000012X     | ORG-1
            51421303mj0000012x     | ORG-1
            '  51421303MJ0000012X ' | ORG-1
            ORG-1                  | ORG-1
            420102199001011234     | ORG-1
            42010219900101123x     | ORG-1
            51421303MJ0000020R     | ORG-2
            420102199202021111     | ORG-2
            51421303MJ0000039A     | ''
            420102199001019999     | ''
            ''                     | ''
            """)
    void anEntryMatchesTheOrganizationByCreditCodeIdOrAPersonsIdNumber(String entry, String expected) {
        InspectorRoster roster = new InspectorRoster(Map.of("421303", List.of(new Inspector("I-1", Set.of(entry)),
                new Inspector("I-2", Set.of()))));
        List<Inspector> pool = roster.poolFor("421303", List.of(ORG_1, ORG_2));
        assertThat(pool).extracting(Inspector::id).containsExactly("I-1", "I-2");
        assertThat(pool.get(0).conflictsWith()).isEqualTo(expected.isEmpty() ? Set.of() : Set.of(expected));
        assertThat(pool.get(1).conflictsWith()).isEmpty();
    }

    @Test
    void thePoolComesOnlyFromTheAuthoritysRosterAndNamesOnlyOrganizationsOfThePopulation() {
        InspectorRoster roster = new InspectorRoster(Map.of("421303", List.of(new Inspector("I-1",
                Set.of("51421303MJ0000012X", "91110000600037341L", "420102199202021111")))));
        assertThat(roster.poolFor("421381", List.of(ORG_1))).isEmpty();
        assertThat(roster.poolFor("421303", List.of(ORG_1)).get(0).conflictsWith()).containsExactly("ORG-1");
        assertThat(roster.poolFor("421303", List.of(ORG_1, ORG_2)).get(0).conflictsWith()).containsExactlyInAnyOrder("ORG-1", "ORG-2");
        assertThat(new InspectorRoster(null).inspectorsOf("421303")).isEmpty();
    }
}
