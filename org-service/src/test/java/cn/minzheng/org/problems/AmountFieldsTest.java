package cn.minzheng.org.problems;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * org-service reads every typed amount (funds, annual-report finances, penalty amounts) by the
 * platform's one rule. Before it, "-500.00" and 13-digit yuan passed funds and finances.
 */
class AmountFieldsTest {

    @ParameterizedTest
    @CsvSource({"30000, 3000000", "30000.5, 3000050", "30000.50, 3000050", "0, 0", "0.01, 1",
            "999999999999.99, 99999999999999"})
    void theAcceptedFormsAreFens(String yuan, long fen) {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(AmountFields.fen(yuan, "/funds", problems)).isEqualTo(fen);
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-500.00          | 金额不能为负数，请填写 0 或以上的金额（元）",
            "-1               | 金额不能为负数，请填写 0 或以上的金额（元）",
            "1000000000000.00 | 金额整数部分最多 12 位，请核对金额是否多输了数字",
            "12.345           | 金额最多保留两位小数（精确到分），请按分取整后重新填写",
            "30,000.00        | 金额只能由数字和一个小数点组成，例如 680 或 680.50；请去掉正负号、空格和千位分隔符",
            "+5               | 金额只能由数字和一个小数点组成，例如 680 或 680.50；请去掉正负号、空格和千位分隔符",
            "1e5              | 金额只能由数字和一个小数点组成，例如 680 或 680.50；请去掉正负号、空格和千位分隔符",
    })
    void anythingElseIsTheFieldsProblemInFensWords(String yuan, String message) {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(AmountFields.fen(yuan, "/penalties/0/amount", problems)).isZero();
        assertThat(problems).containsExactly(new FieldProblem("/penalties/0/amount", "INVALID_AMOUNT", message));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" 30000", "３００００"})
    void missingOrMistypedIsRefusedToo(String yuan) {
        List<FieldProblem> problems = new ArrayList<>();
        AmountFields.fen(yuan, "/finances/netAssets", problems);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/finances/netAssets");
            assertThat(p.code()).isEqualTo("INVALID_AMOUNT");
            assertThat(p.message()).contains("金额").doesNotContain("amount");
        });
    }

    @ParameterizedTest
    @CsvSource({"-1200.50, -120050", "0, 0", "50.00, 5000"})
    void netAssetsMayBeADeficit(String yuan, long fen) {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(AmountFields.signedFen(yuan, "/finances/netAssets", problems)).isEqualTo(fen);
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--5", "-", "-1,200", "-0.001"})
    void aDeficitFollowsTheSameRule(String yuan) {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(AmountFields.signedFen(yuan, "/finances/netAssets", problems)).isZero();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("INVALID_AMOUNT"));
    }
}
