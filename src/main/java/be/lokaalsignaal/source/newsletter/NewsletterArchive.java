package be.lokaalsignaal.source.newsletter;

import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.source.SourceError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** A directory of saved issues: .html/.htm pages and .eml mails; other files are not issues and are ignored. */
public final class NewsletterArchive {

    private final NewsletterReader reader;

    public NewsletterArchive(NewsletterReader reader) {
        this.reader = reader;
    }

    /** Reads a directory with the bundled register and rule catalogue. */
    public static NewsletterResult read(Path dir) {
        return new NewsletterArchive(new NewsletterReader(Register.bundled())).readDirectory(dir);
    }

    /** Every issue in the directory and its subdirectories, in path order; bad files become errors. */
    public NewsletterResult readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return NewsletterResult.of(new SourceError(dir.toString(),
                    Files.exists(dir) ? "not a directory" : "directory not found"));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(NewsletterArchive::isIssueFile).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return NewsletterResult.of(new SourceError(dir.toString(), "directory cannot be read: " + e.getMessage()));
        }
        NewsletterResult result = new NewsletterResult(List.of(), List.of());
        for (Path file : files) {
            result = result.plus(reader.readFile(file));
        }
        return result;
    }

    static boolean isIssueFile(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".eml");
    }
}
