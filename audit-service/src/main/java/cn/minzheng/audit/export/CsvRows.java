package cn.minzheng.audit.export;

/**
 * RFC 4180 CSV for office tools: every cell quoted, quotes doubled, and a cell that a spreadsheet
 * would run as a formula (= + - @ tab CR) neutralised with a leading apostrophe.
 */
public final class CsvRows {

    /** UTF-8 byte-order mark, so Excel opens Chinese headers correctly. */
    public static final String BOM = "\uFEFF";

    private CsvRows() {
    }

    public static String row(String[] cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        return out.append("\r\n").toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
