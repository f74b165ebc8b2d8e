package be.lokaalsignaal.serve;

import java.util.List;

/**
 * One table of an answer, as every download format writes it: CSV (RFC 4180 or the Excel
 * convention) and .xlsx. Cells hold what the JSON holds (strings, numbers, booleans, dates,
 * instants); null is an empty cell.
 *
 * @param sheet name of the sheet in a workbook (at most 31 characters)
 * @param header column names, as in the CSV
 * @param rows one list of cells per row, as long as the header
 */
record Table(String sheet, List<String> header, List<List<Object>> rows) {
    Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }
}
