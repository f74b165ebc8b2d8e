package be.lokaalsignaal.serve;

import java.util.List;

/**
 * CSV text in two conventions. RFC 4180 for programs: comma, fields quoted only when they need
 * it, written as they are. The Excel convention of Flemish (Dutch, Belgium) spreadsheets: a
 * UTF-8 byte-order mark so that Excel reads the accents, semicolons so that the columns split, and
 * a cell that would start a formula ({@code = + - @}) kept as text with a leading apostrophe.
 * Both end lines with CRLF and start with a header row.
 */
final class Csv {
    static final char BOM = '\uFEFF';

    private Csv() {}

    static String write(List<String> header, List<List<Object>> rows) {
        return write(header, rows, ',', false);
    }

    /** The Excel convention: BOM, semicolons, formula-like cells as text. */
    static String writeExcel(List<String> header, List<List<Object>> rows) {
        return BOM + write(header, rows, ';', true);
    }

    private static String write(List<String> header, List<List<Object>> rows, char separator, boolean excel) {
        StringBuilder out = new StringBuilder();
        line(out, header, separator, excel);
        for (List<Object> row : rows) {
            line(out, row, separator, excel);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> fields, char separator, boolean excel) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(field(fields.get(i), separator, excel));
        }
        out.append("\r\n");
    }

    static String field(Object value) {
        return field(value, ',', false);
    }

    private static String field(Object value, char separator, boolean excel) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (excel && !(value instanceof Number) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(separator) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || (!text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' '));
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
