package be.lokaalsignaal.scan;

import be.lokaalsignaal.scan.rules.SignalCatalogue;
import be.lokaalsignaal.scan.url.SiteScope;
import be.lokaalsignaal.scan.url.Urls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the page extraction and signal rules over WARC files (e.g. a web archive's crawl of municipal
 * sites): each HTTP response record whose host maps to a municipality becomes a WebsitePage.
 * No lifecycle records are emitted: an archive is not a complete scan and can never prove a signal gone.
 */
public final class WarcScanner {

    private static final Logger LOG = LoggerFactory.getLogger(WarcScanner.class);

    /** What one file held. */
    public record Summary(int responses, int pages, int unmatchedHosts, int unreadable) {
    }

    private final PageAnalyzer analyzer;
    private final Function<String, Optional<String>> nisForHost;
    private final long maxBytes;

    /**
     * @param nisForHost maps a normalised host name (e.g. www.gemeente.be) to the NIS code of its municipality
     */
    public WarcScanner(SignalCatalogue catalogue, Function<String, Optional<String>> nisForHost, long maxBytes) {
        this.analyzer = new PageAnalyzer(catalogue);
        this.nisForHost = nisForHost;
        this.maxBytes = maxBytes;
    }

    public WarcScanner(SignalCatalogue catalogue, Function<String, Optional<String>> nisForHost) {
        this(catalogue, nisForHost, CrawlConfig.defaults().maxBytes());
    }

    /**
     * Reads one WARC file (plain or gzip) and reports a page per readable response.
     *
     * @throws IOException naming the file when it cannot be opened or is not a WARC file
     */
    public Summary scan(Path warc, String scanId, ScanListener listener) throws IOException {
        int responses = 0;
        int pages = 0;
        int unmatched = 0;
        int unreadable = 0;
        try (WarcReader reader = new WarcReader(warc)) {
            reader.onWarning(w -> LOG.debug("{}: {}", warc, w));
            for (WarcRecord record : reader) {
                if (!(record instanceof WarcResponse response)) {
                    continue;
                }
                responses++;
                String url = Urls.normalise(response.target()).orElse(null);
                String host = url == null ? null : Urls.host(url);
                Optional<String> nis = host == null ? Optional.empty() : nisForHost.apply(host);
                if (nis.isEmpty()) {
                    unmatched++;
                    continue;
                }
                try {
                    int status = response.http().status();
                    if (status < 200 || status >= 300) {
                        continue;
                    }
                    MediaType type = response.http().contentType();
                    byte[] body = readCapped(response.http().bodyDecoded().stream());
                    boolean truncated = body.length > maxBytes;
                    int length = truncated ? (int) maxBytes : body.length;
                    PageAnalyzer.Result result = analyzer.analyse(scanId, nis.get(), url, url,
                            response.date(), status, type == null ? null : type.toString(), body, length,
                            truncated, SiteScope.ofUrl(url));
                    listener.page(result.page());
                    pages++;
                } catch (PageAnalyzer.UnsupportedContentException e) {
                    unreadable++;
                    LOG.debug("{}: {} not read: {}", warc, url, e.getMessage());
                } catch (IOException | RuntimeException e) {
                    // one broken record must not end the file
                    unreadable++;
                    LOG.debug("{}: record for {} unreadable", warc, url, e);
                }
            }
        } catch (IOException e) {
            throw new IOException(warc + ": not a readable WARC file: " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            // the record iterator reports a parse error this way
            throw new IOException(warc + ": not a readable WARC file: " + e.getCause().getMessage(), e.getCause());
        }
        return new Summary(responses, pages, unmatched, unreadable);
    }

    /** Reads at most maxBytes + 1 bytes: one more than the limit tells that the record was cut. */
    private byte[] readCapped(InputStream in) throws IOException {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
    }
}
