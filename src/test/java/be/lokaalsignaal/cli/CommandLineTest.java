package be.lokaalsignaal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line as a user meets it: every mistake gives exit code 2 and one line on stderr that
 * names the problem. These cases all fail before any service would start.
 */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownOptionIsOneLineNamingTheOption() {
        Result result = execute("run", "--no-such-option");

        result.assertUsageError().contains("--no-such-option");
    }

    @Test
    void aBadDurationIsOneLineNamingTheOptionAndTheValue() {
        Result result = execute("run", "--scan-interval", "7days");

        result.assertUsageError().contains("--scan-interval").contains("7days");
    }

    @Test
    void aMissingMunicipalitiesFileIsOneLineNamingTheFile() {
        Path missing = dir.resolve("gemeenten.csv");

        Result result = execute("run", "--municipalities", missing.toString());

        result.assertUsageError().contains("--municipalities").contains(missing.toString());
    }

    @Test
    void aMissingNewslettersDirectoryIsOneLineNamingTheDirectory() {
        Path missing = dir.resolve("nieuwsbrieven");

        Result result = execute("run", "--newsletters", missing.toString());

        result.assertUsageError().contains("--newsletters").contains(missing.toString());
    }

    @Test
    void bootstrapServersWithoutASchemaRegistryIsOneLineNamingBothOptions() {
        Result result = execute("run", "--bootstrap-servers", "kafka1:9092");

        result.assertUsageError().contains("--bootstrap-servers").contains("--schema-registry-url");
    }

    @Test
    void aSchemaRegistryWithoutBootstrapServersIsOneLineNamingBothOptions() {
        Result result = execute("run", "--schema-registry-url", "http://registry:8081");

        result.assertUsageError().contains("--bootstrap-servers").contains("--schema-registry-url");
    }

    @Test
    void anUnknownCommandIsOneLineNamingIt() {
        Result result = execute("crawl-everything");

        result.assertUsageError().contains("crawl-everything");
    }

    @Test
    void scanWarcWithAMissingFileIsOneLineNamingTheFile() {
        Path missing = dir.resolve("site.warc.gz");

        Result result = execute("scan-warc", "--dry-run", missing.toString());

        result.assertUsageError().contains(missing.toString());
    }

    @Test
    void helpOfTheRootCommandListsTheCommands() {
        Result result = execute("--help");

        assertThat(result.exitCode).isZero();
        assertThat(result.err).isEmpty();
        assertThat(result.out).startsWith("Usage: lokaal-signaal").contains("run").contains("scan-warc");
    }

    @Test
    void helpOfRunListsItsOptionsWithTheirDefaults() {
        Result result = execute("run", "--help");

        assertThat(result.exitCode).isZero();
        assertThat(result.err).isEmpty();
        assertThat(result.out).startsWith("Usage: lokaal-signaal run")
                .contains("--http-port").contains("--data-dir").contains("--bootstrap-servers")
                .contains("--scan-interval").contains("default: 8080");
    }

    @Test
    void helpOfScanWarcListsItsOptions() {
        Result result = execute("scan-warc", "--help");

        assertThat(result.exitCode).isZero();
        assertThat(result.err).isEmpty();
        assertThat(result.out).startsWith("Usage: lokaal-signaal scan-warc").contains("--dry-run").contains("FILE");
    }

    private static Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
        /** Checks exit code 2 and a single line without a stack trace; returns that line for further checks. */
        org.assertj.core.api.AbstractStringAssert<?> assertUsageError() {
            assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(Main.EXIT_USAGE);
            List<String> lines = err.lines().toList();
            assertThat(lines).as("stderr").hasSize(1);
            assertThat(err).doesNotContain("\tat ").doesNotContain("Exception in thread");
            assertThat(out).as("stdout").isEmpty();
            return assertThat(lines.get(0)).startsWith("lokaal-signaal: ");
        }
    }
}
