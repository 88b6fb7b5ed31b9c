package cn.minzheng.org.naming;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** [SG]§13 "same or similar organization in the same area", read from the name structure. */
class NameSimilarityTest {
    private static final NameSimilarity RULE = NameSimilarity.defaults();
    private static final Set<String> GROUP_FORMS = Set.of("协会", "学会", "研究会");
    private static final Set<String> PNE_FORMS = Set.of("中心", "服务中心");
    private static final LocalDate ON = LocalDate.of(2026, 5, 1);

    /** (in use: field, form, 字号, authority, state) × (applying: field, form, 字号) → similar? */
    @ParameterizedTest(name = "{0}{2}{1} ({3}, {4}) vs {5}{7}{6} → {8}")
    @CsvSource(nullValues = "-", textBlock = """
            天文,     协会,   '',   421303, IN_USE,                天文,     学会,   '',   true
            天文,     协会,   '',   421303, IN_USE,                天文,     协会,   '',   false
            天文,     协会,   '',   421304, IN_USE,                天文,     学会,   '',   false
            天文,     协会,   '',   421303, RELEASED_BY_RENAME,    天文,     学会,   '',   false
            天文科普, 协会,   '',   421303, IN_USE,                天文科学, 协会,   '',   true
            天文科普, 协会,   '',   421303, IN_USE,                天文科学, 学会,   '',   false
            天文科普, 协会,   '',   421303, IN_USE,                地理科学, 协会,   '',   false
            天文,     协会,   '',   421303, IN_USE,                地文,     协会,   '',   false
            天文,     中心,   '',   421303, IN_USE,                天文,     学会,   '',   false
            养老服务, 中心,   安康, 421303, IN_USE,                养老服务, 服务中心, 安康, true
            养老服务, 中心,   安康, 421303, IN_USE,                养老服务, 中心,   安乐, false
            养老服务, 中心,   安康家, 421303, IN_USE,              养老服务, 中心,   安乐家, true
            养老服务, 中心,   安康, 421303, IN_USE,                助残服务, 中心,   安康, false
            """)
    void table(String field, String form, String trade, String authority, NameRecord.NameState state, String aField, String aForm,
               String aTrade, boolean similar) {
        boolean group = trade.isEmpty();
        NameRecord existing = new NameRecord(new NameClaim(authority, field, form, trade), "某名称", "ORG-A", state,
                state == NameRecord.NameState.IN_USE ? null : ON.minusMonths(1));
        NameClaim applying = new NameClaim("421303", aField, aForm, aTrade);
        assertThat(RULE.similarTo(applying, group ? GROUP_FORMS : PNE_FORMS, List.of(existing), null, ON).isPresent()).isEqualTo(similar);
    }

    @Test
    void itsOwnNameNeverCountsAndEditsCanBeTurnedOff() {
        NameRecord own = new NameRecord(new NameClaim("421303", "天文", "协会", ""), "随州市曾都区天文协会", "ORG-A",
                NameRecord.NameState.IN_USE, null);
        NameClaim claim = new NameClaim("421303", "天文", "学会", "");
        assertThat(RULE.similarTo(claim, GROUP_FORMS, List.of(own), "ORG-A", ON)).isEmpty();
        assertThat(RULE.similarTo(claim, GROUP_FORMS, List.of(own), "ORG-B", ON)).contains(own);
        NameSimilarity strict = new NameSimilarity(false, 0, 3, "本地");
        assertThat(strict.similarTo(claim, GROUP_FORMS, List.of(own), null, ON)).isEmpty();
        assertThat(strict.similar(new NameClaim("1", "天文科普", "协会", ""), new NameClaim("1", "天文科学", "协会", ""))).isFalse();
    }

    @Test
    void theProblemNamesTheGroundTheOrganizationAndTheNextStep() {
        NameRecord r = new NameRecord(new NameClaim("421303", "天文", "协会", ""), "随州市曾都区天文协会", "ORG-A", NameRecord.NameState.IN_USE, null);
        var p = RULE.problem(r, "/name");
        assertThat(p.code()).isEqualTo("SIMILAR_ORGANIZATION_REGISTERED");
        assertThat(p.message()).contains("随州市曾都区天文协会", "第十三条", "请调整");
        assertThat(NameSimilarity.edits("天文科普", "天文科学")).isEqualTo(1);
        assertThat(NameSimilarity.edits("天文", "天文科普")).isEqualTo(2);
    }
}
