package cn.minzheng.audit.export;

import cn.minzheng.audit.search.RecordView;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;

/**
 * The XLSX export written as the rows come (issue 14 item 8: "XLSX streamed, not built in memory").
 * POI's {@link DeferredSXSSFWorkbook} (an {@code SXSSFWorkbook}) generates the sheet's rows while it
 * writes the zip to {@code out}, keeping at most {@link #ROW_WINDOW} rows in memory and no
 * temporary file; the rows are pulled from the store's iterator one window at a time. Blocking:
 * run it on a blocking-capable thread.
 */
final class XlsxRows {

    static final int ROW_WINDOW = 100;
    static final String SHEET = "审计记录";

    private XlsxRows() {
    }

    static void write(Iterator<RecordView> rows, OutputStream out) {
        try (DeferredSXSSFWorkbook book = new DeferredSXSSFWorkbook(ROW_WINDOW)) {
            DeferredSXSSFSheet sheet = book.createSheet(SHEET);
            sheet.setRowGenerator(s -> {
                cells(s.createRow(0), RecordView.HEADERS);
                int n = 1;
                while (rows.hasNext()) {
                    cells(s.createRow(n++), rows.next().cells());
                }
            });
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cells(Row row, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            row.createCell(i).setCellValue(cells[i] == null ? "" : cells[i]);
        }
    }
}
