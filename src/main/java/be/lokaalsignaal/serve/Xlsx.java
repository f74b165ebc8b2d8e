package be.lokaalsignaal.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Tables as an Excel workbook (.xlsx, Apache POI), one sheet per table: a bold header row that
 * stays in view, a filter on every column, numbers and booleans as such, dates as dates
 * (yyyy-mm-dd). Instants stay ISO-8601 text in UTC, exactly as in the JSON, so that no spreadsheet
 * shifts them into another time zone. Strings are stored as text: nothing in a cell is evaluated.
 * Written with POI's streaming workbook, which keeps a window of rows in memory and writes strings
 * inline: several times faster than the full object model for tables of a few thousand cells.
 */
final class Xlsx {
    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The most characters Excel keeps in one cell. */
    private static final int CELL_LIMIT = 32_767;
    private static final int MAX_WIDTH = 60;
    /** Rows kept in memory per sheet while writing; the rest go to a temporary file. */
    private static final int ROW_WINDOW = 200;

    private Xlsx() {}

    static byte[] write(List<Table> tables) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (Table table : tables) {
                Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.sheet()));
                int[] widths = new int[table.header().size()];
                Row header = sheet.createRow(0);
                for (int c = 0; c < table.header().size(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(table.header().get(c));
                    cell.setCellStyle(headerStyle);
                    widths[c] = table.header().get(c).length();
                }
                int r = 1;
                for (List<Object> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        int length = set(row.createCell(c), values.get(c), dateStyle);
                        if (c < widths.length) {
                            widths[c] = Math.max(widths[c], length);
                        }
                    }
                }
                for (int c = 0; c < widths.length; c++) {
                    sheet.setColumnWidth(c, (Math.min(MAX_WIDTH, widths[c]) + 2) * 256);
                }
                sheet.createFreezePane(0, 1);
                if (!table.header().isEmpty()) {
                    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, table.header().size() - 1));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook", e);
        } finally {
            try {
                workbook.close();
            } catch (IOException e) {
                // the temporary files of the rows are deleted by close; nothing to lose
            }
        }
    }

    /** Sets the cell from a JSON-like value; returns its width in characters. */
    private static int set(Cell cell, Object value, CellStyle dateStyle) {
        if (value == null) {
            cell.setBlank();
            return 0;
        }
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
            return n.toString().length();
        }
        if (value instanceof Boolean b) {
            cell.setCellValue(b);
            return 5;
        }
        if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(dateStyle);
            return 10;
        }
        String text = value instanceof Instant i ? i.toString() : value.toString();
        if (text.length() > CELL_LIMIT) {
            text = text.substring(0, CELL_LIMIT - 1) + "…";
        }
        cell.setCellValue(text);
        return text.length();
    }
}
