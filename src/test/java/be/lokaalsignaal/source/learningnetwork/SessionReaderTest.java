package be.lokaalsignaal.source.learningnetwork;

import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.source.SourceError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SessionReaderTest {

    private final SessionReader reader = new SessionReader(Register.bundled());

    private static Path resource(String name) {
        try {
            return Path.of(SessionReaderTest.class.getResource("/sessions/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aYamlFileGivesSessionsWithStableIdsAndPresentersAsNisCodes() {
        Path file = resource("sessions.yml");

        SessionResult result = reader.read(file);

        assertThat(result.sessions()).extracting(LearningNetworkSession::getSessionId).containsExactly(
                "2022-03-18-veilig-uitgaan-en-seksuele-intimidatie",
                "2022-09-09-lokale-campagnes",
                "2023-02-03-borsbeek-in-2023");
        LearningNetworkSession first = result.sessions().get(0);
        assertThat(first.getDate()).isEqualTo(LocalDate.of(2022, 3, 18));
        assertThat(first.getNetwork()).isEqualTo("lerend netwerk centrumsteden");
        assertThat(first.getPresenters()).containsExactly("24062", "44021");
        assertThat(first.getThemes()).containsExactly("seksueel geweld", "uitgaansleven");
        assertThat(first.getPractices()).containsExactly("Opleiding voor horecapersoneel", "Meldpunt op festivals");
        assertThat(first.getLinks()).containsExactly("https://www.example.be/verslag-2022-03-18.pdf");
        assertThat(first.getSource()).isEqualTo(file + ":4");
        assertThat(result.sessions().get(1).getNetwork()).isEqualTo("lerend netwerk lokale besturen");
        assertThat(result.sessions().get(1).getPresenters()).containsExactly("34022");
    }

    @Test
    void presentersOfMergedMunicipalitiesCountForTheMunicipalityInForceOnTheSessionDate() {
        LearningNetworkSession in2023 = reader.read(resource("sessions.yml")).sessions().get(2);

        assertThat(in2023.getPresenters()).containsExactly("11007", "71022");

        String yaml = "- date: 2025-02-07\n  title: Na de fusies\n  presenters: [\"11007\", Hasselt, Kortessem]\n";
        assertThat(reader.readYaml(yaml, "na.yml").sessions()).singleElement()
                .satisfies(s -> assertThat(s.getPresenters()).containsExactly("11002", "71072"));
    }

    @Test
    void everyBadEntryIsReportedWithFileLineAndFieldAndTheGoodOnesAreKept() {
        Path file = resource("sessions.yml");

        SessionResult result = reader.read(file);

        assertThat(result.errors()).extracting(SourceError::toString).containsExactly(
                file + ":14: presenters: unknown municipality 'Mechlen' (did you mean Mechelen?)",
                file + ":19: date: '2022-13-01' is not a date (expected YYYY-MM-DD)",
                file + ":21: date: missing",
                file + ":24: presentors: unknown field (expected date, title, network, presenters, themes, practices, links, provenance)",
                file + ":27: links: 'www.example.be/verslag' is not an http(s) URL");
    }

    @Test
    void aCsvFileGivesTheSameSessionsAsYaml() {
        Path file = resource("sessions.csv");

        SessionResult result = reader.read(file);

        assertThat(result.sessions()).extracting(LearningNetworkSession::getSessionId).containsExactly(
                "2022-03-18-veilig-uitgaan-en-seksuele-intimidatie");
        LearningNetworkSession s = result.sessions().get(0);
        assertThat(s.getPresenters()).containsExactly("24062", "44021");
        assertThat(s.getPractices()).containsExactly("Opleiding voor horecapersoneel, met rollenspel");
        assertThat(s.getSource()).isEqualTo(file + ":2");
        assertThat(result.errors()).extracting(SourceError::toString).containsExactly(
                file + ":3: presenters: unknown municipality 'Sint-Niklas' (did you mean Sint-Niklaas?)",
                file + ":4: expected 6 columns but found 3",
                file + ":5: presenters: municipality 71072 Hasselt did not exist yet on 2020-05-05 (it exists from 2025-01-01)");
    }

    @Test
    void malformedYamlKeepsTheEntriesBeforeTheErrorAndSaysWhere() {
        Path file = resource("kapot.yml");

        SessionResult result = reader.read(file);

        assertThat(result.sessions()).extracting(LearningNetworkSession::getTitle).containsExactly("Goed");
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).matches(java.util.regex.Pattern.quote(file.toString()) + ":\\d+");
            assertThat(e.reason()).startsWith("malformed YAML");
        });
    }

    @Test
    void aDuplicateSessionIsReported() {
        String yaml = "- date: 2022-01-01\n  title: Zelfde\n- date: 2022-01-01\n  title: Zelfde\n";

        SessionResult result = reader.readYaml(yaml, "dubbel.yml");

        assertThat(result.sessions()).hasSize(1);
        assertThat(result.errors()).extracting(SourceError::toString)
                .containsExactly("dubbel.yml:3: duplicate session 2022-01-01-zelfde (first on line 1)");
    }

    @Test
    void emptyNonUtf8MissingAndUnknownFilesAreErrors(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("leeg.yml"), "");
        Path latin1 = Files.write(dir.resolve("latin1.csv"), "date,title\n2022-01-01,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path other = Files.writeString(dir.resolve("sessies.json"), "[]");

        assertThat(reader.read(empty).errors()).containsExactly(new SourceError(empty.toString(), "file is empty"));
        assertThat(reader.read(latin1).errors()).containsExactly(new SourceError(latin1.toString(), "not valid UTF-8 (save the file as UTF-8)"));
        assertThat(reader.read(dir.resolve("weg.yml")).errors()).containsExactly(new SourceError(dir.resolve("weg.yml").toString(), "file not found"));
        assertThat(reader.read(other).errors()).singleElement().satisfies(e -> assertThat(e.reason()).startsWith("not a sessions file"));
    }

    @Test
    void aCsvWithoutDateOrTitleColumnIsRejectedAsAWhole() {
        SessionResult result = reader.readCsv("datum,onderwerp\n2022-01-01,Iets\n", "fout.csv");

        assertThat(result.sessions()).isEmpty();
        assertThat(result.errors()).extracting(SourceError::reason).contains("header needs at least the columns date and title");
    }
}
