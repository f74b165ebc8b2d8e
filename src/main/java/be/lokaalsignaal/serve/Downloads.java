package be.lokaalsignaal.serve;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Sends a table as a file: CSV in either convention, or an .xlsx workbook. */
final class Downloads {
    private Downloads() {}

    /**
     * @param baseName file name without extension, e.g. {@code municipalities-2022-12-31}
     */
    static void send(Context ctx, String baseName, Table table, Query.Format format) {
        switch (format) {
            case CSV -> file(ctx, baseName + ".csv", "text/csv; charset=utf-8",
                    Csv.write(table.header(), table.rows()).getBytes(StandardCharsets.UTF_8));
            case CSV_EXCEL -> file(ctx, baseName + ".csv", "text/csv; charset=utf-8",
                    Csv.writeExcel(table.header(), table.rows()).getBytes(StandardCharsets.UTF_8));
            case XLSX -> workbook(ctx, baseName, List.of(table));
            default -> throw new IllegalArgumentException("not a file format: " + format);
        }
    }

    static void workbook(Context ctx, String baseName, List<Table> sheets) {
        file(ctx, baseName + ".xlsx", Xlsx.CONTENT_TYPE, Xlsx.write(sheets));
    }

    private static void file(Context ctx, String filename, String contentType, byte[] body) {
        ctx.contentType(contentType);
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        ctx.result(body);
    }
}
