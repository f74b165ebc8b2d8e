package be.lokaalsignaal.scan;

import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.scan.extract.Charsets;
import be.lokaalsignaal.scan.extract.HtmlExtractor;
import be.lokaalsignaal.scan.extract.PageContent;
import be.lokaalsignaal.scan.extract.PdfExtractor;
import be.lokaalsignaal.scan.rules.SignalCatalogue;
import be.lokaalsignaal.scan.url.SiteScope;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Turns the bytes of one response into a WebsitePage: the same path for live crawls and WARC files. */
public final class PageAnalyzer {

    /** What was read, with the page record and its extracted content (for following links). */
    public record Result(WebsitePage page, PageContent content) {
    }

    /** The response is not a page or document we read (an image, a binary file, a broken PDF). */
    public static final class UnsupportedContentException extends Exception {
        public UnsupportedContentException(String message) {
            super(message);
        }
    }

    private final SignalCatalogue catalogue;

    public PageAnalyzer(SignalCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Result analyse(String scanId, String nisCode, String url, String finalUrl, Instant fetchedAt, int status,
                          String contentTypeHeader, byte[] body, int length, boolean truncated, SiteScope scope)
            throws UnsupportedContentException {
        String mediaType = mediaType(contentTypeHeader);
        PageContent content;
        if (isPdf(mediaType, body, length)) {
            try {
                content = PdfExtractor.extract(body, length, finalUrl);
            } catch (IOException | RuntimeException e) {
                throw new UnsupportedContentException("unreadable PDF" + (truncated ? " (cut at the byte limit)" : "")
                        + ": " + e.getMessage());
            }
            mediaType = "application/pdf";
        } else if (isHtml(mediaType, body, length)) {
            if (looksBinary(body, length)) {
                throw new UnsupportedContentException("binary content served as " + mediaType);
            }
            content = HtmlExtractor.extract(Charsets.decodeHtml(body, length, contentTypeHeader), finalUrl, scope);
            if (mediaType == null) {
                mediaType = "text/html";
            }
        } else {
            throw new UnsupportedContentException("content type " + mediaType + " is not read");
        }
        List<RuleMatch> matches = catalogue.analyse(content, nisCode);
        WebsitePage page = WebsitePage.newBuilder()
                .setScanId(scanId)
                .setNisCode(nisCode)
                .setUrl(url)
                .setFinalUrl(finalUrl)
                .setFetchedAt(fetchedAt)
                .setHttpStatus(status)
                .setContentType(mediaType)
                .setContentHash(sha256(body, length))
                .setTitle(content.title())
                .setTruncated(truncated)
                .setWatchedLinks(catalogue.watchedLinks(content))
                .setMatches(matches)
                .build();
        return new Result(page, content);
    }

    static String mediaType(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        int semi = header.indexOf(';');
        String t = (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }

    private static boolean isPdf(String mediaType, byte[] body, int length) {
        boolean magic = length >= 5 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F';
        if ("application/pdf".equals(mediaType) || "application/x-pdf".equals(mediaType)) {
            return true;
        }
        // servers that do not know the type of a .pdf say octet-stream or nothing at all
        return magic && (mediaType == null || mediaType.equals("application/octet-stream")
                || mediaType.equals("binary/octet-stream") || mediaType.equals("application/download"));
    }

    private static boolean isHtml(String mediaType, byte[] body, int length) {
        if (mediaType == null) {
            return true;
        }
        return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml")
                || mediaType.equals("application/xml+html");
    }

    /** NUL bytes do not occur in text in any single-byte or UTF-8 encoding of a web page. */
    private static boolean looksBinary(byte[] body, int length) {
        int n = Math.min(length, 2048);
        int nul = 0;
        for (int i = 0; i < n; i++) {
            if (body[i] == 0) {
                nul++;
            }
        }
        boolean utf16Bom = length >= 2 && ((body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF
                || (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE);
        return nul > 0 && !utf16Bom;
    }

    static String sha256(byte[] body, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(body, 0, length);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
