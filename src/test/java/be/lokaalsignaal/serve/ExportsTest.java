package be.lokaalsignaal.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The downloads the team hands over: CSV for Flemish Excel, .xlsx of every table, and the report as of a date. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExportsTest {
    static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(12, 0).atZone(ZoneId.of("Europe/Brussels")).toInstant(),
            ZoneId.of("Europe/Brussels"));
    static final List<String> TABLES = List.of("/api/municipalities", "/api/municipalities?asOf=2022-12-31&signal=SITE_LINK",
            "/api/municipalities/12025", "/api/summary", "/api/calls", "/api/practices", "/api/scans/latest", "/api/timeline");

    static HttpApi api;
    static ApiClient client;

    @BeforeAll
    static void start() {
        ApiClient.quietLogs();
        api = HttpApi.start("127.0.0.1", 0, () -> true, new SampleUptakeSource(TODAY), CLOCK);
        client = new ApiClient(api.port());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static String with(String path, String format) {
        return path + (path.contains("?") ? "&" : "?") + "format=" + format;
    }

    static XSSFWorkbook workbook(String path) throws IOException {
        HttpResponse<byte[]> response = client.bytes(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(path)
                .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).as(path)
                .matches("attachment; filename=\"[a-z0-9-]+\\.xlsx\"");
        return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
    }

    /** The sheet as text, cell by cell, the way a reader sees it. */
    static List<List<String>> cells(Sheet sheet) {
        DataFormatter format = new DataFormatter();
        List<List<String>> out = new ArrayList<>();
        for (Row row : sheet) {
            List<String> line = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                line.add(cell == null ? "" : format.formatCellValue(cell));
            }
            out.add(line);
        }
        return out;
    }

    static double number(Sheet sheet, int row, String column) {
        int c = cells(sheet).get(0).indexOf(column);
        Cell cell = sheet.getRow(row).getCell(c);
        assertThat(cell.getCellType()).as(column).isEqualTo(CellType.NUMERIC);
        return cell.getNumericCellValue();
    }

    @Nested
    class CsvForExcel {
        @ParameterizedTest
        @ValueSource(strings = {"/api/municipalities", "/api/summary", "/api/calls", "/api/practices", "/api/scans/latest", "/api/timeline"})
        void starts_with_a_byte_order_mark_and_separates_with_semicolons(String path) {
            HttpResponse<byte[]> response = client.bytes(with(path, "csv-excel"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
            byte[] body = response.body();
            assertThat(new byte[] {body[0], body[1], body[2]}).containsExactly(0xEF, 0xBB, 0xBF);
            String text = new String(body, StandardCharsets.UTF_8).substring(1);
            String rfc = client.get(with(path, "csv")).body();
            String header = text.substring(0, text.indexOf("\r\n"));
            assertThat(header).isEqualTo(rfc.substring(0, rfc.indexOf("\r\n")).replace(',', ';'));
            assertThat(text.split("\r\n")).hasSameSizeAs(rfc.split("\r\n"));
        }

        @Test
        void keeps_accents_and_the_same_rows_as_the_plain_csv() {
            String text = new String(client.bytes("/api/practices?kind=NIGHTLIFE&format=csv-excel").body(), StandardCharsets.UTF_8);
            assertThat(text).contains("\"Ask for Angela in Gentse cafés, \"\"safe party\"\"-label\"");
            String summary = new String(client.bytes("/api/summary?format=csv-excel").body(), StandardCharsets.UTF_8);
            JsonNode json = client.json("/api/summary");
            assertThat(summary.split("\r\n")[1]).startsWith("2025-06-30;flanders;Vlaanderen;285;"
                    + json.path("flanders").path("scanned").asInt() + ";" + json.path("flanders").path("notScanned").asInt() + ";");
        }
    }

    @Nested
    class Xlsx {
        @Test
        void is_offered_for_every_table_with_the_rows_and_header_of_the_csv() throws IOException {
            for (String path : TABLES) {
                String[] csv = client.get(with(path, "csv")).body().split("\r\n");
                try (XSSFWorkbook book = workbook(with(path, "xlsx"))) {
                    Sheet sheet = book.getSheetAt(0);
                    List<List<String>> cells = cells(sheet);
                    assertThat(String.join(",", cells.get(0))).as(path).isEqualTo(csv[0]);
                    assertThat(cells).as(path).hasSize(csv.length);
                }
            }
        }

        @Test
        void holds_the_numbers_of_the_summary_json_as_numbers() throws IOException {
            JsonNode json = client.json("/api/summary?asOf=2022-12-31");
            try (XSSFWorkbook book = workbook("/api/summary?asOf=2022-12-31&format=xlsx")) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getSheetName()).isEqualTo("Kerncijfers");
                JsonNode flanders = json.path("flanders");
                assertThat(number(sheet, 1, "municipalities")).isEqualTo(flanders.path("municipalities").asDouble());
                assertThat(number(sheet, 1, "scanned")).isEqualTo(flanders.path("scanned").asDouble());
                assertThat(number(sheet, 1, "notScanned")).isEqualTo(flanders.path("notScanned").asDouble());
                for (String kind : List.of("SITE_LINK", "SITE_MENTION", "CAMPAIGN", "SAFETY_PLAN", "NIGHTLIFE", "NEWSLETTER_FEATURE", "LEARNING_NETWORK")) {
                    assertThat(number(sheet, 1, kind)).as(kind).isEqualTo(flanders.path("counts").path(kind).asDouble());
                    assertThat(number(sheet, 3, kind)).as("Limburg " + kind)
                            .isEqualTo(json.path("provinces").path("Limburg").path("counts").path(kind).asDouble());
                }
                assertThat(cells(sheet).get(3).get(2)).isEqualTo("Limburg");
                assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(cells(sheet).get(1).get(0)).isEqualTo("2022-12-31");
            }
        }

        @Test
        void keeps_a_snippet_that_looks_like_a_formula_as_text() throws IOException {
            try (XSSFWorkbook book = workbook("/api/practices?format=xlsx")) {
                Sheet sheet = book.getSheetAt(0);
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
    }

    @Nested
    class Report {
        @Test
        void is_a_workbook_as_of_the_date_with_key_figures_calls_municipalities_and_evidence() throws IOException {
            JsonNode summary = client.json("/api/summary?asOf=2024-12-31");
            List<JsonNode> list = new ArrayList<>();
            client.json("/api/municipalities?asOf=2024-12-31").forEach(list::add);
            try (XSSFWorkbook book = workbook("/api/report?asOf=2024-12-31")) {
                assertThat(book.getSheetName(0)).isEqualTo("Toelichting");
                assertThat(cells(book.getSheet("Toelichting"))).anySatisfy(r -> assertThat(r).containsExactly("Stand op", "2024-12-31"));

                Sheet figures = book.getSheet("Kerncijfers");
                List<List<String>> rows = cells(figures);
                assertThat(rows.get(1).get(0)).isEqualTo("Vlaanderen");
                assertThat(rows).extracting(r -> r.get(0)).containsExactly("Gebied", "Vlaanderen", "Antwerpen", "Limburg",
                        "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen", "Centrumsteden");
                assertThat(number(figures, 1, "Gemeenten")).isEqualTo(300);
                assertThat(number(figures, 1, "Gescand")).isEqualTo(summary.path("flanders").path("scanned").asDouble());
                assertThat(number(figures, 1, "Niet gescand")).isEqualTo(summary.path("flanders").path("notScanned").asDouble());
                assertThat(number(figures, 1, "Link naar www.seksueelgeweld.be (van de gescande)"))
                        .isEqualTo(summary.path("flanders").path("counts").path("SITE_LINK").asDouble());
                assertThat(number(figures, 7, "Voorgesteld in het lerend netwerk (van alle)"))
                        .isEqualTo(summary.path("centreCities").path("counts").path("LEARNING_NETWORK").asDouble());

                Sheet calls = book.getSheet("Oproepen");
                JsonNode call = client.json("/api/calls").get(0);
                assertThat(number(calls, 1, "0-30 dagen")).isEqualTo(call.path("within30Days").asDouble());

                Sheet municipalities = book.getSheet("Gemeenten");
                List<List<String>> mRows = cells(municipalities);
                assertThat(mRows).hasSize(list.size() + 1);
                List<String> mechelen = mRows.stream().filter(r -> r.get(0).equals("12025")).findFirst().orElseThrow();
                int link = mRows.get(0).indexOf("Link naar www.seksueelgeweld.be");
                assertThat(mechelen.get(link)).isEqualTo("ja");
                assertThat(mechelen.get(link + 2)).isEqualTo("https://www.mechelen.be/seksueel-geweld");

                Sheet evidence = book.getSheet("Bewijs");
                assertThat(cells(evidence)).anySatisfy(r -> assertThat(String.join("|", r))
                        .contains("12025|Mechelen|Goede praktijk in de nieuwsbrief")
                        .contains("(reconstructed from the parliamentary answers)"));
                List<List<String>> eRows = cells(evidence);
                assertThat(eRows.get(0)).endsWith("Herkomst", "Regel", "Actor", "Gevonden woorden");
                assertThat(eRows).anySatisfy(r -> assertThat(String.join("|", r))
                        .startsWith("12025|Mechelen|Lokale campagne|")
                        .endsWith("|campaign-local|de gemeente zelf|campagne: 'Campagne' [*campagne]; "
                                + "thema: 'seksuele intimidatie'; actor: 'de stad Mechelen' [@gemeente]; "
                                + "reader: 'campagne, affiches, {gemeente}' [score 0.91, threshold 0.50]"));
            }
        }

        @Test
        void warns_when_no_website_was_scanned_on_the_date() throws IOException {
            try (XSSFWorkbook book = workbook("/api/report?asOf=2020-06-30")) {
                assertThat(cells(book.getSheet("Toelichting"))).anySatisfy(r -> assertThat(r.get(0)).isEqualTo("WAARSCHUWING"));
            }
        }

        @Test
        void takes_only_a_date() {
            assertThat(client.get("/api/report?format=csv").statusCode()).isEqualTo(400);
            assertThat(client.get("/api/report?asOf=2030-01-01").statusCode()).isEqualTo(400);
        }
    }
}
