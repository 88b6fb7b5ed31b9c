package cn.minzheng.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvRowsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "材料齐全|\"材料齐全\"",
        "say \"hi\"|\"say \"\"hi\"\"\"",
        "=HYPERLINK(\"x\")|\"'=HYPERLINK(\"\"x\"\")\"",
        "+1|\"'+1\"",
        "-2|\"'-2\"",
        "@SUM|\"'@SUM\"",
        "a,b|\"a,b\""
    })
    void quotesAndDefusesFormulas(String raw, String cell) {
        assertThat(CsvRows.cell(raw)).isEqualTo(cell);
    }

    @ParameterizedTest(name = "row")
    @CsvSource(delimiter = '|', value = {"x|y"})
    void rowsEndWithCrLfAndNullIsEmpty(String a, String b) {
        assertThat(CsvRows.row(new String[] {a, null, b})).isEqualTo("\"x\",,\"y\"\r\n");
    }
}
