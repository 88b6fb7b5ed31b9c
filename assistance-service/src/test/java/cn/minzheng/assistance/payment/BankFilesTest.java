package cn.minzheng.assistance.payment;

import cn.minzheng.assistance.payment.BankFiles.BankFile;
import cn.minzheng.assistance.payment.BankFiles.Format;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The bank file: Chinese headers, one row per line, the totals row, a checksum of exactly the body sent. */
class BankFilesTest {
    static final BatchActor CLERK = new BatchActor("clerk-1", "王经办", Set.of("CLERK"));

    static PaymentBatch batch(String name) {
        return PaymentBatch.create("421303", YearMonth.of(2026, 11), List.of(
                new PaymentLine("C1", "DIBAO_URBAN", "421303001", name, "11010519491231002X", 3,
                        YearMonth.of(2026, 11), LineKind.REGULAR, 104000),
                new PaymentLine("C2", "TEKUN", "421303002", "李四", "11010519491231002X", 1,
                        YearMonth.of(2026, 10), LineKind.DEDUCTION, -5001)), CLERK, Instant.EPOCH).next();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    void checksumIsTheSha256OfTheBody(Format format) throws Exception {
        BankFile f = BankFiles.of(batch("张三"), format);
        assertThat(f.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(f.body())));
        assertThat(f.fileName()).isEqualTo("payment-421303-2026-11." + format.extension());
    }

    /** Names that would break a row or run as a formula in an office tool stay one text cell. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "张三|张三",
            "张,三|\"张,三\"",
            "张\"三|\"张\"\"三\"",
            "=HYPERLINK(\"x\")|\"'=HYPERLINK(\"\"x\"\")\"",
            "+1|'+1",
            "@SUM(A1)|'@SUM(A1)"})
    void csvCellsAreQuotedAndFormulasDisarmed(String name, String cell) {
        String csv = new String(BankFiles.of(batch(name), Format.CSV).body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF序号,案件编号,乡镇（街道）代码,姓名,身份证号码,救助项目,家庭人数,所属月份,发放类型,金额（元）\r\n");
        assertThat(csv).contains("\r\n1,C1,421303001," + cell + ",11010519491231002X,DIBAO_URBAN,3,2026-11,发放,1040.00\r\n");
        assertThat(csv).contains("\r\n2,C2,421303002,李四,11010519491231002X,TEKUN,1,2026-10,扣减,-50.01\r\n");
        assertThat(csv).endsWith("\r\n合计,2笔,,,,,,2026-11,,989.99\r\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"张三", "=1+1"})
    void xlsxHasTheSameRows(String name) throws Exception {
        PaymentBatch b = batch(name);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(BankFiles.of(b, Format.XLSX).body()))) {
            Sheet sheet = book.getSheet("发放名单");
            List<List<String>> rows = BankFiles.rows(b);
            assertThat(sheet.getLastRowNum()).isEqualTo(rows.size() - 1);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    assertThat(sheet.getRow(r).getCell(c).getStringCellValue()).as(r + "," + c)
                            .isEqualTo(rows.get(r).get(c));
                }
            }
        }
    }
}
