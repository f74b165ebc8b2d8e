package be.lokaalsignaal.cli;

import be.lokaalsignaal.app.UserError;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code lokaal-signaal <command> [options]}. */
@Command(name = "lokaal-signaal",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Monitors how Flemish municipalities take up the policy against sexual violence.",
        subcommands = {RunCommand.class, ScanWarcCommand.class, AccuracyCommand.class, TrainReaderCommand.class, AddReviewerCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    /** Exit code for bad configuration or input: unknown option, port in use, unreachable services, missing file. */
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("lokaal-signaal: " + e.getMessage() + " (see --help)");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof UserError) {
                err.println("lokaal-signaal: " + e.getMessage());
                return EXIT_USAGE;
            }
            // details are in the log; the user gets one line, not a stack trace
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("failed", e);
            err.println("lokaal-signaal: failed: " + e);
            return 1;
        });
        return cli;
    }
}
