package be.lokaalsignaal.source.newsletter;

import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.source.SourceError;
import be.lokaalsignaal.source.SourceException;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the newsletter archive from an RSS or Atom feed. An entry carries the issue as content,
 * or links to the issue page, which is then fetched. A feed that times out, fails or is not a
 * feed is one error; an entry that cannot be read is an error for that entry only.
 */
public final class FeedPoller {

    private final NewsletterReader reader;
    private final HttpClient client;
    private final Duration timeout;

    public FeedPoller(NewsletterReader reader, Duration timeout) {
        this(reader, HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build(), timeout);
    }

    public FeedPoller(NewsletterReader reader, HttpClient client, Duration timeout) {
        this.reader = reader;
        this.client = client;
        this.timeout = timeout;
    }

    public NewsletterResult poll(URI feedUrl) {
        String source = feedUrl.toString();
        SyndFeed feed;
        try {
            byte[] body = fetch(feedUrl, "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1");
            if (looksLikeHtml(body)) {
                throw new SourceException("returned an HTML page, not an RSS or Atom feed");
            }
            feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
        } catch (SourceException e) {
            return NewsletterResult.of(e.toError(source));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            return NewsletterResult.of(new SourceError(source, "not a valid RSS or Atom feed: " + e.getMessage()));
        }
        List<NewsletterIssue> issues = new ArrayList<>();
        List<SourceError> errors = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String entrySource = Optional.ofNullable(entry.getLink()).orElse(source);
            try {
                issues.add(readEntry(feedUrl, entry));
            } catch (SourceException e) {
                errors.add(e.toError(entrySource));
            }
        }
        return new NewsletterResult(issues, errors);
    }

    private NewsletterIssue readEntry(URI feedUrl, SyndEntry entry) throws SourceException {
        Date when = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        LocalDate date = when == null ? null : when.toInstant().atZone(IssueDates.BRUSSELS).toLocalDate();
        String title = entry.getTitle() == null || entry.getTitle().isBlank() ? null : entry.getTitle().strip();
        NewsletterReader.Hints hints = new NewsletterReader.Hints(title, date);
        StringBuilder content = new StringBuilder();
        for (SyndContent c : entry.getContents()) {
            if (c.getValue() != null) {
                content.append(c.getValue()).append('\n');
            }
        }
        String base = entry.getLink() != null ? resolve(feedUrl, entry.getLink()).toString() : feedUrl.toString();
        if (!content.toString().isBlank()) {
            return reader.readHtml(content.toString(), feedUrl.toString(), base, hints);
        }
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            URI page = resolve(feedUrl, entry.getLink());
            byte[] html = fetch(page, "text/html, application/xhtml+xml");
            return reader.readHtml(decode(html), page.toString(), page.toString(), hints);
        }
        if (entry.getDescription() != null && entry.getDescription().getValue() != null) {
            return reader.readHtml(entry.getDescription().getValue(), feedUrl.toString(), base, hints);
        }
        throw new SourceException("feed entry has neither content nor a link to the issue");
    }

    private static URI resolve(URI feedUrl, String link) throws SourceException {
        try {
            return feedUrl.resolve(link.strip());
        } catch (IllegalArgumentException e) {
            throw new SourceException("bad link in feed entry: " + link);
        }
    }

    private byte[] fetch(URI url, String accept) throws SourceException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new SourceException("not an http(s) URL");
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Accept", accept)
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new SourceException("no answer within " + timeout.toMillis() + " ms (timed out)");
        } catch (IOException e) {
            throw new SourceException("cannot be fetched: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while fetching");
        }
        if (response.statusCode() != 200) {
            throw new SourceException("HTTP status " + response.statusCode());
        }
        if (response.body().length == 0) {
            throw new SourceException("empty response");
        }
        return response.body();
    }

    private static boolean looksLikeHtml(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html")
                || (!start.startsWith("<?xml") && !start.startsWith("<rss") && !start.startsWith("<feed") && start.contains("<html"));
    }

    private static String decode(byte[] html) {
        // pages are UTF-8 nearly everywhere; a page in another charset declares it in a meta tag
        String head = new String(html, 0, Math.min(html.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int at = head.indexOf("charset=");
        if (at >= 0) {
            String name = head.substring(at + 8).replaceAll("^[\"']", "").split("[\"'\\s;/>]")[0];
            try {
                return new String(html, Charset.forName(name));
            } catch (IllegalArgumentException e) {
                // unknown charset: fall back to UTF-8
            }
        }
        return new String(html, StandardCharsets.UTF_8);
    }
}
