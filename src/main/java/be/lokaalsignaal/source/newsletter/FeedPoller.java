package be.lokaalsignaal.source.newsletter;

import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.fetch.FetchConfig;
import be.lokaalsignaal.fetch.FetchException;
import be.lokaalsignaal.fetch.FetchResponse;
import be.lokaalsignaal.fetch.Fetcher;
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
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the newsletter archive from an RSS or Atom feed. An entry carries the issue as content,
 * or links to the issue page, which is then fetched. A feed that times out, fails or is not a
 * feed is one error; an entry that cannot be read is an error for that entry only.
 *
 * <p>Every request goes through the same {@link Fetcher} rules as the crawler's: the address guard
 * (no loopback, private or link-local address unless private hosts are allowed), checked again at
 * every redirect hop, the timeout, the byte limit and the honest user agent.
 */
public final class FeedPoller implements AutoCloseable {

    /** Redirect hops followed per request. */
    static final int MAX_REDIRECTS = 5;
    private static final String ACCEPT_FEED = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1";
    private static final String ACCEPT_PAGE = "text/html, application/xhtml+xml";

    private final NewsletterReader reader;
    private final Fetcher fetcher;
    private final long maxBytes;
    private final java.time.Duration timeout;

    public FeedPoller(NewsletterReader reader, FetchConfig config, long maxBytes) {
        this(reader, new Fetcher(config), config.timeout(), maxBytes);
    }

    /** With a fetcher of one's own (closed with this poller): for tests of the address guard. */
    public FeedPoller(NewsletterReader reader, Fetcher fetcher, java.time.Duration timeout, long maxBytes) {
        this.reader = reader;
        this.fetcher = fetcher;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    public NewsletterResult poll(URI feedUrl) {
        String source = feedUrl.toString();
        SyndFeed feed;
        try {
            byte[] body = fetch(feedUrl, ACCEPT_FEED).body();
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
            Fetched page = fetch(resolve(feedUrl, entry.getLink()), ACCEPT_PAGE);
            return reader.readHtml(decode(page.body()), page.url(), page.url(), hints);
        }
        if (entry.getDescription() != null && entry.getDescription().getValue() != null) {
            return reader.readHtml(entry.getDescription().getValue(), feedUrl.toString(), base, hints);
        }
        throw new SourceException("feed entry has neither content nor a link to the issue");
    }

    private static URI resolve(URI base, String link) throws SourceException {
        try {
            return base.resolve(link.strip());
        } catch (IllegalArgumentException e) {
            throw new SourceException("bad link in feed entry: " + link);
        }
    }

    /** A body read in full, and the URL it came from after redirects. */
    private record Fetched(String url, byte[] body) {}

    /** GET with redirects followed; every hop must be http(s) and passes the address guard when it connects. */
    private Fetched fetch(URI url, String accept) throws SourceException {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            String scheme = current.getScheme() == null ? "" : current.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new SourceException(hop == 0 ? "not an http(s) URL" : "redirects to " + current + ", not an http(s) URL");
            }
            FetchResponse response;
            try {
                response = fetcher.get(current.toString(), maxBytes, accept);
            } catch (FetchException e) {
                String reason = e.getMessage();
                if (reason.contains("within") || reason.contains("timed out")) {
                    throw new SourceException("no answer within " + timeout.toMillis() + " ms (timed out)");
                }
                throw new SourceException("cannot be fetched: " + reason, e);
            }
            if (response.isRedirect()) {
                try {
                    current = current.resolve(response.location().strip());
                } catch (IllegalArgumentException e) {
                    throw new SourceException("redirect to an unusable Location '" + response.location() + "'");
                }
                continue;
            }
            if (response.status() != 200) {
                throw new SourceException("HTTP status " + response.status());
            }
            if (response.truncated()) {
                throw new SourceException("larger than " + maxBytes + " bytes; not read (see --max-bytes)");
            }
            if (response.length() == 0) {
                throw new SourceException("empty response");
            }
            return new Fetched(current.toString(), Arrays.copyOf(response.body(), response.length()));
        }
        throw new SourceException("more than " + MAX_REDIRECTS + " redirects");
    }

    @Override
    public void close() {
        try {
            fetcher.close();
        } catch (IOException e) {
            // nothing is left to read
        }
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
