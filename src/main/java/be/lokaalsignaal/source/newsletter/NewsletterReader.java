package be.lokaalsignaal.source.newsletter;

import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.avro.NewsletterItem;
import be.lokaalsignaal.register.NameMatcher;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.register.TextFold;
import be.lokaalsignaal.source.SourceException;
import be.lokaalsignaal.source.TextFiles;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a newsletter issue — a saved page, a mail, or feed content — into a {@link NewsletterIssue}
 * with its items and what they call for or feature.
 *
 * <p>The id is the date and a slug of the title, so a re-delivered or edited issue keeps its key;
 * the content hash covers the normalised title, date and items, so re-delivery yields an
 * identical record and an edit a different hash.
 */
public final class NewsletterReader {

    private final ItemDetector detector;

    public NewsletterReader(Register register) {
        this(new NameMatcher(register), NewsletterRules.bundled());
    }

    public NewsletterReader(NameMatcher names, NewsletterRules rules) {
        this.detector = new ItemDetector(rules, names);
    }

    /** Known facts about an issue from outside its content (mail headers, feed entry); null when unknown. */
    public record Hints(String title, LocalDate date) {
        public static final Hints NONE = new Hints(null, null);
    }

    /** Reads a file by its extension: .html/.htm as a page, .eml as a mail. */
    public NewsletterResult readFile(Path file) {
        String source = file.toString();
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".eml")) {
                return NewsletterResult.of(readMail(TextFiles.readBytes(file), source));
            }
            if (name.endsWith(".html") || name.endsWith(".htm")) {
                return NewsletterResult.of(readHtml(TextFiles.readUtf8(file), source, file.toUri().toString(), Hints.NONE));
            }
            throw new SourceException("not a newsletter file (expected .html, .htm or .eml)");
        } catch (SourceException e) {
            return NewsletterResult.of(e.toError(source));
        }
    }

    /** An issue from HTML; hints win over what the page says. */
    public NewsletterIssue readHtml(String html, String source, String baseUri, Hints hints) throws SourceException {
        if (html == null || html.isBlank()) {
            throw new SourceException("empty page");
        }
        ParsedIssue parsed = HtmlIssueParser.parse(html, baseUri);
        return build(parsed, source, hints);
    }

    /** An issue from a plain-text body. */
    public NewsletterIssue readPlainText(String text, String source, Hints hints) throws SourceException {
        if (text == null || text.isBlank()) {
            throw new SourceException("empty text");
        }
        ParsedIssue parsed = new ParsedIssue(null, IssueDates.findIn(text).orElse(null), null,
                PlainTextIssueParser.items(text, hints.title()));
        return build(parsed, source, hints);
    }

    /** An issue from a MIME mail (.eml): the HTML part if there is one, else the plain-text part. */
    public NewsletterIssue readMail(byte[] eml, String source) throws SourceException {
        Message message;
        try {
            DefaultMessageBuilder builder = new DefaultMessageBuilder();
            builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
            message = builder.parseMessage(new ByteArrayInputStream(eml));
        } catch (IOException | RuntimeException e) {
            throw new SourceException("not a readable mail: " + e.getMessage(), e);
        }
        try {
            if (message.getDate() == null) {
                throw new SourceException("mail has no (valid) Date header");
            }
            LocalDate date = message.getDate().toInstant().atZone(IssueDates.BRUSSELS).toLocalDate();
            String subject = Optional.ofNullable(message.getSubject()).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
            Hints hints = new Hints(subject, date);
            Optional<String> html = textPart(message, "text/html");
            if (html.isPresent()) {
                return readHtml(html.get(), source, null, hints);
            }
            Optional<String> plain = textPart(message, "text/plain");
            if (plain.isPresent()) {
                return readPlainText(plain.get(), source, hints);
            }
            throw new SourceException("mail has no text/html or text/plain part");
        } finally {
            message.dispose();
        }
    }

    private static Optional<String> textPart(Entity entity, String mimeType) throws SourceException {
        Body body = entity.getBody();
        if (body instanceof Multipart multipart) {
            for (Entity part : multipart.getBodyParts()) {
                if ("attachment".equalsIgnoreCase(part.getDispositionType())) {
                    continue;
                }
                Optional<String> found = textPart(part, mimeType);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (body instanceof Message nested) {
            return textPart(nested, mimeType);
        }
        if (body instanceof TextBody text && mimeType.equalsIgnoreCase(entity.getMimeType())) {
            try (Reader reader = text.getReader()) {
                StringBuilder out = new StringBuilder();
                char[] buffer = new char[8192];
                int n;
                while ((n = reader.read(buffer)) >= 0) {
                    out.append(buffer, 0, n);
                }
                return Optional.of(out.toString());
            } catch (IOException e) {
                throw new SourceException("mail part " + mimeType + " cannot be decoded: " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    private NewsletterIssue build(ParsedIssue parsed, String source, Hints hints) throws SourceException {
        String title = Optional.ofNullable(hints.title()).orElse(parsed.title());
        LocalDate date = Optional.ofNullable(hints.date()).orElse(parsed.date());
        if (title == null || title.isBlank()) {
            throw new SourceException("issue has no title");
        }
        if (date == null) {
            throw new SourceException("issue has no date (no mail Date header, date meta tag, <time> or written date)");
        }
        if (parsed.items().isEmpty()) {
            throw new SourceException("issue has no items");
        }
        title = title.replaceAll("\\s+", " ").strip();
        List<NewsletterItem> items = new ArrayList<>();
        for (ParsedIssue.RawItem raw : parsed.items()) {
            items.add(detector.detect(raw.heading(), raw.text(), raw.links(), date));
        }
        return NewsletterIssue.newBuilder()
                .setIssueId(issueId(date, title))
                .setDate(date)
                .setTitle(title)
                .setSource(source)
                .setContentHash(contentHash(title, date, parsed.items()))
                .setProvenance(parsed.provenance())
                .setItems(items)
                .build();
    }

    public static String issueId(LocalDate date, String title) {
        return date + "-" + TextFold.slug(title);
    }

    static String contentHash(String title, LocalDate date, List<ParsedIssue.RawItem> items) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(normalise(title)).append('\n').append(date).append('\n');
        for (ParsedIssue.RawItem item : items) {
            canonical.append("\u0001").append(normalise(item.heading())).append('\n')
                    .append(normalise(item.text())).append('\n')
                    .append(String.join(" ", item.links())).append('\n');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }
}
