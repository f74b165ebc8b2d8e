package be.lokaalsignaal.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.avro.WebsiteScan;
import be.lokaalsignaal.cli.Main;
import be.lokaalsignaal.scan.rules.SignalCatalogue;
import be.lokaalsignaal.topics.SignalKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** WarcScanner and the scan-warc command over a small WARC written here with jwarc. */
class WarcScannerTest {

    private static final String NIS = "11001";
    private static final Instant CAPTURED = Instant.parse("2022-05-10T08:30:00Z");

    @TempDir
    Path dir;
    private Path warc;

    /** Pages in the order the WARC holds them. */
    private final List<WebsitePage> pages = new ArrayList<>();
    private final ScanListener listener = new ScanListener() {
        @Override
        public void page(WebsitePage page) {
            pages.add(page);
        }

        @Override
        public void scan(WebsiteScan scan) {
            throw new AssertionError("a WARC scan emits no lifecycle records, got " + scan);
        }
    };

    @BeforeEach
    void writeWarc() throws IOException {
        warc = dir.resolve("gemeenten.warc");
        try (WarcWriter writer = new WarcWriter(warc)) {
            // a request record: not a response, not counted
            writer.write(new WarcRequest.Builder("https://www.gemeente-a.be/welzijn").date(CAPTURED)
                    .body(new HttpRequest.Builder("GET", "/welzijn").setHeader("Host", "www.gemeente-a.be").build())
                    .build());
            writer.write(response("https://www.gemeente-a.be/welzijn", 200, html("Welzijn",
                    "<p>Slachtoffer van seksueel geweld? <a href='https://www.seksueelgeweld.be/'>Hier vind je hulp</a>.</p>")));
            writer.write(response("https://gemeente-a.be/hulp", 200, html("Hulp",
                    "<p>Hulp nodig? Surf naar www.seksueelgeweld.be of bel 1712.</p>")));
            writer.write(response("https://www.elders.example/", 200, html("Elders",
                    "<a href='https://www.seksueelgeweld.be/'>Hulp</a>")));
            writer.write(response("https://www.gemeente-a.be/weg", 404, html("Niet gevonden",
                    "<p>Deze pagina bestaat niet meer. www.seksueelgeweld.be</p>")));
        }
    }

    private static WarcResponse response(String url, int status, String body) throws IOException {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
                .body(MediaType.parse("text/html;charset=utf-8"), body.getBytes(StandardCharsets.UTF_8))
                .build();
        return new WarcResponse.Builder(url).date(CAPTURED).body(http).build();
    }

    private static String html(String title, String body) {
        return "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>" + title + "</title></head>"
                + "<body><main><h1>" + title + "</h1>" + body + "</main></body></html>";
    }

    private static Optional<String> municipalHost(String host) {
        return Set.of("www.gemeente-a.be", "gemeente-a.be").contains(host) ? Optional.of(NIS) : Optional.empty();
    }

    private static Set<SignalKind> kinds(WebsitePage page) {
        Set<SignalKind> kinds = EnumSet.noneOf(SignalKind.class);
        for (RuleMatch m : page.getMatches()) {
            kinds.add(SignalKind.parse(m.getKind()));
        }
        return kinds;
    }

    @Test
    void municipalResponsesBecomePagesWithTheirKinds() throws IOException {
        WarcScanner.Summary summary = new WarcScanner(SignalCatalogue.bundled(), WarcScannerTest::municipalHost)
                .scan(warc, "warc-test", listener);

        assertThat(pages).extracting(WebsitePage::getUrl)
                .containsExactly("https://www.gemeente-a.be/welzijn", "https://gemeente-a.be/hulp");
        Map<String, Set<SignalKind>> byUrl = pages.stream()
                .collect(Collectors.toMap(WebsitePage::getUrl, WarcScannerTest::kinds));
        assertThat(byUrl).containsEntry("https://www.gemeente-a.be/welzijn", EnumSet.of(SignalKind.SITE_LINK))
                .containsEntry("https://gemeente-a.be/hulp", EnumSet.of(SignalKind.SITE_MENTION));
        assertThat(summary).isEqualTo(new WarcScanner.Summary(4, 2, 1, 0));
    }

    @Test
    void pagesCarryTheArchiveDateTheScanIdAndTheMunicipality() throws IOException {
        new WarcScanner(SignalCatalogue.bundled(), WarcScannerTest::municipalHost).scan(warc, "warc-test", listener);

        WebsitePage link = pages.get(0);
        assertThat(link.getScanId()).isEqualTo("warc-test");
        assertThat(link.getNisCode()).isEqualTo(NIS);
        assertThat(link.getFetchedAt()).isEqualTo(CAPTURED);
        assertThat(link.getHttpStatus()).isEqualTo(200);
        assertThat(link.getTitle()).isEqualTo("Welzijn");
        assertThat(link.getContentType()).isEqualTo("text/html");
        assertThat(link.getWatchedLinks()).containsExactly("https://www.seksueelgeweld.be/");
        assertThat(pages.get(1).getWatchedLinks()).isEmpty();
    }

    @Test
    void aFileThatIsNoWarcIsNamedInTheError() throws IOException {
        Path notWarc = Files.writeString(dir.resolve("kapot.warc"), "dit is geen WARC-bestand\n");
        assertThatThrownBy(() -> new WarcScanner(SignalCatalogue.bundled(), WarcScannerTest::municipalHost)
                .scan(notWarc, "x", listener))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("kapot.warc");
    }

    @Test
    void scanWarcDryRunPrintsEveryMunicipalPageAndTheSummary() throws IOException {
        Path register = Files.writeString(dir.resolve("gemeenten.csv"),
                "nis_code,name,province,website,centrumstad\n"
                        + NIS + ",Gemeente A,Antwerpen,www.gemeente-a.be,false\n"
                        + "11002,Gemeente B,Antwerpen,www.gemeente-b.be,false\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("scan-warc", "--dry-run", "--municipalities", register.toString(),
                "--data-dir", dir.resolve("nooit").toString(), warc.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().lines().toList()).containsExactly(
                NIS + " https://www.gemeente-a.be/welzijn [SITE_LINK]",
                NIS + " https://gemeente-a.be/hulp [SITE_MENTION]",
                warc + ": 4 responses, 2 municipal pages, 1 on other hosts, 0 unreadable");
        assertThat(err.toString()).isEmpty();
        // a dry run starts no broker: nothing is written to the data directory
        assertThat(dir.resolve("nooit")).doesNotExist();
    }

    @Test
    void scanWarcOnAFileThatIsNoWarcExitsWithTwo() throws IOException {
        Path notWarc = Files.writeString(dir.resolve("kapot.warc"), "dit is geen WARC-bestand\n");
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("scan-warc", "--dry-run", notWarc.toString());

        assertThat(code).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).startsWith("lokaal-signaal: ").contains("kapot.warc").contains("not a readable WARC file")
                .hasLineCount(1);
    }

    @Test
    void scanWarcOnAMissingFileExitsWithTwo() {
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("scan-warc", "--dry-run", dir.resolve("ontbreekt.warc").toString());

        assertThat(code).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).startsWith("lokaal-signaal: ").contains("ontbreekt.warc").hasLineCount(1);
    }
}
