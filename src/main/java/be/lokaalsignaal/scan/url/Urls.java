package be.lokaalsignaal.scan.url;

import java.net.IDN;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** URL resolution, normalisation and host tests. Everything lenient on input, strict on output: only http(s). */
public final class Urls {

    private static final Set<String> TRACKING_PARAMS = Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "_gl", "igshid", "yclid",
            "jsessionid", "phpsessid", "sid", "sessionid", "cfid", "cftoken");
    /**
     * The query parameters by which a redirect wrapper names its target: only under these is a target without a
     * scheme ("/out?target=www.example.org") a URL; "/zoek?q=www.example.org" is a search for the address.
     */
    private static final Set<String> TARGET_PARAMETERS = Set.of("url", "u", "target", "to", "link", "goto", "go",
            "dest", "destination", "redirect", "redirect_url", "redirecturl", "out", "href", "uri", "ext", "external");
    private static final Pattern SESSION_PATH_PARAM = Pattern.compile("(?i);(jsessionid|phpsessid|sid)=[^/?#]*");
    private static final int MAX_URL_LENGTH = 2048;
    /** Hosts as written and as normalised; the unusable ones as {@link #UNUSABLE}. */
    private static final Map<String, String> HOSTS = new ConcurrentHashMap<>();
    private static final int MAX_HOSTS = 4096;
    private static final String UNUSABLE = new String("");

    private Urls() {
    }

    /**
     * Resolves an href against a base URL and normalises it: lower-case scheme and host, no default port,
     * no fragment, no dot segments, no tracking or session parameters, remaining parameters sorted.
     * Empty when the result is not a usable http(s) URL.
     */
    public static Optional<String> resolve(String base, String href) {
        if (href == null) {
            return Optional.empty();
        }
        String cleaned = stripUrlWhitespace(href);
        if (cleaned.isEmpty() || cleaned.startsWith("#")) {
            return Optional.empty();
        }
        try {
            URL baseUrl = base == null ? null : new URL(stripUrlWhitespace(base));
            URL abs = baseUrl == null ? new URL(cleaned) : new URL(baseUrl, cleaned);
            return normaliseUrl(abs);
        } catch (MalformedURLException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Normalises an absolute URL; empty when it is not a usable http(s) URL. */
    public static Optional<String> normalise(String url) {
        return resolve(null, url);
    }

    private static Optional<String> normaliseUrl(URL url) {
        String scheme = url.getProtocol().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        String host = normaliseHost(url.getHost());
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        int port = url.getPort();
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
            port = -1;
        }
        String path = url.getPath();
        path = SESSION_PATH_PARAM.matcher(path == null ? "" : path).replaceAll("");
        path = encode(path, false);
        if (path.isEmpty() || path.charAt(0) != '/') {
            path = "/" + path;
        }
        path = removeDotSegments(path);
        String query = normaliseQuery(url.getQuery());
        StringBuilder sb = new StringBuilder(scheme).append("://").append(host);
        if (port != -1) {
            sb.append(':').append(port);
        }
        sb.append(path);
        if (query != null && !query.isEmpty()) {
            sb.append('?').append(query);
        }
        if (sb.length() > MAX_URL_LENGTH) {
            return Optional.empty();
        }
        try {
            // the last word on syntax: what java.net.URI accepts, HttpClient accepts
            return Optional.of(new URI(sb.toString()).toString());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Lower-case, IDN to ASCII, no trailing dot; null when the host is unusable. */
    public static String normaliseHost(String host) {
        if (host == null) {
            return null;
        }
        // a page names a few hosts hundreds of times, and IDN's conversion is most of a link's cost
        String known = HOSTS.get(host);
        if (known == null) {
            String h = normaliseNewHost(host);
            known = h == null ? UNUSABLE : h;
            if (HOSTS.size() >= MAX_HOSTS) {
                HOSTS.clear();
            }
            HOSTS.put(host, known);
        }
        return known == UNUSABLE ? null : known;
    }

    private static String normaliseNewHost(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty()) {
            return null;
        }
        if (h.startsWith("[")) {
            return h;
        }
        try {
            h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_')) {
                return null;
            }
        }
        return h;
    }

    /** The host of a URL, normalised; null when there is none. */
    public static String host(String url) {
        try {
            return normaliseHost(new URL(stripUrlWhitespace(url)).getHost());
        } catch (MalformedURLException | IllegalArgumentException e) {
            return null;
        }
    }

    /** True when host is the watched host itself or one of its subdomains: never a look-alike. */
    public static boolean isHostOrSubdomain(String host, String watched) {
        if (host == null || watched == null) {
            return false;
        }
        String h = normaliseHost(host);
        String w = normaliseHost(watched);
        return h != null && w != null && (h.equals(w) || h.endsWith("." + w));
    }

    /** The host without a leading "www.". */
    public static String bareHost(String host) {
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /**
     * Absolute http(s) URLs carried in the query parameters of a URL, as redirect wrappers do
     * ({@code /redirect?url=https%3A%2F%2Fexample.org}); decoded, in order of appearance. A wrapper's target
     * parameter may also give the address without a scheme, from "www." on ({@code /out?target=www.example.org}),
     * which a browser reaches as https.
     */
    public static List<String> embeddedUrls(String url) {
        List<String> found = new ArrayList<>();
        String query;
        try {
            query = new URL(url).getQuery();
        } catch (MalformedURLException e) {
            return found;
        }
        if (query == null) {
            return found;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String value = pair.substring(eq + 1);
            // wrappers sometimes encode twice; decode until the value stops changing
            for (int i = 0; i < 3; i++) {
                String lower = value.toLowerCase(Locale.ROOT);
                if (lower.startsWith("http://") || lower.startsWith("https://")) {
                    break;
                }
                String decoded = decode(value);
                if (decoded.equals(value)) {
                    break;
                }
                value = decoded;
            }
            String lower = value.strip().toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                normalise(value).ifPresent(found::add);
            } else if (lower.startsWith("www.") && lower.length() > 4
                    && TARGET_PARAMETERS.contains(decode(pair.substring(0, eq)).toLowerCase(Locale.ROOT))) {
                normalise("https://" + value.strip()).ifPresent(found::add);
            }
        }
        return found;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Browsers drop leading/trailing whitespace and tabs or newlines anywhere in a URL. */
    static String stripUrlWhitespace(String s) {
        String t = s.strip();
        if (t.indexOf('\t') < 0 && t.indexOf('\n') < 0 && t.indexOf('\r') < 0) {
            return t;
        }
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String normaliseQuery(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (key.startsWith("utm_") || TRACKING_PARAMS.contains(key)) {
                continue;
            }
            kept.add(encode(pair, true));
        }
        // order of parameters carries no meaning on the sites we crawl; sorting makes ?a=1&b=2 and ?b=2&a=1 one page
        kept.sort(Comparator.naturalOrder());
        return String.join("&", kept);
    }

    /** Percent-encodes what is not legal in a URI, keeps existing escapes (upper-cased). */
    private static String encode(String s, boolean query) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                sb.append('%').append(Character.toUpperCase(s.charAt(i + 1))).append(Character.toUpperCase(s.charAt(i + 2)));
                i += 2;
            } else if (isLegal(c, query)) {
                sb.append(c);
            } else {
                int cp = s.codePointAt(i);
                if (Character.charCount(cp) == 2) {
                    i++;
                }
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        }
        return sb.toString();
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isLegal(char c, boolean query) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        if ("-._~!$&'()*+,;=:@/".indexOf(c) >= 0) {
            return true;
        }
        return query && c == '?';
    }

    private static String removeDotSegments(String path) {
        if (!path.contains("/.")) {
            return path;
        }
        String[] parts = path.split("/", -1);
        List<String> out = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.equals(".")) {
                if (i == parts.length - 1) {
                    out.add("");
                }
            } else if (p.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                if (i == parts.length - 1) {
                    out.add("");
                }
            } else {
                out.add(p);
            }
        }
        return "/" + String.join("/", out);
    }
}
