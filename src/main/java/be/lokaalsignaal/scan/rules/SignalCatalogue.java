package be.lokaalsignaal.scan.rules;

import be.lokaalsignaal.avro.MatchedPhrase;
import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.scan.extract.Link;
import be.lokaalsignaal.scan.extract.PageContent;
import be.lokaalsignaal.scan.reader.Lexicon;
import be.lokaalsignaal.scan.reader.ReaderModel;
import be.lokaalsignaal.scan.url.Urls;
import be.lokaalsignaal.topics.SignalKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The signal rules: watched hosts (SITE_LINK, SITE_MENTION) and phrase rules (CAMPAIGN, SAFETY_PLAN,
 * NIGHTLIFE) with the actors that say whose a campaign is, read from YAML (signals.yml documents the
 * format). A page's words are read once, through Lucene's Dutch analysis, and every rule is evaluated over
 * them. Immutable and thread-safe.
 */
public final class SignalCatalogue {

    public static final int MAX_SNIPPET = 300;
    private static final String BUNDLED = "/signals.yml";

    /** Where phrase groups must meet: in one paragraph or section, or anywhere in the document. */
    public enum Scope { BLOCK, DOCUMENT }

    /**
     * @param hostWord     the host as a word of the page's text, to look for a mention only where it can be
     * @param brokenStarts the words an address broken after "www." can start with ({@link BrokenAddresses})
     * @param brokenRests  the words an address broken inside its name, without "www.", can go on with
     */
    public record WatchedHost(String host, String linkRule, String mentionRule, Pattern mention, Phrase hostWord,
                              List<Phrase> brokenStarts, List<Phrase> brokenRests) {
        public WatchedHost {
            brokenStarts = List.copyOf(brokenStarts);
            brokenRests = List.copyOf(brokenRests);
        }
    }

    /**
     * A model that decides a kind: what the rules found of it counts only from a score of {@code confirmsFrom} (its
     * threshold, or lower), and from a score of {@code addsFrom} (its threshold, or higher; never when infinite) it
     * may add the kind on a page that names one of {@code requires} (all pages when empty) and whose title or URL
     * holds none of {@code notTitleOrUrl}. Where it would take away the rules' matches on a page of at least twice
     * {@code passage} words (0: nowhere), they stand if it scores a passage of that many words from {@code
     * confirmsFrom} ({@link be.lokaalsignaal.scan.reader.Passages}).
     */
    public record Reader(String id, ReaderModel model, List<Phrase> requires, List<Phrase> notTitleOrUrl,
                         double addsFrom, double confirmsFrom, int passage) {
        public static final double NEVER = Double.POSITIVE_INFINITY;

        public Reader {
            requires = List.copyOf(requires);
            notTitleOrUrl = List.copyOf(notTitleOrUrl);
        }

        /** Whether it adds the kind on any page at all. */
        public boolean adds() {
            return addsFrom != NEVER;
        }
    }

    private final String source;
    private final List<WatchedHost> watchedHosts;
    private final List<PhraseRule> rules;
    private final List<Reader> readers;
    /** The words of all its readers: a page is cut into them once for all. */
    private final Lexicon lexicon;
    /** The most words of a page one of its readers judges: a page is cut no further. */
    private final int longestRead;
    private final Actors actors;
    private final Vocabulary vocabulary;
    private final int phrases;
    private final Places places;
    private final Map<String, Phrase> names;
    /** By NIS code ("" for a site of no known municipality): some 300 entries at most. */
    private final Map<String, NamePhrases> namePhrases = new ConcurrentHashMap<>();

    SignalCatalogue(String source, List<WatchedHost> watchedHosts, List<PhraseRule> rules, List<Reader> readers,
                    Actors actors, Vocabulary vocabulary, int phrases, Places places, Map<String, Phrase> names) {
        this.source = source;
        this.watchedHosts = List.copyOf(watchedHosts);
        this.rules = List.copyOf(rules);
        this.readers = List.copyOf(readers);
        Set<String> terms = new LinkedHashSet<>();
        int longest = 0;
        for (Reader r : this.readers) {
            terms.addAll(r.model().terms());
            longest = Math.max(longest, r.model().longest());
        }
        this.lexicon = new Lexicon(terms);
        this.longestRead = longest;
        this.actors = actors;
        this.vocabulary = vocabulary;
        this.phrases = phrases;
        this.places = places;
        this.names = names;
    }

    /** The default catalogue shipped in the jar. */
    public static SignalCatalogue bundled() {
        try (InputStream in = SignalCatalogue.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new CatalogueException("bundled signal catalogue " + BUNDLED + " is missing from the classpath");
            }
            return CatalogueReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled signals.yml", null);
        } catch (IOException e) {
            throw new CatalogueException("cannot read bundled signal catalogue: " + e.getMessage(), e);
        }
    }

    /** Loads a catalogue file; a CatalogueException names the file and the field at fault. */
    public static SignalCatalogue load(Path yaml) {
        String text;
        try {
            text = Files.readString(yaml, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CatalogueException(yaml + ": file not found");
        } catch (IOException e) {
            throw new CatalogueException(yaml + ": cannot read: " + e.getMessage(), e);
        }
        return CatalogueReader.read(text, yaml.toString(), yaml.toAbsolutePath().getParent());
    }

    /**
     * Parses catalogue YAML; {@code source} names it in error messages. A reader's model is read from the class
     * path.
     */
    public static SignalCatalogue parse(String yaml, String source) {
        return CatalogueReader.read(yaml, source, null);
    }

    /**
     * This catalogue knowing the names of the municipalities, for {gemeente} and {andere gemeente} in its
     * actors. Without places a page names no municipality.
     */
    public SignalCatalogue withPlaces(Places places) {
        if (!actors.ownName() && !actors.otherNames()) {
            return new SignalCatalogue(source, watchedHosts, rules, readers, actors, vocabulary, phrases, places,
                    Map.of());
        }
        Vocabulary.Builder builder = new Vocabulary.Builder(vocabulary);
        Map<String, Phrase> byName = new LinkedHashMap<>();
        int id = phrases;
        for (String name : places.names()) {
            int[] words = builder.exactWords(name);
            if (words.length > 0) {
                byName.put(name, new Phrase(id++, name, words));
            }
        }
        return new SignalCatalogue(source, watchedHosts, rules, readers, actors, builder.build(vocabulary.dutch()), id,
                places, byName);
    }

    /** This catalogue with its rules alone: what the rules find, as a reader is trained beside them. */
    public SignalCatalogue withoutReaders() {
        return new SignalCatalogue(source, watchedHosts, rules, List.of(), actors, vocabulary, phrases, places, names);
    }

    /** For measuring the first pages of a scan: forgets the stems and catalogue words of the words read so far. */
    void forgetWords() {
        vocabulary.forget();
        SeenWords.forget();
    }

    public List<WatchedHost> watchedHosts() {
        return watchedHosts;
    }

    public List<PhraseRule> rules() {
        return rules;
    }

    public List<Reader> readers() {
        return readers;
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

    /** Every rule that matches the page, at most one match per rule, each with its evidence; no municipality known. */
    public List<RuleMatch> analyse(PageContent content) {
        return analyse(content, null);
    }

    /**
     * Every rule that matches a page of the website of the municipality with this NIS code (null when not
     * known), at most one match per rule, each with its evidence; a rule that reads a group anywhere on the page
     * only where no earlier rule of its kind matched.
     */
    public List<RuleMatch> analyse(PageContent content, String nisCode) {
        PageIndex index = new PageIndex(content, vocabulary, phrases);
        try {
            return analyse(content, nisCode, index);
        } finally {
            index.release();
        }
    }

    private List<RuleMatch> analyse(PageContent content, String nisCode, PageIndex index) {
        List<RuleMatch> matches = new ArrayList<>();
        for (WatchedHost w : watchedHosts) {
            RuleMatch m = WatchedHostMatcher.match(w, content, index);
            if (m != null) {
                matches.add(m);
            }
        }
        if (rules.isEmpty()) {
            return matches;
        }
        RuleRun run = run(index, nisCode, content);
        Set<String> found = new HashSet<>();
        for (PhraseRule rule : rules) {
            // a rule that reads the theme anywhere on the page is the weaker evidence: asked only where no rule of
            // its kind found the theme in the action's own block
            if (rule.readsThePage() && found.contains(rule.kind().name())) {
                continue;
            }
            RuleMatch m = run.evaluate(rule);
            if (m != null) {
                matches.add(m);
                found.add(m.getKind());
            }
        }
        Lexicon.Cut cut = null;
        Set<String> self = null;
        for (Reader reader : readers) {
            // most of a site's pages name neither the kind nor the theme: nothing a reader says would change them
            if (ReaderVerdict.hasWork(reader, index, matches)) {
                if (cut == null) {
                    self = selfNames(nisCode);
                    cut = lexicon.cut(content, self, longestRead);
                }
                ReaderVerdict.decide(reader, cut, content, self, index, matches);
            }
        }
        return matches;
    }

    private Set<String> selfNames(String nisCode) {
        return namePhrases(nisCode).self();
    }

    /**
     * For every rule that does not match the page, why not (rule id to a reason in the catalogue's words): what an
     * analyst asks of a page the rules missed.
     */
    public Map<String, String> whyNot(PageContent content, String nisCode) {
        Map<String, String> why = new LinkedHashMap<>();
        if (rules.isEmpty()) {
            return why;
        }
        PageIndex index = new PageIndex(content, vocabulary, phrases);
        try {
            RuleRun run = run(index, nisCode, content);
            Map<Reader, ReaderModel.Reading> readings = new LinkedHashMap<>();
            Lexicon.Cut cut = readers.isEmpty() ? null : lexicon.cut(content, selfNames(nisCode), longestRead);
            for (Reader reader : readers) {
                readings.put(reader, reader.model().read(cut));
            }
            Map<Reader, Optional<String>> overruled = new HashMap<>();
            for (PhraseRule rule : rules) {
                Reader reader = reader(rule.kind()).orElse(null);
                if (run.evaluate(rule) == null) {
                    why.put(rule.id(), run.whyNot());
                } else if (reader != null) {
                    // once per reader: its passages are read off the whole page, whichever of its rules matched
                    overruled.computeIfAbsent(reader, r -> ReaderVerdict.whyOverruled(r, readings.get(r), content,
                            selfNames(nisCode))).ifPresent(reason -> why.put(rule.id(), "matched, but " + reason));
                }
            }
            readings.forEach((reader, reading) -> ReaderVerdict.whyNot(reader, reading, index)
                    .ifPresent(reason -> why.put(reader.id(), reason)));
        } finally {
            index.release();
        }
        return why;
    }

    /**
     * Whether one of this catalogue's readers may add its kind on the page where it scores it high enough: what
     * measuring the score it adds from asks of every page.
     */
    public boolean mayAdd(Reader reader, PageContent content) {
        if (!readers.contains(reader)) {
            throw new IllegalArgumentException("reader '" + reader.id() + "' is not one of " + source + "'s");
        }
        PageIndex index = new PageIndex(content, vocabulary, phrases);
        try {
            return ReaderVerdict.mayAdd(reader, index);
        } finally {
            index.release();
        }
    }

    /** Its reader of the kind, if it has one (at most one reader decides a kind). */
    public Optional<Reader> reader(SignalKind kind) {
        for (Reader r : readers) {
            if (r.model().kind() == kind) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private RuleRun run(PageIndex index, String nisCode, PageContent content) {
        NamePhrases n = namePhrases(nisCode);
        return new RuleRun(index, actors, n.names(), n.known(), content.links());
    }

    /**
     * The place names' phrases as a page of the municipality reads them: its own, the others', those that are a
     * name only with a capital. The same for every page of a site: worked out once per municipality, not per page.
     */
    private record NamePhrases(ActorNames names, boolean known, Set<String> self) {
    }

    private NamePhrases namePhrases(String nisCode) {
        return namePhrases.computeIfAbsent(nisCode == null ? "" : nisCode, this::workOutNamePhrases);
    }

    private NamePhrases workOutNamePhrases(String nisCode) {
        List<Phrase> own = new ArrayList<>();
        List<Phrase> other = new ArrayList<>();
        Set<Phrase> needCapital = new HashSet<>();
        Set<String> ownNames = places == null ? Set.of() : places.ownNames(nisCode);
        boolean known = !ownNames.isEmpty();
        if (places != null && !names.isEmpty()) {
            names.forEach((name, phrase) -> {
                if (ownNames.contains(name)) {
                    if (actors.ownName() && !places.isAdjective(name)) {
                        own.add(phrase);
                    }
                } else if (known && actors.otherNames()) {
                    // a page of an unknown site cannot tell another municipality from its own
                    other.add(phrase);
                }
                if (places.needsCapital(name)) {
                    needCapital.add(phrase);
                }
            });
        }
        Set<String> self = places == null ? Set.of() : Collections.unmodifiableSet(places.selfNames(nisCode));
        return new NamePhrases(ActorNames.of(actors, own, other, needCapital), known, self);
    }

    static MatchedPhrase phrase(String role, String phrase, String text) {
        String t = text.length() > MAX_SNIPPET ? text.substring(0, MAX_SNIPPET) : text;
        return MatchedPhrase.newBuilder().setRole(role).setPhrase(phrase).setText(t).build();
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

    static RuleMatch match(SignalKind kind, String rule, String snippet, List<MatchedPhrase> phrases) {
        String s = snippet.length() > MAX_SNIPPET ? snippet.substring(0, MAX_SNIPPET) : snippet;
        return RuleMatch.newBuilder().setKind(kind.name()).setRule(rule).setSnippet(s).setPhrases(phrases).build();
    }
}
