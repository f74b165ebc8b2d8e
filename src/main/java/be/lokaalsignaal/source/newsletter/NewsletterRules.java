package be.lokaalsignaal.source.newsletter;

import be.lokaalsignaal.register.TextFold;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The phrase-rule catalogue that decides whether a newsletter item is a CALL or features a practice. */
public final class NewsletterRules {

    private static final String BUNDLED = "/newsletter-rules.yml";

    /** One group of alternative phrases; it matches when one of them occurs. */
    public record Group(String name, List<String> phrases, Pattern pattern) {

        /** The first match in folded text. */
        public Optional<int[]> find(String folded) {
            Matcher m = pattern.matcher(folded);
            return m.find() ? Optional.of(new int[] {m.start(), m.end()}) : Optional.empty();
        }
    }

    /** Groups that must all match in one item. */
    public record Rule(List<Group> allOf, boolean requiresWatchedSite) {

        public boolean matches(String folded) {
            return allOf.stream().allMatch(g -> g.find(folded).isPresent());
        }
    }

    /** A site local governments are called to mention, with the names it goes by in text. */
    public record WatchedSite(String host, List<String> names, Pattern textPattern) {

        public boolean linkedBy(String url) {
            if (hostMatches(hostOf(url))) {
                return true;
            }
            // redirect wrappers of mailing tools carry the target in a query parameter
            int q = url.indexOf('?');
            if (q < 0) {
                return false;
            }
            for (String param : url.substring(q + 1).split("&")) {
                int eq = param.indexOf('=');
                String value = URLDecoder.decode(eq < 0 ? param : param.substring(eq + 1), StandardCharsets.UTF_8);
                if (value.contains("://") && hostMatches(hostOf(value))) {
                    return true;
                }
            }
            return false;
        }

        public boolean namedIn(String folded) {
            return textPattern.matcher(folded).find();
        }

        private boolean hostMatches(String h) {
            return h.equals(host) || h.endsWith("." + host);
        }

        private static String hostOf(String url) {
            try {
                String h = URI.create(url.trim()).getHost();
                return h == null ? "" : h.toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
    }

    private final List<WatchedSite> watchedSites;
    private final Rule call;
    private final Rule featured;

    private NewsletterRules(List<WatchedSite> watchedSites, Rule call, Rule featured) {
        this.watchedSites = List.copyOf(watchedSites);
        this.call = call;
        this.featured = featured;
    }

    public static NewsletterRules bundled() {
        try (InputStream in = NewsletterRules.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("Rule catalogue missing from the classpath: " + BUNDLED);
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in), BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static NewsletterRules load(Path yaml) throws IOException {
        return parse(new ObjectMapper(new YAMLFactory()).readTree(Files.newInputStream(yaml)), yaml.toString());
    }

    private static NewsletterRules parse(JsonNode root, String where) {
        if (root == null || !root.has("rules")) {
            throw new IllegalArgumentException(where + ": no 'rules' in the catalogue");
        }
        List<WatchedSite> sites = new ArrayList<>();
        for (JsonNode site : root.path("watched-sites")) {
            String host = site.isTextual() ? site.asText() : site.path("host").asText();
            host = host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            List<String> names = new ArrayList<>();
            names.add(host);
            site.path("names").forEach(n -> names.add(n.asText()));
            sites.add(new WatchedSite(host, List.copyOf(names), compile(names)));
        }
        Rule call = rule(root.path("rules").path("call"), where + " rules.call");
        Rule featured = rule(root.path("rules").path("featured"), where + " rules.featured");
        return new NewsletterRules(sites, call, featured);
    }

    private static Rule rule(JsonNode node, String where) {
        if (!node.path("all-of").isArray() || node.path("all-of").isEmpty()) {
            throw new IllegalArgumentException(where + ": needs a non-empty all-of");
        }
        List<Group> groups = new ArrayList<>();
        for (JsonNode g : node.path("all-of")) {
            List<String> phrases = new ArrayList<>();
            g.path("any").forEach(p -> phrases.add(p.asText()));
            if (phrases.isEmpty()) {
                throw new IllegalArgumentException(where + ": group '" + g.path("name").asText() + "' has no phrases");
            }
            groups.add(new Group(g.path("name").asText("group" + groups.size()), List.copyOf(phrases), compile(phrases)));
        }
        return new Rule(List.copyOf(groups), node.path("requires-watched-site").asBoolean(false));
    }

    /** One pattern for a list of phrases, to be used on {@link TextFold#fold folded} text. */
    static Pattern compile(List<String> phrases) {
        List<String> alternatives = new ArrayList<>();
        for (String phrase : phrases) {
            StringBuilder re = new StringBuilder();
            boolean first = true;
            for (String token : TextFold.fold(phrase).trim().split("\\s+")) {
                if (token.equals("*")) {
                    // up to six words, not crossing the end of a sentence
                    re.append("(?:\\s+(?:[^\\s.!?]|[.!?](?=\\S))+){0,6}");
                    continue;
                }
                if (!first || re.length() > 0) {
                    re.append("\\s+");
                }
                if (token.endsWith("*") && token.length() > 1) {
                    re.append(Pattern.quote(token.substring(0, token.length() - 1))).append("[\\p{L}\\p{N}]*");
                } else {
                    re.append(Pattern.quote(token));
                }
                first = false;
            }
            alternatives.add(re.toString());
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])");
    }

    public List<WatchedSite> watchedSites() {
        return watchedSites;
    }

    public Rule call() {
        return call;
    }

    public Rule featured() {
        return featured;
    }
}
