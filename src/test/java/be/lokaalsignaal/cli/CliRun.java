package be.lokaalsignaal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.assertj.core.api.AbstractStringAssert;
import picocli.CommandLine;

/** One run of the command line in this JVM, with what it printed; no System.exit. */
record CliRun(int exitCode, String out, String err) {

    static CliRun execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** Checks exit code 2 and a single line without a stack trace; returns that line for further checks. */
    AbstractStringAssert<?> assertUsageError() {
        assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(Main.EXIT_USAGE);
        List<String> lines = err.lines().toList();
        assertThat(lines).as("stderr").hasSize(1);
        assertThat(err).doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(out).as("stdout").isEmpty();
        return assertThat(lines.get(0)).startsWith("lokaal-signaal: ");
    }
}
