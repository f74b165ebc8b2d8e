package be.lokaalsignaal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.serve.reviews.Reviewers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AddReviewerCommandTest {
    @TempDir
    Path dir;

    @Test
    void add_reviewer_creates_the_file_with_a_hash_the_server_accepts() throws Exception {
        Path file = dir.resolve("beheer/reviewers");
        Path password = dir.resolve("wachtwoord");
        Files.writeString(password, "Gelijke-kansen-2025\n");

        CliRun run = CliRun.execute("add-reviewer", "--reviewers", file.toString(), "--password-file", password.toString(), "an.peeters");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("reviewer added: an.peeters");
        assertThat(Files.readString(file)).doesNotContain("Gelijke-kansen-2025");
        assertThat(Reviewers.load(file).authenticate("an.peeters", "Gelijke-kansen-2025")).hasValue("an.peeters");
    }

    @Test
    void add_reviewer_again_sets_a_new_password() throws Exception {
        Path file = dir.resolve("reviewers");
        Reviewers.put(file, "an.peeters", "Gelijke-kansen-2025");
        Path password = dir.resolve("wachtwoord");
        Files.writeString(password, "Een-nieuw-wachtwoord\n");

        CliRun run = CliRun.execute("add-reviewer", "--reviewers", file.toString(), "--password-file", password.toString(), "an.peeters");

        assertThat(run.out()).contains("new password for reviewer an.peeters");
        assertThat(Reviewers.load(file).authenticate("an.peeters", "Een-nieuw-wachtwoord")).hasValue("an.peeters");
    }

    @Test
    void a_short_password_is_one_line_and_changes_nothing() throws Exception {
        Path file = dir.resolve("reviewers");
        Path password = dir.resolve("wachtwoord");
        Files.writeString(password, "kort\n");

        CliRun run = CliRun.execute("add-reviewer", "--reviewers", file.toString(), "--password-file", password.toString(), "an.peeters");

        run.assertUsageError().contains("shorter than 12");
        assertThat(file).doesNotExist();
    }

    @Test
    void without_a_terminal_or_a_password_option_it_says_which_options_to_use() {
        CliRun run = CliRun.execute("add-reviewer", "--reviewers", dir.resolve("reviewers").toString(), "an.peeters");

        run.assertUsageError().contains("--password-stdin").contains("--password-file");
    }

    @Test
    void run_with_a_reviewers_file_that_does_not_exist_is_one_line_naming_it() {
        Path missing = dir.resolve("geen-reviewers");

        CliRun run = CliRun.execute("run", "--reviewers", missing.toString());

        run.assertUsageError().contains("--reviewers").contains(missing.toString());
    }
}
