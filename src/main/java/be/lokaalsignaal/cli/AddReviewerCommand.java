package be.lokaalsignaal.cli;

import be.lokaalsignaal.app.UserError;
import be.lokaalsignaal.serve.reviews.Reviewers;
import be.lokaalsignaal.serve.reviews.ReviewersFileException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code add-reviewer}: adds a reviewer to the reviewers file (created when missing), or gives one a
 * new password. The password is asked twice on the terminal without echo, or read from standard
 * input or a file for scripts; only its bcrypt hash is written. A running instance started with
 * {@code --reviewers} on that file takes the change at the next login.
 */
@Command(name = "add-reviewer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Adds a reviewer (or sets a new password) in the reviewers file that 'run --reviewers FILE' reads.",
            "The password is asked on the terminal; only its bcrypt hash is stored."})
public final class AddReviewerCommand implements Callable<Integer> {

    @Option(names = "--reviewers", paramLabel = "FILE", required = true, description = "The reviewers file; created when it does not exist.")
    Path file;

    @ArgGroup(exclusive = true)
    PasswordSource passwordSource;

    static final class PasswordSource {
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input instead of the terminal.")
        boolean stdin;

        @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of FILE instead of the terminal.")
        Path file;
    }

    @Parameters(paramLabel = "NAME", description = "The reviewer's user name: letters, digits, '.', '_', '@' or '-' (e.g. an.peeters).")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String password = password();
        try {
            boolean replaced = Reviewers.put(file, name, password);
            spec.commandLine().getOut().println((replaced ? "new password for reviewer " : "reviewer added: ") + name + " (" + file + ")");
            return 0;
        } catch (ReviewersFileException e) {
            throw new UserError("add-reviewer: " + e.getMessage(), e);
        }
    }

    private String password() {
        if (passwordSource != null && passwordSource.stdin) {
            try {
                return firstLine(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine(), "standard input");
            } catch (IOException e) {
                throw new UserError("add-reviewer: standard input cannot be read (" + e.getMessage() + ")", e);
            }
        }
        if (passwordSource != null && passwordSource.file != null) {
            try {
                List<String> lines = Files.readAllLines(passwordSource.file, StandardCharsets.UTF_8);
                return firstLine(lines.isEmpty() ? null : lines.get(0), passwordSource.file.toString());
            } catch (IOException e) {
                throw new UserError("add-reviewer --password-file " + passwordSource.file + ": cannot be read (" + e.getMessage() + ")", e);
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new UserError("add-reviewer: no terminal to ask the password on; use --password-stdin or --password-file");
        }
        char[] first = console.readPassword("Password for %s (at least %d characters): ", name, Reviewers.MIN_PASSWORD_LENGTH);
        char[] second = console.readPassword("The same password again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            throw new UserError("add-reviewer: the two passwords differ; nothing was changed");
        }
        return new String(first);
    }

    private static String firstLine(String line, String where) {
        if (line == null || line.isEmpty()) {
            throw new UserError("add-reviewer: no password on the first line of " + where);
        }
        return line;
    }
}
