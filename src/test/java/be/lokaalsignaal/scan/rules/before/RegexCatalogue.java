package be.lokaalsignaal.scan.rules.before;

import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.scan.rules.CatalogueException;
import be.lokaalsignaal.scan.extract.Link;
import be.lokaalsignaal.scan.extract.PageContent;
import be.lokaalsignaal.scan.url.Urls;
import be.lokaalsignaal.topics.SignalKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signal catalogue as it was before the rules were read through Lucene: one regular expression per phrase
 * per rule over folded text. Kept only as the "before" of the rule benchmark (RuleBenchmark), with the
 * catalogue of that time (bench/signals-regex.yml); nothing else uses it.
 */
public final class RegexCatalogue {

    public static final int MAX_SNIPPET = 300;
    private static final String BUNDLED = "/bench/signals-regex.yml";
    private static final Set<SignalKind> PHRASE_KINDS =
            Set.of(SignalKind.CAMPAIGN, SignalKind.SAFETY_PLAN, SignalKind.NIGHTLIFE);

    /** Where phrase groups must meet: in one paragraph or section, or anywhere in the document. */
    public enum Scope { BLOCK, DOCUMENT }

    public record WatchedHost(String host, String linkRule, String mentionRule, Pattern mention) {
    }

    public record PhraseRule(String id, SignalKind kind, List<List<Phrase>> allOf, List<Phrase> titleOrUrl,
                             List<Phrase> exclude, Scope scope) {
    }

    private final String source;
    private final List<WatchedHost> watchedHosts;
    private final List<PhraseRule> rules;

    private RegexCatalogue(String source, List<WatchedHost> watchedHosts, List<PhraseRule> rules) {
        this.source = source;
        this.watchedHosts = List.copyOf(watchedHosts);
        this.rules = List.copyOf(rules);
    }

    /** The default catalogue shipped in the jar. */
    public static RegexCatalogue bundled() {
        try (InputStream in = RegexCatalogue.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new CatalogueException("bundled signal catalogue " + BUNDLED + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bench/signals-regex.yml");
        } catch (IOException e) {
            throw new CatalogueException("cannot read bundled signal catalogue: " + e.getMessage(), e);
        }
    }

    /** Loads a catalogue file; a CatalogueException names the file and the field at fault. */
    public static RegexCatalogue load(Path yaml) {
        String text;
        try {
            text = Files.readString(yaml, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CatalogueException(yaml + ": file not found");
        } catch (IOException e) {
            throw new CatalogueException(yaml + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, yaml.toString());
    }

    /** Parses catalogue YAML; {@code source} names it in error messages. */
    public static RegexCatalogue parse(String yaml, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new CatalogueException(source + ": not valid YAML" + where + ": " + e.getOriginalMessage());
        }
        return new Reader(source).read(root);
    }

    public List<WatchedHost> watchedHosts() {
        return watchedHosts;
    }

    public List<PhraseRule> rules() {
        return rules;
    }

    public String source() {
        return source;
    }

    /** True when the URL's host is a watched host or a subdomain of one. */
    public boolean isWatched(String url) {
        String host = Urls.host(url);
        for (WatchedHost w : watchedHosts) {
            if (Urls.isHostOrSubdomain(host, w.host())) {
                return true;
            }
        }
        return false;
    }

    /** The page's links to watched hosts, distinct, in page order. */
    public List<String> watchedLinks(PageContent content) {
        Set<String> out = new LinkedHashSet<>();
        for (Link link : content.links()) {
            if (isWatched(link.url())) {
                out.add(link.url());
            }
        }
        return new ArrayList<>(out);
    }

    /** Every rule that matches the page, at most one match per rule, each with its evidence. */
    public List<RuleMatch> analyse(PageContent content) {
        List<RuleMatch> matches = new ArrayList<>();
        for (WatchedHost w : watchedHosts) {
            Link link = content.links().stream()
                    .filter(l -> Urls.isHostOrSubdomain(Urls.host(l.url()), w.host()))
                    .findFirst().orElse(null);
            if (link != null) {
                String text = link.text() == null || link.text().isBlank() ? "" : "\"" + link.text() + "\" ";
                matches.add(match(SignalKind.SITE_LINK, w.linkRule(), text + "-> " + link.url()));
                continue;
            }
            for (String paragraph : content.paragraphBlocks()) {
                Matcher m = w.mention().matcher(paragraph);
                if (m.find()) {
                    matches.add(match(SignalKind.SITE_MENTION, w.mentionRule(),
                            snippet(paragraph, m.start(), m.end())));
                    break;
                }
            }
        }
        if (rules.isEmpty()) {
            return matches;
        }
        List<String> folded = new ArrayList<>(content.blocks().size());
        for (String block : content.blocks()) {
            folded.add(TextFold.fold(block));
        }
        String foldedContext = TextFold.fold((content.title() == null ? "" : content.title()) + " "
                + urlWords(content.url()));
        for (PhraseRule rule : rules) {
            String snippet = evaluate(rule, content, folded, foldedContext);
            if (snippet != null) {
                matches.add(match(rule.kind(), rule.id(), snippet));
            }
        }
        return matches;
    }

    private static String urlWords(String url) {
        if (url == null) {
            return "";
        }
        // a URL path says what a page is about: /veiligheid/zonaal-veiligheidsplan-2020
        return java.net.URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String evaluate(PhraseRule rule, PageContent content, List<String> folded, String context) {
        if (!rule.titleOrUrl().isEmpty() && firstHit(rule.titleOrUrl(), context) == null) {
            return null;
        }
        if (rule.scope() == Scope.BLOCK) {
            for (int b = 0; b < folded.size(); b++) {
                String snippet = evaluateIn(rule, content.blocks().get(b), folded.get(b));
                if (snippet != null) {
                    return snippet;
                }
            }
            return null;
        }
        int paragraphs = content.paragraphs();
        for (int b = 0; b < paragraphs; b++) {
            if (firstHit(rule.exclude(), folded.get(b)) != null) {
                return null;
            }
        }
        String evidence = null;
        for (List<Phrase> group : rule.allOf()) {
            String found = null;
            for (int b = 0; b < paragraphs && found == null; b++) {
                int[] hit = firstHit(group, folded.get(b));
                if (hit != null) {
                    found = snippet(content.blocks().get(b), hit[0], hit[1]);
                }
            }
            if (found == null) {
                return null;
            }
            evidence = found;
        }
        // the last group names the theme; its context is the most telling evidence
        return evidence;
    }

    private static String evaluateIn(PhraseRule rule, String original, String folded) {
        int from = Integer.MAX_VALUE;
        int to = -1;
        int firstStart = -1;
        int firstEnd = -1;
        for (List<Phrase> group : rule.allOf()) {
            int[] hit = firstHit(group, folded);
            if (hit == null) {
                return null;
            }
            if (firstStart < 0) {
                firstStart = hit[0];
                firstEnd = hit[1];
            }
            from = Math.min(from, hit[0]);
            to = Math.max(to, hit[1]);
        }
        if (firstHit(rule.exclude(), folded) != null) {
            return null;
        }
        return to - from <= MAX_SNIPPET ? snippet(original, from, to) : snippet(original, firstStart, firstEnd);
    }

    private static int[] firstHit(List<Phrase> alternatives, String folded) {
        int[] best = null;
        for (Phrase p : alternatives) {
            int[] hit = p.find(folded);
            if (hit != null && (best == null || hit[0] < best[0])) {
                best = hit;
            }
        }
        return best;
    }

    /** At most 300 characters of text around [start, end), cut at word boundaries where possible. */
    static String snippet(String text, int start, int end) {
        int len = end - start;
        if (len >= MAX_SNIPPET) {
            return text.substring(start, start + MAX_SNIPPET);
        }
        int pad = (MAX_SNIPPET - len) / 2;
        int from = Math.max(0, start - pad);
        int to = Math.min(text.length(), end + pad);
        if (from > 0) {
            int space = text.indexOf(' ', from);
            if (space >= 0 && space < start) {
                from = space + 1;
            }
        }
        if (to < text.length()) {
            int space = text.lastIndexOf(' ', to);
            if (space >= end) {
                to = space;
            }
        }
        String s = text.substring(from, to).strip();
        return s.length() > MAX_SNIPPET ? s.substring(0, MAX_SNIPPET) : s;
    }

    private static RuleMatch match(SignalKind kind, String rule, String snippet) {
        String s = snippet.length() > MAX_SNIPPET ? snippet.substring(0, MAX_SNIPPET) : snippet;
        return RuleMatch.newBuilder().setKind(kind.name()).setRule(rule).setSnippet(s).build();
    }

    /** An address in text: the host or a subdomain, not part of a longer host, an e-mail address or a word. */
    static Pattern mentionPattern(String host) {
        return Pattern.compile("(?<![\\p{L}\\p{N}.@_-])(?:[a-z0-9-]+\\.)*" + Pattern.quote(host)
                + "(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Reads the YAML tree with errors that say file and field: "signals.yml: rules[2].allOf[0]: ...". */
    private static final class Reader {
        private final String source;

        Reader(String source) {
            this.source = source;
        }

        RegexCatalogue read(JsonNode root) {
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw fail("", "the file is empty");
            }
            if (!root.isObject()) {
                throw fail("", "expected a mapping with 'watchedHosts' and 'rules'");
            }
            onlyKeys(root, "", Set.of("watchedHosts", "rules"));
            List<WatchedHost> hosts = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            JsonNode wh = root.path("watchedHosts");
            if (!wh.isMissingNode()) {
                requireArray(wh, "watchedHosts");
                for (int i = 0; i < wh.size(); i++) {
                    String path = "watchedHosts[" + i + "]";
                    JsonNode n = wh.get(i);
                    if (!n.isObject()) {
                        throw fail(path, "expected a mapping with host, linkRule and mentionRule");
                    }
                    onlyKeys(n, path, Set.of("host", "linkRule", "mentionRule"));
                    String host = text(n, path, "host");
                    String normal = Urls.normaliseHost(host);
                    if (normal == null || !normal.contains(".") || host.contains("/")) {
                        throw fail(path + ".host", "'" + host + "' is not a host name (write e.g. seksueelgeweld.be)");
                    }
                    normal = Urls.bareHost(normal);
                    String link = uniqueId(text(n, path, "linkRule"), path + ".linkRule", ids);
                    String mention = uniqueId(text(n, path, "mentionRule"), path + ".mentionRule", ids);
                    hosts.add(new WatchedHost(normal, link, mention, mentionPattern(normal)));
                }
            }
            List<PhraseRule> rules = new ArrayList<>();
            JsonNode rs = root.path("rules");
            if (!rs.isMissingNode()) {
                requireArray(rs, "rules");
                for (int i = 0; i < rs.size(); i++) {
                    rules.add(rule(rs.get(i), "rules[" + i + "]", ids));
                }
            }
            if (hosts.isEmpty() && rules.isEmpty()) {
                throw fail("", "no watchedHosts and no rules: the catalogue would find nothing");
            }
            return new RegexCatalogue(source, hosts, rules);
        }

        private PhraseRule rule(JsonNode n, String path, Set<String> ids) {
            if (!n.isObject()) {
                throw fail(path, "expected a mapping with id, kind and allOf");
            }
            onlyKeys(n, path, Set.of("id", "kind", "description", "allOf", "titleOrUrl", "exclude", "scope"));
            String id = uniqueId(text(n, path, "id"), path + ".id", ids);
            String kindName = text(n, path, "kind");
            SignalKind kind;
            try {
                kind = SignalKind.parse(kindName);
            } catch (IllegalArgumentException e) {
                throw fail(path + ".kind", "unknown kind '" + kindName + "'; expected one of " + PHRASE_KINDS);
            }
            if (!PHRASE_KINDS.contains(kind)) {
                throw fail(path + ".kind", "phrase rules find " + PHRASE_KINDS + "; " + kind
                        + " comes from watchedHosts");
            }
            JsonNode allOf = n.path("allOf");
            if (allOf.isMissingNode()) {
                throw fail(path + ".allOf", "missing: give one or more groups of alternative phrases");
            }
            requireArray(allOf, path + ".allOf");
            if (allOf.isEmpty()) {
                throw fail(path + ".allOf", "empty: give one or more groups of alternative phrases");
            }
            List<List<Phrase>> groups = new ArrayList<>();
            for (int g = 0; g < allOf.size(); g++) {
                groups.add(phrases(allOf.get(g), path + ".allOf[" + g + "]", true));
            }
            List<Phrase> titleOrUrl = n.has("titleOrUrl") ? phrases(n.get("titleOrUrl"), path + ".titleOrUrl", true) : List.of();
            List<Phrase> exclude = n.has("exclude") ? phrases(n.get("exclude"), path + ".exclude", false) : List.of();
            Scope scope = Scope.BLOCK;
            if (n.has("scope")) {
                String s = text(n, path, "scope");
                try {
                    scope = Scope.valueOf(s.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw fail(path + ".scope", "unknown scope '" + s + "'; expected block or document");
                }
            }
            return new PhraseRule(id, kind, groups, titleOrUrl, exclude, scope);
        }

        private List<Phrase> phrases(JsonNode n, String path, boolean nonEmpty) {
            requireArray(n, path);
            if (nonEmpty && n.isEmpty()) {
                throw fail(path, "empty list of phrases");
            }
            List<Phrase> out = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) {
                JsonNode p = n.get(i);
                String where = path + "[" + i + "]";
                if (!p.isTextual() && !p.isNumber()) {
                    throw fail(where, "expected a phrase (text)");
                }
                try {
                    out.add(Phrase.compile(p.asText()));
                } catch (IllegalArgumentException e) {
                    throw fail(where, e.getMessage());
                }
            }
            return out;
        }

        private String uniqueId(String id, String path, Set<String> ids) {
            if (!ids.add(id)) {
                throw fail(path, "rule id '" + id + "' is used twice");
            }
            return id;
        }

        private String text(JsonNode n, String path, String field) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                throw fail(path + "." + field, "missing");
            }
            if (!v.isValueNode() || v.asText().isBlank()) {
                throw fail(path + "." + field, "expected a non-empty text");
            }
            return v.asText().strip();
        }

        private void requireArray(JsonNode n, String path) {
            if (!n.isArray()) {
                throw fail(path, "expected a list");
            }
        }

        private void onlyKeys(JsonNode n, String path, Set<String> allowed) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                String key = it.next().getKey();
                if (!allowed.contains(key)) {
                    throw fail(path.isEmpty() ? key : path + "." + key,
                            "unknown field; expected one of " + new java.util.TreeSet<>(allowed));
                }
            }
        }

        private CatalogueException fail(String path, String message) {
            return new CatalogueException(source + (path.isEmpty() ? "" : ": " + path) + ": " + message);
        }
    }
}
