package cn.minzheng.org.enforcement;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** #18 item 2: what a published 处罚决定 shows — penalties in words, facts in brief with personal data masked. */
class PublishedDecisionTest {
    private static final LocalDate DECIDED = LocalDate.of(2026, 3, 2);

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(textBlock = """
            FINE,         1000000, 0, 罚款10000.00元
            CONFISCATION, 25050,   0, 没收违法所得250.50元
            SUSPENSION,   0,       3, 限期停止活动3个月
            WARNING,      0,       0, 警告
            REVOCATION,   0,       0, 撤销登记
            """)
    void eachPenaltyInWords(PenaltyKind kind, long fen, int months, String text) {
        assertThat(PublishedDecision.text(new Penalty(kind, fen, months))).isEqualTo(text);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            超出业务范围举办培训                                 | 超出业务范围举办培训
            负责人身份证420102199001011236，手机13812345678     | 负责人身份证420102********1236，手机138****5678
            """)
    void personalDataInTheFactsIsMasked(String facts, String shown) {
        PublishedDecision d = PublishedDecision.of(decided(facts), "某协会", "51421122MJ0000001X", "[SG]§30(二)", DECIDED.plusDays(9));
        assertThat(d.facts()).isEqualTo(shown);
        assertThat(d.decisionReference()).isEqualTo("红民罚〔2026〕2号");
        assertThat(d.penalties()).containsExactly("罚款10000.00元");
        assertThat(d.decidedOn()).isEqualTo(DECIDED);
        assertThat(d.status()).isEqualTo("IN_FORCE");
    }

    @ParameterizedTest(name = "{0} characters")
    @CsvSource({"200, 200", "201, 201", "500, 201"})
    void longFactsAreCutToABrief(int length, int shownLength) {
        PublishedDecision d = PublishedDecision.of(decided("违".repeat(length)), "某协会", null, null, DECIDED);
        assertThat(d.facts()).hasSize(shownLength);
        assertThat(d.facts().endsWith("…")).isEqualTo(length > PublishedDecision.BRIEF);
    }

    private static EnforcementCase decided(String facts) {
        return new EnforcementCase("EC-1", "ORG-1", "421122", "BEYOND_SCOPE", facts, CaseStatus.DECIDED, DECIDED.minusDays(30),
                DECIDED.plusDays(60), List.of(), Severity.GENERAL, List.of(Penalty.fine(1_000_000)), "理由", DECIDED.minusDays(20),
                DECIDED.minusDays(13), false, List.of(), null, null, null, null, null, null, null,
                new EnforcementCase.Decision("红民罚〔2026〕2号", List.of(Penalty.fine(1_000_000)), "理由", false, DECIDED),
                null, null, null, null, 1);
    }
}
