package be.lokaalsignaal.scan.extract;

import be.lokaalsignaal.text.StrictUtf8;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes HTML bytes the way browsers do: header charset, then BOM, then meta charset, then a guess. */
public final class Charsets {

    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Charsets() {
    }

    public static String decodeHtml(byte[] body, int length, String contentType) {
        Charset cs = fromHeader(contentType).orElse(null);
        int offset = 0;
        if (length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            cs = StandardCharsets.UTF_8;
            offset = 3;
        } else if (length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            offset = 2;
        }
        if (cs == null) {
            String head = new String(body, 0, Math.min(length, 4096), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            if (m.find()) {
                cs = lookup(m.group(1)).orElse(null);
            }
        }
        if (cs == null) {
            cs = isValidUtf8(body, offset, length - offset) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        return new String(body, offset, length - offset, cs);
    }

    /** The charset named in a Content-Type header, if it is one Java knows. */
    public static Optional<Charset> fromHeader(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? lookup(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> lookup(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        // as in browsers: pages labelled Latin-1 or ASCII are decoded as windows-1252, its superset
        if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")
                || n.equals("l1") || n.equals("iso8859-1")) {
            return Optional.of(WINDOWS_1252);
        }
        try {
            return Optional.of(Charset.forName(n));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isValidUtf8(byte[] b, int off, int len) {
        if (StrictUtf8.isValid(b, off, len)) {
            return true;
        }
        // a page cut at the byte limit may end inside a character; judge what came before
        if (len > 4) {
            for (int cut = 1; cut <= 3; cut++) {
                if (StrictUtf8.isValid(b, off, len - cut)) {
                    return true;
                }
            }
        }
        return false;
    }
}
