package be.lokaalsignaal.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CsvTest {
    @Test
    void writes_a_header_and_rows_with_crlf_line_ends() {
        String csv = Csv.write(List.of("a", "b"), List.of(Arrays.asList("x", null),
                Arrays.asList(LocalDate.of(2021, 3, 3), Instant.parse("2021-03-15T09:00:00Z"))));
        assertThat(csv).isEqualTo("a,b\r\nx,\r\n2021-03-03,2021-03-15T09:00:00Z\r\n");
    }

    @Test
    void quotes_only_fields_that_need_it_and_doubles_inner_quotes() {
        assertThat(Csv.field("plain")).isEqualTo("plain");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("zeg \"nee\"")).isEqualTo("\"zeg \"\"nee\"\"\"");
        assertThat(Csv.field("twee\nregels")).isEqualTo("\"twee\nregels\"");
        assertThat(Csv.field(" spatie")).isEqualTo("\" spatie\"");
        assertThat(Csv.field("=1+1")).isEqualTo("=1+1");
        assertThat(Csv.field(true)).isEqualTo("true");
    }

    @Test
    void the_excel_convention_starts_with_a_byte_order_mark_and_separates_with_semicolons() {
        String csv = Csv.writeExcel(List.of("naam", "aantal"), List.of(Arrays.asList("Sint-Niklaas; stad", 3),
                Arrays.asList("Borgloon", null)));
        assertThat(csv).isEqualTo("\uFEFFnaam;aantal\r\n\"Sint-Niklaas; stad\";3\r\nBorgloon;\r\n");
    }

    @Test
    void the_excel_convention_keeps_a_formula_like_cell_as_text_but_leaves_numbers_and_commas_alone() {
        String csv = Csv.writeExcel(List.of("tekst"), List.of(List.of("=HYPERLINK(\"x\")"), List.of("+32 15 29 76 00"),
                List.of(-3), List.of("a,b")));
        assertThat(csv.lines().toList()).containsExactly("\uFEFFtekst", "\"'=HYPERLINK(\"\"x\"\")\"", "'+32 15 29 76 00", "-3", "a,b");
    }
}
