package be.lokaalsignaal.scan.rules;

import be.lokaalsignaal.scan.reader.ReaderModel;
import be.lokaalsignaal.scan.url.Urls;
import be.lokaalsignaal.topics.SignalKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads signals.yml with errors that say file and field: "signals.yml: rules[2].allOf[0]: ...". */
final class CatalogueReader {

    private static final Set<SignalKind> PHRASE_KINDS =
            Set.of(SignalKind.CAMPAIGN, SignalKind.SAFETY_PLAN, SignalKind.NIGHTLIFE);
    private static final Pattern LIST_NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final String OWN_NAME = "{gemeente}";
    private static final String OTHER_NAMES = "{andere gemeente}";
    private static final String MUNICIPALITY = "municipality";
    private static final String NOT_ELSEWHERE = "not-elsewhere";
    private static final String NOT_OUTSIDE = "not-outside";

    private final String source;
    private final Path base;
    private final Map<String, Phrase> phrases = new HashMap<>();
    private final Map<String, List<Phrase>> lists = new LinkedHashMap<>();
    /** Groups several rules share, by name: one object, so a page's hits of it are found once for all of them. */
    private final Map<String, Group> sharedGroups = new LinkedHashMap<>();
    private Vocabulary.Builder vocabulary;
    private int nextPhrase;

    private CatalogueReader(String source, Path base) {
        this.source = source;
        this.base = base;
    }

    /**
     * @param base the directory a reader's model file is read from; null: from the class path (the bundled catalogue)
     */
    static SignalCatalogue read(String yaml, String source, Path base) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new CatalogueException(source + ": not valid YAML" + where + ": " + e.getOriginalMessage());
        }
        return new CatalogueReader(source, base).read(root);
    }

    private SignalCatalogue read(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw fail("", "the file is empty");
        }
        if (!root.isObject()) {
            throw fail("", "expected a mapping with 'watchedHosts' and 'rules'");
        }
        onlyKeys(root, "", Set.of("watchedHosts", "wordForms", "lists", "groups", "actors", "rules", "readers"));
        Map<String, String> wordForms = wordForms(root.path("wordForms"));
        vocabulary = new Vocabulary.Builder(new DutchWords(wordForms, List.of()));
        readLists(root.path("lists"));
        readGroups(root.path("groups"));
        Set<String> ids = new HashSet<>();
        List<SignalCatalogue.WatchedHost> hosts = watchedHosts(root.path("watchedHosts"), ids);
        Actors actors = actors(root.path("actors"));
        List<PhraseRule> rules = new ArrayList<>();
        JsonNode rs = root.path("rules");
        if (!rs.isMissingNode()) {
            requireArray(rs, "rules");
            for (int i = 0; i < rs.size(); i++) {
                rules.add(rule(rs.get(i), "rules[" + i + "]", ids, actors));
            }
        }
        if (hosts.isEmpty() && rules.isEmpty()) {
            throw fail("", "no watchedHosts and no rules: the catalogue would find nothing");
        }
        List<SignalCatalogue.Reader> readers = readers(root.path("readers"), ids);
        DutchWords dutch = new DutchWords(wordForms, vocabulary.compoundHeads());
        return new SignalCatalogue(source, hosts, rules, readers, actors, vocabulary.build(dutch), nextPhrase, null,
                Map.of());
    }

    /** readers: per kind at most one model that decides it, its table beside the catalogue (or on the class path). */
    private List<SignalCatalogue.Reader> readers(JsonNode n, Set<String> ids) {
        List<SignalCatalogue.Reader> out = new ArrayList<>();
        if (n.isMissingNode()) {
            return out;
        }
        requireArray(n, "readers");
        Set<SignalKind> kinds = new HashSet<>();
        for (int i = 0; i < n.size(); i++) {
            String path = "readers[" + i + "]";
            JsonNode r = n.get(i);
            if (!r.isObject()) {
                throw fail(path, "expected a mapping with id, kind, model, requires, notTitleOrUrl, adds and confirms");
            }
            onlyKeys(r, path, Set.of("id", "kind", "model", "requires", "notTitleOrUrl", "adds", "confirms"));
            String id = text(r, path, "id");
            if (!ids.add(id)) {
                throw fail(path + ".id", "duplicate id '" + id + "'");
            }
            SignalKind kind;
            try {
                kind = SignalKind.parse(text(r, path, "kind"));
            } catch (IllegalArgumentException e) {
                throw fail(path + ".kind", e.getMessage());
            }
            if (!PHRASE_KINDS.contains(kind) || !kinds.add(kind)) {
                throw fail(path + ".kind", "a reader decides one of " + PHRASE_KINDS + ", each at most once");
            }
            String file = text(r, path, "model");
            ReaderModel model = model(file, path + ".model");
            if (model.kind() != kind) {
                throw fail(path + ".model", file + " is a model of " + model.kind() + ", not of " + kind);
            }
            List<Phrase> requires = r.has("requires") ? phrases(r.get("requires"), path + ".requires", true, true)
                    : List.of();
            List<Phrase> notTitleOrUrl = r.has("notTitleOrUrl")
                    ? phrases(r.get("notTitleOrUrl"), path + ".notTitleOrUrl", false, true) : List.of();
            JsonNode adds = r.path("adds");
            double addsFrom;
            if (adds.isMissingNode() || adds.isBoolean()) {
                addsFrom = adds.asBoolean(true) ? model.threshold() : SignalCatalogue.Reader.NEVER;
            } else if (adds.isNumber() && adds.asDouble() >= model.threshold() && adds.asDouble() <= 1) {
                addsFrom = adds.asDouble();
            } else {
                throw fail(path + ".adds", "expected true, false or a score from the model's threshold ("
                        + model.threshold() + ") to 1, found '" + adds.asText() + "'");
            }
            if (addsFrom == SignalCatalogue.Reader.NEVER && (r.has("requires") || r.has("notTitleOrUrl"))) {
                throw fail(path, "a reader that adds nothing (adds: false) has no requires or notTitleOrUrl");
            }
            JsonNode confirms = r.path("confirms");
            double confirmsFrom = model.threshold();
            if (!confirms.isMissingNode()) {
                if (!confirms.isNumber() || !(confirms.asDouble() > 0) || confirms.asDouble() > model.threshold()) {
                    throw fail(path + ".confirms", "expected a score above 0 and up to the model's threshold ("
                            + model.threshold() + "), found '" + confirms.asText() + "'");
                }
                confirmsFrom = confirms.asDouble();
            }
            out.add(new SignalCatalogue.Reader(id, model, requires, notTitleOrUrl, addsFrom, confirmsFrom));
        }
        return out;
    }

    /**
     * The model beside the catalogue's file, else the bundled one of that name: a copy of signals.yml made to try
     * other rules keeps the bundled reader without copying its table.
     */
    private ReaderModel model(String file, String path) {
        Path beside = base == null ? null : base.resolve(file);
        try (InputStream in = beside != null && Files.isRegularFile(beside) ? Files.newInputStream(beside)
                : CatalogueReader.class.getResourceAsStream("/" + file)) {
            if (in == null) {
                throw fail(path, (beside == null ? file : beside + ": file not found") + ", nor bundled");
            }
            return ReaderModel.read(new InputStreamReader(in, StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw fail(path, file + ": cannot read: " + e.getMessage());
        } catch (CatalogueException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw fail(path, e.getMessage());
        }
    }

    // ------------------------------------------------------------------ sections

    private Map<String, String> wordForms(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n.isMissingNode()) {
            return out;
        }
        if (!n.isObject()) {
            throw fail("wordForms", "expected a mapping of word forms to the form they stand for (seksuele: seksueel)");
        }
        DutchWords folding = new DutchWords(Map.of(), List.of());
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "wordForms." + e.getKey();
            if (!e.getValue().isValueNode() || e.getValue().asText().isBlank()) {
                throw fail(path, "expected one word");
            }
            out.put(oneWord(folding, e.getKey(), path), oneWord(folding, e.getValue().asText(), path));
        }
        return out;
    }

    private String oneWord(DutchWords folding, String text, String path) {
        List<String> words = folding.words(text);
        if (words.size() != 1) {
            throw fail(path, "'" + text + "' is not one word");
        }
        return words.get(0);
    }

    private void readLists(JsonNode n) {
        forEachNamed(n, "lists", "list", "phrase lists",
                (name, path, v) -> lists.put(name, phrases(v, path, true, false)));
    }

    private void readGroups(JsonNode n) {
        forEachNamed(n, "groups", "group", "groups", (name, path, v) -> sharedGroups.put(name, group(v, path, name)));
    }

    private interface NamedEntry {
        void read(String name, String path, JsonNode value);
    }

    /** The entries of a top-level mapping of names (lists, groups), each name checked before it is read. */
    private void forEachNamed(JsonNode n, String section, String what, String values, NamedEntry entry) {
        if (n.isMissingNode()) {
            return;
        }
        if (!n.isObject()) {
            throw fail(section, "expected a mapping of " + what + " names to " + values);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = section + "." + e.getKey();
            if (!LIST_NAME.matcher(e.getKey()).matches()) {
                throw fail(path, "a " + what + " name is lower-case letters, digits, '-' and '_'");
            }
            entry.read(e.getKey(), path, e.getValue());
        }
    }

    private List<SignalCatalogue.WatchedHost> watchedHosts(JsonNode wh, Set<String> ids) {
        List<SignalCatalogue.WatchedHost> hosts = new ArrayList<>();
        if (wh.isMissingNode()) {
            return hosts;
        }
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
            int word = vocabulary.id(new Vocabulary.Word(Vocabulary.Mode.CONTAINS, normal));
            Phrase hostWord = new Phrase(nextPhrase++, normal, new int[] {word});
            // an address broken at a line's end after "www." starts with a word of "www." and the host's first
            // characters ("www.seksueel" / "geweld.be"), a dot before the break left out as the words are read
            List<Phrase> brokenStarts = new ArrayList<>();
            for (int end = 1; end < normal.length(); end++) {
                if (normal.charAt(end - 1) != '.') {
                    String start = "www." + normal.substring(0, end);
                    int id = vocabulary.id(new Vocabulary.Word(Vocabulary.Mode.EXACT, start));
                    brokenStarts.add(new Phrase(nextPhrase++, start, new int[] {id}));
                }
            }
            hosts.add(new SignalCatalogue.WatchedHost(normal, link, mention, SignalCatalogue.mentionPattern(normal),
                    hostWord, brokenStarts));
        }
        return hosts;
    }

    private Actors actors(JsonNode n) {
        if (n.isMissingNode()) {
            return Actors.NONE;
        }
        if (!n.isObject()) {
            throw fail("actors", "expected a mapping with own, local, outside, others, nameParts, places, partners, "
                    + "joins, together, we and says");
        }
        onlyKeys(n, "actors", Set.of("own", "local", "outside", "others", "nameParts", "places", "partners", "joins",
                "together", "we", "says"));
        boolean[] ownName = new boolean[1];
        boolean[] otherNames = new boolean[1];
        List<Phrase> own = actorList(n, "own", OWN_NAME, ownName);
        List<Phrase> local = actorList(n, "local", null, null);
        List<Phrase> outside = actorList(n, "outside", OTHER_NAMES, otherNames);
        return new Actors(own, local, outside, actorList(n, "others", null, null), actorList(n, "nameParts", null, null),
                actorList(n, "places", null, null), actorList(n, "partners", null, null),
                actorList(n, "joins", null, null), actorList(n, "together", null, null), actorList(n, "we", null, null),
                actorList(n, "says", null, null), ownName[0], otherNames[0]);
    }

    private List<Phrase> actorList(JsonNode actors, String field, String placeholder, boolean[] seen) {
        JsonNode n = actors.path(field);
        String path = "actors." + field;
        if (n.isMissingNode()) {
            return List.of();
        }
        requireArray(n, path);
        List<Phrase> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode p = n.get(i);
            if (p.isTextual() && p.asText().strip().equals(placeholder)) {
                seen[0] = true;
            } else if (p.isTextual() && p.asText().contains("{")) {
                throw fail(path + "[" + i + "]", "unknown placeholder in '" + p.asText() + "'; "
                        + (placeholder == null ? "none is known here" : "only " + placeholder + " is known here"));
            } else {
                out.addAll(phrase(p, path + "[" + i + "]", true, true));
            }
        }
        return out;
    }

    private PhraseRule rule(JsonNode n, String path, Set<String> ids, Actors actors) {
        if (!n.isObject()) {
            throw fail(path, "expected a mapping with id, kind and allOf");
        }
        onlyKeys(n, path, Set.of("id", "kind", "description", "allOf", "titleOrUrl", "notTitleOrUrl", "exclude",
                "otherKind", "scope", "actor", "within", "aloneOnPage", "hosts"));
        String id = uniqueId(text(n, path, "id"), path + ".id", ids);
        String kindName = text(n, path, "kind");
        SignalKind kind;
        try {
            kind = SignalKind.parse(kindName);
        } catch (IllegalArgumentException e) {
            throw fail(path + ".kind", "unknown kind '" + kindName + "'; expected one of " + PHRASE_KINDS);
        }
        if (!PHRASE_KINDS.contains(kind)) {
            throw fail(path + ".kind", "phrase rules find " + PHRASE_KINDS + "; " + kind + " comes from watchedHosts");
        }
        String description = n.has("description") ? text(n, path, "description") : "";
        JsonNode allOf = n.path("allOf");
        if (allOf.isMissingNode()) {
            throw fail(path + ".allOf", "missing: give one or more groups of alternative phrases");
        }
        requireArray(allOf, path + ".allOf");
        if (allOf.isEmpty()) {
            throw fail(path + ".allOf", "empty: give one or more groups of alternative phrases");
        }
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < allOf.size(); g++) {
            groups.add(group(allOf.get(g), path + ".allOf[" + g + "]", "group " + (g + 1)));
        }
        Group titleOrUrl = n.has("titleOrUrl") ? group(n.get("titleOrUrl"), path + ".titleOrUrl", "titleOrUrl") : null;
        if (titleOrUrl != null && titleOrUrl.onPage()) {
            throw fail(path + ".titleOrUrl.onPage", "titleOrUrl is read in the title or the URL, not on the page");
        }
        List<Phrase> exclude = n.has("exclude") ? phrases(n.get("exclude"), path + ".exclude", false, true) : List.of();
        List<Phrase> notTitleOrUrl = n.has("notTitleOrUrl")
                ? phrases(n.get("notTitleOrUrl"), path + ".notTitleOrUrl", false, true) : List.of();
        List<PhraseRule.OtherKind> otherKind = n.has("otherKind") ? otherKind(n.get("otherKind"), path + ".otherKind")
                : List.of();
        SignalCatalogue.Scope scope = SignalCatalogue.Scope.BLOCK;
        if (n.has("scope")) {
            String s = text(n, path, "scope");
            try {
                scope = SignalCatalogue.Scope.valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw fail(path + ".scope", "unknown scope '" + s + "'; expected block or document");
            }
        }
        boolean actor = false;
        boolean unnamedCounts = false;
        boolean othersCount = false;
        if (n.has("actor")) {
            String a = text(n, path, "actor");
            if (!a.equals(MUNICIPALITY) && !a.equals(NOT_ELSEWHERE) && !a.equals(NOT_OUTSIDE)) {
                throw fail(path + ".actor", "unknown actor '" + a + "'; expected " + MUNICIPALITY + ", "
                        + NOT_ELSEWHERE + " or " + NOT_OUTSIDE);
            }
            if (actors.own().isEmpty() && actors.local().isEmpty() && !actors.ownName()) {
                throw fail(path + ".actor", "the catalogue has no actors (own, local) to tell the municipality by");
            }
            actor = true;
            unnamedCounts = !a.equals(MUNICIPALITY);
            othersCount = a.equals(NOT_OUTSIDE);
        }
        boolean aloneOnPage = false;
        if (n.has("aloneOnPage")) {
            JsonNode v = n.get("aloneOnPage");
            if (!v.isBoolean()) {
                throw fail(path + ".aloneOnPage", "expected true or false");
            }
            if (!actor) {
                throw fail(path + ".aloneOnPage", "only a rule with an actor asks who else the page names");
            }
            aloneOnPage = v.booleanValue();
        }
        Set<String> hosts = n.has("hosts") ? hosts(n.get("hosts"), path + ".hosts", actor, actors) : Set.of();
        PhraseRule.Within within = n.has("within") ? within(n.get("within"), path + ".within", groups) : null;
        if (within != null && scope == SignalCatalogue.Scope.DOCUMENT) {
            throw fail(path + ".within", "a document-wide rule has no block to be near in; use scope block");
        }
        // the anchor's block is where the actors and the exclusions are read: it cannot be anywhere
        if (groups.get(0).onPage() && titleOrUrl == null) {
            throw fail(path + ".allOf[0].onPage", "the first group names the action and its block; it cannot be onPage");
        }
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).onPage() && scope == SignalCatalogue.Scope.DOCUMENT) {
                throw fail(path + ".allOf[" + g + "].onPage", "in a document-wide rule every group is on the page already");
            }
            if (groups.get(g).onPage() && within != null && (within.first() == g || within.second() == g)) {
                throw fail(path + ".within", "group '" + groups.get(g).name() + "' is onPage: it has no block to be near in");
            }
        }
        return new PhraseRule(id, kind, description, groups, titleOrUrl, notTitleOrUrl, exclude, otherKind, scope,
                actor, unnamedCounts, othersCount, within, aloneOnPage, hosts);
    }

    /** hosts: phrases of actors.others, as written there, that a rule's measure is taken at. */
    private Set<String> hosts(JsonNode n, String path, boolean actor, Actors actors) {
        if (!actor) {
            throw fail(path, "only a rule with an actor asks who acts; give the rule an actor first");
        }
        requireArray(n, path);
        Set<String> others = new HashSet<>();
        actors.others().forEach(p -> others.add(p.source()));
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode h = n.get(i);
            if (!h.isTextual() || !others.contains(h.asText().trim())) {
                throw fail(path + "[" + i + "]", "'" + h.asText() + "' is not one of actors.others (written as there)");
            }
            out.add(h.asText().trim());
        }
        return out;
    }

    /**
     * otherKind: a list of phrases (within {@link PhraseRule#OTHER_KIND_WORDS} of the anchor), a mapping with words
     * and any, or a list that mixes phrases and such mappings (each mapping with its own distance).
     */
    private List<PhraseRule.OtherKind> otherKind(JsonNode o, String path) {
        if (o.isObject()) {
            return List.of(otherKindMapping(o, path));
        }
        requireArray(o, path);
        List<PhraseRule.OtherKind> out = new ArrayList<>();
        List<Phrase> plain = new ArrayList<>();
        for (int i = 0; i < o.size(); i++) {
            if (o.get(i).isObject()) {
                out.add(otherKindMapping(o.get(i), path + "[" + i + "]"));
            } else {
                plain.addAll(phrase(o.get(i), path + "[" + i + "]", true, false));
            }
        }
        if (!plain.isEmpty()) {
            out.add(0, new PhraseRule.OtherKind(PhraseRule.OTHER_KIND_WORDS, plain));
        }
        return out;
    }

    private PhraseRule.OtherKind otherKindNear(JsonNode o, String path) {
        Counted near = counted(o, path, "words");
        return new PhraseRule.OtherKind(near.count(), near.any());
    }

    /** An otherKind mapping: words and any as {@link #otherKindNear}, and optionally unlessOnPage. */
    private PhraseRule.OtherKind otherKindMapping(JsonNode o, String path) {
        Counted near = counted(o, path, "words", "unlessOnPage");
        List<Phrase> unless = o.has("unlessOnPage")
                ? phrases(o.get("unlessOnPage"), path + ".unlessOnPage", true, true) : List.of();
        return new PhraseRule.OtherKind(near.count(), near.any(), unless);
    }

    /** Phrases with how far they reach: {words: 8, any: [...]}, {sentences: 1, any: [...]}. */
    private record Counted(int count, List<Phrase> any) {
    }

    private Counted counted(JsonNode o, String path, String unit, String... optional) {
        Set<String> allowed = new HashSet<>(List.of(optional));
        allowed.add(unit);
        allowed.add("any");
        onlyKeys(o, path, allowed);
        JsonNode n = o.get(unit);
        if (n == null || !n.canConvertToInt() || n.asInt() < 0) {
            throw fail(path + "." + unit, "expected a number of " + unit + " (0 or more)");
        }
        if (!o.has("any")) {
            throw fail(path + ".any", "missing: give the phrases");
        }
        return new Counted(n.asInt(), phrases(o.get("any"), path + ".any", true, true));
    }

    /** within: {words: 12, of: [maatregel, setting]}, optionally paragraph: true; two named groups of allOf. */
    private PhraseRule.Within within(JsonNode n, String path, List<Group> groups) {
        if (!n.isObject()) {
            throw fail(path, "expected a mapping with words, of (two group names) and optionally paragraph");
        }
        onlyKeys(n, path, Set.of("words", "of", "paragraph"));
        JsonNode paragraph = n.path("paragraph");
        if (!paragraph.isMissingNode() && !paragraph.isBoolean()) {
            throw fail(path + ".paragraph", "expected true or false");
        }
        JsonNode words = n.get("words");
        if (words == null || !words.canConvertToInt() || words.asInt() < 0) {
            throw fail(path + ".words", "expected a number of words (0 or more)");
        }
        JsonNode of = n.path("of");
        if (!of.isArray() || of.size() != 2) {
            throw fail(path + ".of", "expected the names of two groups of allOf");
        }
        int[] idx = new int[2];
        for (int i = 0; i < 2; i++) {
            String name = of.get(i).asText();
            idx[i] = -1;
            for (int g = 0; g < groups.size(); g++) {
                if (groups.get(g).name().equals(name)) {
                    idx[i] = g;
                }
            }
            if (idx[i] < 0) {
                throw fail(path + ".of[" + i + "]", "no group named '" + name + "' in allOf; groups are "
                        + groups.stream().map(Group::name).toList());
            }
        }
        if (idx[0] == idx[1]) {
            throw fail(path + ".of", "name two different groups");
        }
        return new PhraseRule.Within(words.asInt(), idx[0], idx[1], paragraph.asBoolean(false));
    }

    /** A group: a list of phrases, a mapping with name, any and notIn, or "@name" of one under groups. */
    private Group group(JsonNode n, String path, String defaultName) {
        if (n.isTextual() && n.asText().startsWith("@")) {
            Group shared = sharedGroups.get(n.asText().substring(1));
            if (shared == null) {
                throw fail(path, "unknown group '" + n.asText() + "'; groups are " + new TreeSet<>(sharedGroups.keySet()));
            }
            return shared;
        }
        if (n.isArray()) {
            return new Group(defaultName, phrases(n, path, true, true), List.of());
        }
        if (!n.isObject()) {
            throw fail(path, "expected a list of phrases, a mapping with name, any and notIn, or '@' and a name under groups");
        }
        onlyKeys(n, path, Set.of("name", "any", "notIn", "notInSentence", "notNear", "onPage", "notInFigures",
                "notInQuestion", "notNearSentences", "notInOutsideSentence"));
        String name = n.has("name") ? text(n, path, "name") : defaultName;
        if (!n.has("any")) {
            throw fail(path + ".any", "missing: give the alternative phrases");
        }
        List<Phrase> any = phrases(n.get("any"), path + ".any", true, true);
        List<Phrase> notIn = n.has("notIn") ? phrases(n.get("notIn"), path + ".notIn", false, true) : List.of();
        List<Phrase> notInSentence = n.has("notInSentence")
                ? phrases(n.get("notInSentence"), path + ".notInSentence", false, true) : List.of();
        Group.NotNear notNear = n.has("notNear") ? notNear(n.get("notNear"), path + ".notNear") : null;
        Group.NotNearSentences around = n.has("notNearSentences")
                ? notNearSentences(n.get("notNearSentences"), path + ".notNearSentences") : null;
        return new Group(name, any, notIn, notInSentence, flag(n, path, "onPage"), notNear, flag(n, path, "notInFigures"),
                flag(n, path, "notInQuestion"), around, flag(n, path, "notInOutsideSentence"));
    }

    /** An optional true/false key of a mapping; false when it is missing. */
    private boolean flag(JsonNode n, String path, String key) {
        JsonNode value = n.path(key);
        if (!value.isMissingNode() && !value.isBoolean()) {
            throw fail(path + "." + key, "expected true or false, found '" + value.asText() + "'");
        }
        return value.asBoolean(false);
    }

    /** notNear: {words: 6, any: [...]}, phrases that make a group's hit not count that close to it. */
    private Group.NotNear notNear(JsonNode n, String path) {
        if (!n.isObject()) {
            throw fail(path, "expected a mapping with words and any");
        }
        PhraseRule.OtherKind near = otherKindNear(n, path);
        return new Group.NotNear(near.words(), near.any());
    }

    /** notNearSentences: {sentences: 1, any: [...]}, phrases that make a hit not count in or that near its sentence. */
    private Group.NotNearSentences notNearSentences(JsonNode n, String path) {
        if (!n.isObject()) {
            throw fail(path, "expected a mapping with sentences and any");
        }
        Counted around = counted(n, path, "sentences");
        return new Group.NotNearSentences(around.count(), around.any());
    }

    // ------------------------------------------------------------------ phrases

    private List<Phrase> phrases(JsonNode n, String path, boolean nonEmpty, boolean listsAllowed) {
        requireArray(n, path);
        if (nonEmpty && n.isEmpty()) {
            throw fail(path, "empty list of phrases");
        }
        List<Phrase> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String where = path + "[" + i + "]";
            JsonNode p = n.get(i);
            if (p.isTextual() && p.asText().strip().startsWith("@")) {
                if (!listsAllowed) {
                    throw fail(where, "a list cannot include another list ('" + p.asText().strip() + "')");
                }
                out.addAll(list(p.asText().strip().substring(1), where));
            } else {
                out.addAll(phrase(p, where, false, false));
            }
        }
        return out;
    }

    private List<Phrase> list(String name, String where) {
        List<Phrase> l = lists.get(name);
        if (l == null) {
            throw fail(where, "unknown list '@" + name + "'; lists are " + new TreeSet<>(lists.keySet()));
        }
        return l;
    }

    /** One phrase; actor phrases match their words exactly unless marked, the others in all their forms. */
    private List<Phrase> phrase(JsonNode p, String where, boolean listsAllowed, boolean exact) {
        if (!p.isTextual() && !p.isNumber()) {
            throw fail(where, "expected a phrase (text)");
        }
        String text = p.asText().strip();
        if (listsAllowed && text.startsWith("@")) {
            return list(text.substring(1), where);
        }
        String key = (exact ? "=" : "~") + text;
        Phrase known = phrases.get(key);
        if (known != null) {
            return List.of(known);
        }
        try {
            Phrase phrase = new Phrase(nextPhrase, text, vocabulary.phrase(text, exact));
            nextPhrase++;
            phrases.put(key, phrase);
            return List.of(phrase);
        } catch (IllegalArgumentException e) {
            throw fail(where, e.getMessage());
        }
    }

    // ------------------------------------------------------------------ fields

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
                        "unknown field; expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    private CatalogueException fail(String path, String message) {
        return new CatalogueException(source + (path.isEmpty() ? "" : ": " + path) + ": " + message);
    }
}
