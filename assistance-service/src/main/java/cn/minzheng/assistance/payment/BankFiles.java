package cn.minzheng.assistance.payment;

import cn.minzheng.platform.codes.money.Fen;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * 银行代发文件: the batch's lines for the bank, in CSV (UTF-8 with BOM, so office tools read the
 * Chinese) or XLSX, with Chinese headers and a totals row, and the SHA-256 of the file. Amounts are
 * two-decimal yuan text, exact in fen. Built in memory (a county's month is thousands of lines):
 * blocking, call it on a blocking-capable thread.
 */
public final class BankFiles {
    public static final List<String> HEADERS = List.of("序号", "案件编号", "乡镇（街道）代码", "姓名", "身份证号码",
            "救助项目", "家庭人数", "所属月份", "发放类型", "金额（元）");
    static final String SHEET = "发放名单";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The file formats a batch is exported in. */
    public enum Format {
        CSV("text/csv;charset=UTF-8"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }

        /** {@code csv} or {@code xlsx}. */
        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A file and its SHA-256 (hex, lower case). */
    public record BankFile(Format format, byte[] body, String sha256, String fileName) {
    }

    private BankFiles() {
    }

    public static BankFile of(PaymentBatch batch, Format format) {
        List<List<String>> rows = rows(batch);
        byte[] body = format == Format.CSV ? csv(rows) : xlsx(rows);
        return new BankFile(format, body, sha256(body),
                "payment-" + batch.id() + "." + format.extension());
    }

    /** Header, one row per line, the totals row. */
    static List<List<String>> rows(PaymentBatch batch) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        int n = 1;
        for (PaymentLine l : batch.lines()) {
            rows.add(List.of(String.valueOf(n++), l.caseNumber(), l.town(), text(l.recipientName()), text(l.idNumber()),
                    l.program(), String.valueOf(l.householdSize()), l.forMonth().toString(), l.kind().chinese(),
                    Fen.of(l.amountFen()).yuan()));
        }
        Totals t = batch.totals();
        rows.add(List.of("合计", t.lineCount() + "笔", "", "", "", "", "", batch.month().toString(), "",
                Fen.of(t.totalFen()).yuan()));
        return rows;
    }

    /** A text cell an office tool would take for a formula starts with an apostrophe (CSV injection). */
    private static String text(String s) {
        if (s == null) {
            return "";
        }
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    static byte[] csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(quoted(row.get(i)));
            }
            out.append("\r\n");
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, body, 0, BOM.length);
        System.arraycopy(text, 0, body, BOM.length, text.length);
        return body;
    }

    private static String quoted(String cell) {
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    static byte[] xlsx(List<List<String>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(SHEET);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
