package be.lokaalsignaal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.scan.reader.ReaderModel;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainReaderCommandTest {

    private static final String CORPUS = "src/test/resources/accuracy/heldout";

    @TempDir
    Path dir;

    /** The corpus's pages, and those labelled CAMPAIGN, counted from its labels.yml. */
    private static long[] counted() throws Exception {
        var lines = Files.readAllLines(Path.of(CORPUS, "labels.yml"));
        return new long[] {lines.stream().filter(l -> l.startsWith("- file:")).count(),
            lines.stream().filter(l -> l.strip().startsWith("expected:") && l.contains("CAMPAIGN")).count()};
    }

    @Test
    void writesATableThatReadsBackAsAReaderOfTheKind() throws Exception {
        Path out = dir.resolve("readers/campaign.tsv");

        CliRun result = CliRun.execute("train-reader", "--out", out.toString(), "--threshold", "0.6", CORPUS);

        assertThat(result.exitCode()).as(result.err()).isZero();
        long[] n = counted();
        assertThat(result.out()).containsPattern("campaign\\.tsv: \\d+ terms, from " + n[0] + " pages \\(" + n[1]
                + " labelled CAMPAIGN\\)");
        try (Reader in = Files.newBufferedReader(out)) {
            ReaderModel model = ReaderModel.read(in, out.toString());
            assertThat(model.kind().name()).isEqualTo("CAMPAIGN");
            assertThat(model.threshold()).isEqualTo(0.6);
            assertThat(model.terms()).contains("campagne");
        }
        try (var left = Files.list(out.getParent())) {
            assertThat(left).as("nothing but the table is left beside it").containsExactly(out);
        }
        assertThat(Files.readString(out)).startsWith("# The reader of CAMPAIGN")
                .contains("Trained on heldout: " + n[0] + " pages, " + n[1] + " labelled CAMPAIGN; C 64.0, terms on at "
                        + "least 10 pages.");
    }

    @Test
    void crossValidationPrintsPrecisionAndRecallPerThreshold() throws Exception {
        CliRun result = CliRun.execute("train-reader", "--cross-validate", "--folds", "2", "--kind", "nightlife",
                CORPUS);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains(counted()[0] + " pages in 2 folds of whole parts")
                .containsPattern("\\n +0\\.50 +\\d+ +\\d+ +\\d+ +[01]\\.\\d{3} +[01]\\.\\d{3} +\\d\\.\\d{3}-\\d\\.\\d{3}");
    }

    @Test
    void crossValidationShowsWhatTheCataloguesReaderLetsStandAndAddsFromEachScoreBesideTheRules() throws Exception {
        CliRun result = CliRun.execute("train-reader", "--cross-validate", "--folds", "2", "--kind", "safety_plan",
                CORPUS);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Beside the rules, as 'safety-plan-reader' acts (a rule's match stands from "
                        + "0.30; it adds alone from 0.90):")
                .containsPattern("the rules' matches that stand: \\d+ found, \\d+ false\\+, \\d+ false-")
                .containsPattern("\\n +0\\.30 +\\d+ +\\d+ +[01]\\.\\d{3} +[01]\\.\\d{3} +\\d\\.\\d{3}-")
                .containsPattern("\\n +0\\.95 +\\d+ +\\d+ ")
                .contains("confirms from  stand: right  wrong")
                // from 0.05 only in the table of confirming scores: the reader adds from its threshold up
                .containsPattern("\\n +0\\.05 +\\d+ +\\d+ +[01]\\.\\d{3} +[01]\\.\\d{3} ");
    }

    @Test
    void aCatalogueWithoutAReaderOfTheKindIsCrossValidatedAloneWithoutTheRules() throws Exception {
        Path rulesOnly = dir.resolve("signals.yml");
        String bundled = Files.readString(Path.of("src/main/resources/signals.yml"));
        Files.writeString(rulesOnly, bundled.substring(0, bundled.indexOf("\nreaders:")) + "\n"
                + bundled.substring(bundled.indexOf("\nrules:")));

        CliRun result = CliRun.execute("train-reader", "--cross-validate", "--folds", "2", "--kind", "nightlife",
                "--signals", rulesOnly.toString(), CORPUS);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("threshold  found").doesNotContain("Beside the rules");
    }

    @Test
    void withoutAnOutputOrCrossValidationItSaysWhatToGive() {
        CliRun.execute("train-reader", CORPUS).assertUsageError()
                .contains("give --out FILE to write the reader, or --cross-validate to measure one");
    }

    @Test
    void anUnknownKindOrThresholdIsOneLineNamingTheOption() {
        CliRun.execute("train-reader", "--kind", "FLYER", "--cross-validate", CORPUS).assertUsageError()
                .contains("--kind: unknown signal kind 'FLYER'");
        CliRun.execute("train-reader", "--threshold", "1.2", "--cross-validate", CORPUS).assertUsageError()
                .contains("--threshold: 1.2 is not between 0 and 1");
        CliRun.execute("train-reader", "--folds", "0", "--cross-validate", CORPUS).assertUsageError()
                .contains("--folds: 0 folds cannot keep a part out of training");
    }
}
