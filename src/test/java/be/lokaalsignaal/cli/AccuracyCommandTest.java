package be.lokaalsignaal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccuracyCommandTest {

    @TempDir
    Path dir;

    private void corpus() throws Exception {
        Files.writeString(dir.resolve("001-campagne.html"), "<html><body><p>Stad Mechelen start een campagne tegen "
                + "straatintimidatie.</p></body></html>");
        Files.writeString(dir.resolve("002-minister.html"), "<html><body><p>Vlaams minister lanceert een campagne "
                + "tegen seksueel geweld.</p></body></html>");
        Files.writeString(dir.resolve("labels.yml"), """
                - file: 001-campagne.html
                  url: https://www.mechelen.be/campagne
                  municipality: Mechelen
                  expected: [CAMPAIGN]
                  reason: de campagne van de stad
                - file: 002-minister.html
                  url: https://www.mechelen.be/nieuws
                  municipality: Mechelen
                  expected: [CAMPAIGN]
                  reason: deliberately mislabelled, to show a confusion
                """);
    }

    @Test
    void printsPrecisionRecallAndTheConfusionsPerKind() throws Exception {
        corpus();
        CliRun result = CliRun.execute("accuracy", dir.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("2 pages")
                .containsPattern("CAMPAIGN +2 +1 +0 +1 +1\\.000 +0\\.500 +0\\.025-1\\.000 +0\\.013-0\\.987")
                .containsPattern("NIGHTLIFE +0 +0 +0 +0 +1\\.000 +1\\.000 +- +-")
                .contains("false- 002-minister.html (Mechelen)");
    }

    @Test
    void figuresOnlyLeavesOutWhichPagesWereConfused() throws Exception {
        corpus();
        CliRun result = CliRun.execute("accuracy", "--figures-only", dir.toString());
        assertThat(result.out()).containsPattern("CAMPAIGN +2 +1 +0 +1 +1\\.000 +0\\.500").doesNotContain("002-minister");
    }

    @Test
    void aDirectoryWithoutLabelsIsOneLineNamingIt() {
        CliRun result = CliRun.execute("accuracy", dir.toString());
        result.assertUsageError().contains(dir.resolve("labels.yml") + ": file not found");
    }
}
