package be.lokaalsignaal.scan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.scan.accuracy.AccuracyReport;
import be.lokaalsignaal.scan.accuracy.CorpusException;
import be.lokaalsignaal.scan.accuracy.LabelledCorpus;
import be.lokaalsignaal.topics.SignalKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a labelled corpus: what is wrong is named with the file and the entry; PDFs go through PDFBox. */
class LabelledCorpusTest {

    @TempDir
    Path dir;

    private void label(String yaml) throws Exception {
        Files.writeString(dir.resolve("labels.yml"), yaml);
    }

    private static final String ENTRY = "- file: 001-campagne.html\n  url: https://www.mechelen.be/campagne\n"
            + "  municipality: Mechelen\n  expected: [CAMPAIGN]\n  reason: de campagne van de stad\n";

    @Test
    void aPageWithoutALabelIsNamed() throws Exception {
        Files.writeString(dir.resolve("001-campagne.html"), "<p>x</p>");
        Files.writeString(dir.resolve("002-vergeten.html"), "<p>x</p>");
        label(ENTRY);
        assertThatThrownBy(() -> LabelledCorpus.read(dir, Register.bundled())).isInstanceOf(CorpusException.class)
                .hasMessage(dir.resolve("labels.yml") + ": pages without a label: [002-vergeten.html]");
    }

    @Test
    void aMunicipalityNotInTheRegisterIsNamedWithTheNearestNames() throws Exception {
        Files.writeString(dir.resolve("001-campagne.html"), "<p>x</p>");
        label(ENTRY.replace("Mechelen\n", "Mecheln\n"));
        assertThatThrownBy(() -> LabelledCorpus.read(dir, Register.bundled()))
                .hasMessageContaining("entry 1 (001-campagne.html): municipality: 'Mecheln' is not in the register")
                .hasMessageContaining("Mechelen");
    }

    @Test
    void anUnknownKindIsNamed() throws Exception {
        Files.writeString(dir.resolve("001-campagne.html"), "<p>x</p>");
        label(ENTRY.replace("[CAMPAIGN]", "[CAMPAGNE]"));
        assertThatThrownBy(() -> LabelledCorpus.read(dir, Register.bundled()))
                .hasMessageContaining("entry 1 (001-campagne.html): expected: unknown kind 'CAMPAGNE'");
    }

    @Test
    void aPageNumberedWithFiveDigitsIsRead() throws Exception {
        Files.writeString(dir.resolve("10051-campagne.html"), "<p>x</p>");
        label(ENTRY.replace("001-campagne.html", "10051-campagne.html"));
        assertThat(LabelledCorpus.read(dir, Register.bundled()).pages()).hasSize(1);
    }

    @Test
    void labelsLargerThanTheYamlReadersDefaultLimitAreRead() throws Exception {
        Files.writeString(dir.resolve("001-campagne.html"), "<p>x</p>");
        // the held-out part's labels passed 3 MB: a file of some 4 million characters
        label("# " + "x".repeat(100).concat("\n# ").repeat(40_000) + "\n" + ENTRY);
        assertThat(Files.size(dir.resolve("labels.yml"))).isGreaterThan(4_000_000);
        assertThat(LabelledCorpus.read(dir, Register.bundled()).pages()).hasSize(1);
    }

    @Test
    void aFileNameWithoutANumberOfThreeToFiveDigitsIsNamed() throws Exception {
        Files.writeString(dir.resolve("100051-campagne.html"), "<p>x</p>");
        label(ENTRY.replace("001-campagne.html", "100051-campagne.html"));
        assertThatThrownBy(() -> LabelledCorpus.read(dir, Register.bundled())).isInstanceOf(CorpusException.class)
                .hasMessageContaining("entry 1 (100051-campagne.html): file: expected NNN-slug.html or "
                        + "NNN-slug.pdf.txt (a number of three to five digits)");
    }

    @Test
    void aPdfTextIsReadAsAPdfWithItsPagesAndABrokenWord() throws Exception {
        Files.writeString(dir.resolve("001-plan.pdf.txt"), "Zonaal veiligheidsplan\nZonaal veiligheidsplan\n"
                + "<<<pagina>>>\nPrioriteit 3: intrafamiliaal en seksu-\neel geweld\n");
        label("- file: 001-plan.pdf.txt\n  url: https://www.mechelen.be/plan.pdf\n  municipality: Mechelen\n"
                + "  expected: [SAFETY_PLAN]\n  reason: het plan\n");
        AccuracyReport report = AccuracyReport.run(LabelledCorpus.read(dir, Register.bundled()),
                SignalCatalogue.bundled().withPlaces(Places.of(Register.bundled())));
        assertThat(report.figures(SignalKind.SAFETY_PLAN).truePositives()).isEqualTo(1);
        assertThat(report.confusions()).isEmpty();
    }
}
