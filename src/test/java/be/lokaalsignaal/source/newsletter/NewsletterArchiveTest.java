package be.lokaalsignaal.source.newsletter;

import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.source.SourceError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class NewsletterArchiveTest {

    @TempDir
    Path dir;

    private void copyArchive() throws IOException {
        Path archive = Resources.path("/newsletter/archive");
        try (Stream<Path> files = Files.list(archive)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void readsPagesAndMailsAndIgnoresOtherFiles() throws IOException {
        copyArchive();

        NewsletterResult result = NewsletterArchive.read(dir);

        assertThat(result.issues()).extracting(NewsletterIssue::getIssueId).containsExactly(
                "2021-06-02-nieuwsbrief-lokaal-gelijkekansenbeleid-juni-2021",
                "2022-03-02-nieuwsbrief-lokaal-gelijkekansenbeleid-maart-2022",
                "2022-09-08-nieuwsbrief-lokaal-gelijkekansenbeleid-september-2022");
        assertThat(result.issues()).allMatch(i -> i.getSource().startsWith(dir.toString()));
        assertThat(result.errors()).containsExactly(
                new SourceError(dir.resolve("zonder-datum.eml").toString(), "mail has no (valid) Date header"));
    }

    @Test
    void badFilesAreReportedAndTheGoodOnesStillRead() throws IOException {
        copyArchive();
        Files.writeString(dir.resolve("leeg.html"), "");
        Files.write(dir.resolve("latin1.html"),
                "<html><head><title>Caf\u00e9</title><meta name=date content=2021-01-06></head><body><h2>Caf\u00e9</h2><p>x</p></body></html>"
                        .getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("geen-datum.html"), "<html><head><title>Nieuwsbrief</title></head><body><h2>Item</h2><p>Tekst.</p></body></html>");
        Files.writeString(dir.resolve("geen-items.htm"), "<html><head><title>Nieuwsbrief</title><meta name=date content=2021-01-06></head><body></body></html>");
        Files.writeString(dir.resolve("rommel.eml"), "dit is geen mail\n\u0000\u0001");

        NewsletterResult result = NewsletterArchive.read(dir);

        assertThat(result.issues()).hasSize(3);
        assertThat(result.errors()).extracting(SourceError::toString).containsExactlyInAnyOrder(
                dir.resolve("geen-datum.html") + ": issue has no date (no mail Date header, date meta tag, <time> or written date)",
                dir.resolve("geen-items.htm") + ": issue has no items",
                dir.resolve("latin1.html") + ": not valid UTF-8 (save the file as UTF-8)",
                dir.resolve("leeg.html") + ": file is empty",
                dir.resolve("rommel.eml") + ": mail has no (valid) Date header",
                dir.resolve("zonder-datum.eml") + ": mail has no (valid) Date header");
    }

    @Test
    void anUnreadableFileIsAnErrorNotACrash() throws IOException {
        Path locked = dir.resolve("op-slot.html");
        Files.writeString(locked, "<html></html>");
        boolean lockable = locked.toFile().setReadable(false) && !Files.isReadable(locked);

        NewsletterResult result = NewsletterArchive.read(dir);

        assertThat(result.issues()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(locked.toString());
            // as root a file cannot be locked; it is then read and found to have no items
            assertThat(e.reason()).isEqualTo(lockable ? "file cannot be read: permission denied" : "issue has no title");
        });
    }

    @Test
    void aMissingDirectoryIsOneError() {
        NewsletterResult result = NewsletterArchive.read(dir.resolve("bestaat-niet"));

        assertThat(result.issues()).isEmpty();
        assertThat(result.errors()).containsExactly(new SourceError(dir.resolve("bestaat-niet").toString(), "directory not found"));
    }
}
