package be.lokaalsignaal.scan.rules;

import be.lokaalsignaal.scan.url.Urls;
import be.lokaalsignaal.topics.SignalKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private static final String MUNICIPALITY = "municipality";
    private static final String NOT_ELSEWHERE = "not-elsewhere";
    private static final String NOT_OUTSIDE = "not-outside";

    private final CatalogueFields fields;
    private final Path base;
    /** Groups several rules share, by name: one object, so a page's hits of it are found once for all of them. */
    private final Map<String, Group> sharedGroups = new LinkedHashMap<>();
    private CataloguePhrases phrases;

    private CatalogueReader(String source, Path base) {
        this.fields = new CatalogueFields(source);
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
        fields.onlyKeys(root, "", Set.of("watchedHosts", "wordForms", "lists", "groups", "actors", "rules", "readers"));
        Map<String, String> wordForms = wordForms(root.path("wordForms"));
        Vocabulary.Builder vocabulary = new Vocabulary.Builder(new DutchWords(wordForms, List.of()));
        phrases = new CataloguePhrases(fields, vocabulary);
        readLists(root.path("lists"));
        readGroups(root.path("groups"));
        Set<String> ids = new HashSet<>();
        List<SignalCatalogue.WatchedHost> hosts = watchedHosts(root.path("watchedHosts"), ids);
        Actors actors = new ActorSection(fields, phrases).read(root.path("actors"));
        List<PhraseRule> rules = new ArrayList<>();
        JsonNode rs = root.path("rules");
        if (!rs.isMissingNode()) {
            fields.requireArray(rs, "rules");
            for (int i = 0; i < rs.size(); i++) {
                rules.add(rule(rs.get(i), "rules[" + i + "]", ids, actors));
            }
        }
        if (hosts.isEmpty() && rules.isEmpty()) {
            throw fail("", "no watchedHosts and no rules: the catalogue would find nothing");
        }
        List<SignalCatalogue.Reader> readers =
                new ReaderSection(fields, phrases, base, PHRASE_KINDS).read(root.path("readers"), ids);
        DutchWords dutch = new DutchWords(wordForms, vocabulary.compoundHeads());
        return new SignalCatalogue(fields.source(), hosts, rules, readers, actors, vocabulary.build(dutch),
                phrases.count(), null, Map.of());
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
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            phrases.declareLists(names);
        }
        forEachNamed(n, "lists", "list", "phrase lists",
                (name, path, v) -> phrases.addList(name, phrases.phrases(v, path, true)));
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
        fields.requireArray(wh, "watchedHosts");
        for (int i = 0; i < wh.size(); i++) {
            String path = "watchedHosts[" + i + "]";
            JsonNode n = wh.get(i);
            if (!n.isObject()) {
                throw fail(path, "expected a mapping with host, linkRule and mentionRule");
            }
            fields.onlyKeys(n, path, Set.of("host", "linkRule", "mentionRule"));
            String host = fields.text(n, path, "host");
            String normal = Urls.normaliseHost(host);
            if (normal == null || !normal.contains(".") || host.contains("/")) {
                throw fail(path + ".host", "'" + host + "' is not a host name (write e.g. seksueelgeweld.be)");
            }
            normal = Urls.bareHost(normal);
            String link = uniqueId(fields.text(n, path, "linkRule"), path + ".linkRule", ids);
            String mention = uniqueId(fields.text(n, path, "mentionRule"), path + ".mentionRule", ids);
            Phrase hostWord = phrases.word(normal, new Vocabulary.Word(Vocabulary.Mode.CONTAINS, normal));
            // an address broken at a line's end after "www." starts with a word of "www." and the host's first
            // characters ("www.seksueel" / "geweld.be"), a dot before the break left out as the words are read
            List<Phrase> brokenStarts = new ArrayList<>();
            for (int end = 1; end < normal.length(); end++) {
                if (normal.charAt(end - 1) != '.') {
                    String start = "www." + normal.substring(0, end);
                    brokenStarts.add(phrases.word(start, new Vocabulary.Word(Vocabulary.Mode.EXACT, start)));
                }
            }
            // one broken without "www." is found by its rest, a word no sentence has ("ld.be", "geweld.be")
            List<Phrase> brokenRests = new ArrayList<>();
            for (int start = 1; start < normal.indexOf('.'); start++) {
                String rest = normal.substring(start);
                brokenRests.add(phrases.word(rest, new Vocabulary.Word(Vocabulary.Mode.EXACT, rest)));
            }
            hosts.add(new SignalCatalogue.WatchedHost(normal, link, mention, WatchedHostMatcher.mentionPattern(normal),
                    hostWord, brokenStarts, brokenRests));
        }
        return hosts;
    }

    private PhraseRule rule(JsonNode n, String path, Set<String> ids, Actors actors) {
        if (!n.isObject()) {
            throw fail(path, "expected a mapping with id, kind and allOf");
        }
        fields.onlyKeys(n, path, Set.of("id", "kind", "description", "allOf", "titleOrUrl", "notTitleOrUrl", "exclude",
                "otherKind", "scope", "actor", "within", "aloneOnPage", "hosts"));
        String id = uniqueId(fields.text(n, path, "id"), path + ".id", ids);
        String kindName = fields.text(n, path, "kind");
        SignalKind kind;
        try {
            kind = SignalKind.parse(kindName);
        } catch (IllegalArgumentException e) {
            throw fail(path + ".kind", "unknown kind '" + kindName + "'; expected one of " + PHRASE_KINDS);
        }
        if (!PHRASE_KINDS.contains(kind)) {
            throw fail(path + ".kind", "phrase rules find " + PHRASE_KINDS + "; " + kind + " comes from watchedHosts");
        }
        String description = n.has("description") ? fields.text(n, path, "description") : "";
        JsonNode allOf = n.path("allOf");
        if (allOf.isMissingNode()) {
            throw fail(path + ".allOf", "missing: give one or more groups of alternative phrases");
        }
        fields.requireArray(allOf, path + ".allOf");
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
        List<Phrase> exclude = n.has("exclude")
                ? phrases.phrases(n.get("exclude"), path + ".exclude", false) : List.of();
        List<Phrase> notTitleOrUrl = n.has("notTitleOrUrl")
                ? phrases.phrases(n.get("notTitleOrUrl"), path + ".notTitleOrUrl", false) : List.of();
        List<PhraseRule.OtherKind> otherKind = n.has("otherKind") ? otherKind(n.get("otherKind"), path + ".otherKind")
                : List.of();
        SignalCatalogue.Scope scope = SignalCatalogue.Scope.BLOCK;
        if (n.has("scope")) {
            String s = fields.text(n, path, "scope");
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
            String a = fields.text(n, path, "actor");
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
        fields.requireArray(n, path);
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
        fields.requireArray(o, path);
        List<PhraseRule.OtherKind> out = new ArrayList<>();
        List<Phrase> plain = new ArrayList<>();
        for (int i = 0; i < o.size(); i++) {
            if (o.get(i).isObject()) {
                out.add(otherKindMapping(o.get(i), path + "[" + i + "]"));
            } else {
                plain.addAll(phrases.phrase(o.get(i), path + "[" + i + "]", true, false));
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
                ? phrases.phrases(o.get("unlessOnPage"), path + ".unlessOnPage", true) : List.of();
        return new PhraseRule.OtherKind(near.count(), near.any(), unless);
    }

    /** Phrases with how far they reach: {words: 8, any: [...]}, {sentences: 1, any: [...]}. */
    private record Counted(int count, List<Phrase> any) {
    }

    private Counted counted(JsonNode o, String path, String unit, String... optional) {
        Set<String> allowed = new HashSet<>(List.of(optional));
        allowed.add(unit);
        allowed.add("any");
        fields.onlyKeys(o, path, allowed);
        JsonNode n = o.get(unit);
        if (n == null || !n.canConvertToInt() || n.asInt() < 0) {
            throw fail(path + "." + unit, "expected a number of " + unit + " (0 or more)");
        }
        if (!o.has("any")) {
            throw fail(path + ".any", "missing: give the phrases");
        }
        return new Counted(n.asInt(), phrases.phrases(o.get("any"), path + ".any", true));
    }

    /** within: {words: 12, of: [maatregel, setting]}, optionally paragraph: true; two named groups of allOf. */
    private PhraseRule.Within within(JsonNode n, String path, List<Group> groups) {
        if (!n.isObject()) {
            throw fail(path, "expected a mapping with words, of (two group names) and optionally paragraph");
        }
        fields.onlyKeys(n, path, Set.of("words", "of", "paragraph"));
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
            return new Group(defaultName, phrases.phrases(n, path, true), List.of());
        }
        if (!n.isObject()) {
            throw fail(path, "expected a list of phrases, a mapping with name, any and notIn, or '@' and a name under groups");
        }
        fields.onlyKeys(n, path, Set.of("name", "any", "notIn", "notInSentence", "notNear", "onPage", "notInFigures",
                "notInQuestion", "notNearSentences", "notInOutsideSentence"));
        String name = n.has("name") ? fields.text(n, path, "name") : defaultName;
        if (!n.has("any")) {
            throw fail(path + ".any", "missing: give the alternative phrases");
        }
        List<Phrase> any = phrases.phrases(n.get("any"), path + ".any", true);
        List<Phrase> notIn = n.has("notIn") ? phrases.phrases(n.get("notIn"), path + ".notIn", false) : List.of();
        List<Phrase> notInSentence = n.has("notInSentence")
                ? phrases.phrases(n.get("notInSentence"), path + ".notInSentence", false) : List.of();
        Group.NotNear notNear = n.has("notNear") ? notNear(n.get("notNear"), path + ".notNear") : null;
        Group.NotNearSentences around = n.has("notNearSentences")
                ? notNearSentences(n.get("notNearSentences"), path + ".notNearSentences") : null;
        return new Group(name, any, notIn, notInSentence, fields.flag(n, path, "onPage"), notNear,
                fields.flag(n, path, "notInFigures"), fields.flag(n, path, "notInQuestion"), around,
                fields.flag(n, path, "notInOutsideSentence"));
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

    // ------------------------------------------------------------------ fields

    private String uniqueId(String id, String path, Set<String> ids) {
        if (!ids.add(id)) {
            throw fail(path, "rule id '" + id + "' is used twice");
        }
        return id;
    }

    private CatalogueException fail(String path, String message) {
        return fields.fail(path, message);
    }
}
