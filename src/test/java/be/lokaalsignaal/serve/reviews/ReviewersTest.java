package be.lokaalsignaal.serve.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReviewersTest {
    @TempDir
    Path dir;

    @Test
    void a_new_reviewer_is_stored_as_a_bcrypt_hash_and_never_as_the_password() throws Exception {
        Path file = dir.resolve("reviewers");

        boolean replaced = Reviewers.put(file, "an.peeters", "Gelijke-kansen-2025");

        assertThat(replaced).isFalse();
        String text = Files.readString(file);
        assertThat(text).doesNotContain("Gelijke-kansen-2025").containsPattern("(?m)^an\\.peeters:\\$2a\\$12\\$[./A-Za-z0-9]{53}$");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void the_right_password_authenticates_and_a_wrong_one_or_an_unknown_name_does_not() {
        Path file = dir.resolve("reviewers");
        Reviewers.put(file, "an.peeters", "Gelijke-kansen-2025");
        Reviewers reviewers = Reviewers.load(file);

        assertThat(reviewers.authenticate("an.peeters", "Gelijke-kansen-2025")).hasValue("an.peeters");
        assertThat(reviewers.authenticate("an.peeters", "gelijke-kansen-2025")).isEmpty();
        assertThat(reviewers.authenticate("An.Peeters", "Gelijke-kansen-2025")).isEmpty();
        assertThat(reviewers.authenticate("bart.claes", "Gelijke-kansen-2025")).isEmpty();
    }

    @Test
    void a_new_password_replaces_the_old_one_and_keeps_the_others() {
        Path file = dir.resolve("reviewers");
        Reviewers.put(file, "an.peeters", "Gelijke-kansen-2025");
        Reviewers.put(file, "bart.claes", "Nee-is-nee-campagne");

        boolean replaced = Reviewers.put(file, "an.peeters", "Een-nieuw-wachtwoord");

        Reviewers reviewers = Reviewers.load(file);
        assertThat(replaced).isTrue();
        assertThat(reviewers.names()).containsExactly("an.peeters", "bart.claes");
        assertThat(reviewers.authenticate("an.peeters", "Gelijke-kansen-2025")).isEmpty();
        assertThat(reviewers.authenticate("an.peeters", "Een-nieuw-wachtwoord")).hasValue("an.peeters");
        assertThat(reviewers.authenticate("bart.claes", "Nee-is-nee-campagne")).hasValue("bart.claes");
    }

    @Test
    void an_htpasswd_bcrypt_line_is_read_as_it_is() throws Exception {
        // as 'htpasswd -nbB -C 10 lotte.maes Safer-cities-programma' writes it ($2y$)
        String hash = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(
                org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder.BCryptVersion.$2Y, 10).encode("Safer-cities-programma");
        Path file = dir.resolve("htpasswd");
        Files.writeString(file, "# team gelijke kansen\n\nlotte.maes:" + hash + "\n");

        assertThat(Reviewers.load(file).authenticate("lotte.maes", "Safer-cities-programma")).hasValue("lotte.maes");
    }

    @Test
    void a_running_server_sees_a_reviewer_added_to_the_file() throws Exception {
        Path file = dir.resolve("reviewers");
        Reviewers.put(file, "an.peeters", "Gelijke-kansen-2025");
        Reviewers reviewers = Reviewers.load(file);

        Reviewers.put(file, "bart.claes", "Nee-is-nee-campagne");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(reviewers.authenticate("bart.claes", "Nee-is-nee-campagne")).hasValue("bart.claes");
    }

    @Test
    void a_file_broken_while_running_keeps_the_last_good_list() throws Exception {
        Path file = dir.resolve("reviewers");
        Reviewers.put(file, "an.peeters", "Gelijke-kansen-2025");
        Reviewers reviewers = Reviewers.load(file);

        Files.writeString(file, "an.peeters zonder dubbelpunt\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(reviewers.authenticate("an.peeters", "Gelijke-kansen-2025")).hasValue("an.peeters");
    }

    @Test
    void a_line_that_does_not_read_is_named_with_the_file_and_line() throws Exception {
        Path file = dir.resolve("reviewers");
        for (List<String> lines : List.of(
                List.of("# eerst commentaar", "an.peeters"),
                List.of("# eerst commentaar", "an.peeters:Gelijke-kansen-2025"),
                List.of("# eerst commentaar", "an peeters:$2a$12$" + "a".repeat(53)))) {
            Files.write(file, lines);

            assertThatThrownBy(() -> Reviewers.load(file)).isInstanceOf(ReviewersFileException.class)
                    .hasMessageStartingWith(file + " line 2: ");
        }
    }

    @Test
    void a_name_given_twice_is_refused() throws Exception {
        Path file = dir.resolve("reviewers");
        String hash = "$2a$12$" + "b".repeat(53);
        Files.write(file, List.of("an.peeters:" + hash, "an.peeters:" + hash));

        assertThatThrownBy(() -> Reviewers.load(file)).hasMessageContaining("line 2").hasMessageContaining("named twice");
    }

    @Test
    void a_missing_file_says_how_to_make_one() {
        assertThatThrownBy(() -> Reviewers.load(dir.resolve("nergens"))).hasMessageContaining("no such file").hasMessageContaining("add-reviewer");
    }

    @Test
    void passwords_too_short_too_long_for_bcrypt_or_padded_are_refused() {
        Path file = dir.resolve("reviewers");

        assertThatThrownBy(() -> Reviewers.put(file, "an.peeters", "kort")).hasMessageContaining("shorter than 12");
        assertThatThrownBy(() -> Reviewers.put(file, "an.peeters", "é".repeat(40))).hasMessageContaining("72 bytes");
        assertThatThrownBy(() -> Reviewers.put(file, "an.peeters", " Gelijke-kansen-2025")).hasMessageContaining("white space");
        assertThatThrownBy(() -> Reviewers.put(file, "an:peeters", "Gelijke-kansen-2025")).hasMessageContaining("not a reviewer name");
        assertThat(file).doesNotExist();
    }
}
