package be.lokaalsignaal.scan.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalogue's phrases as they are read: each written phrase numbered once, however many rules name it (so a
 * page's hits of it are found once), and the named lists ("@thema") that rules and later lists include.
 */
final class CataloguePhrases {

    private final CatalogueFields fields;
    private final Vocabulary.Builder vocabulary;
    private final Map<String, Phrase> phrases = new HashMap<>();
    private final Map<String, List<Phrase>> lists = new LinkedHashMap<>();
    /** Every list the catalogue names, read or not yet: a list may include only those read before it. */
    private final Set<String> declared = new HashSet<>();
    private int next;

    CataloguePhrases(CatalogueFields fields, Vocabulary.Builder vocabulary) {
        this.fields = fields;
        this.vocabulary = vocabulary;
    }

    /** How many phrases were numbered: the next free number. */
    int count() {
        return next;
    }

    void declareLists(Collection<String> names) {
        declared.addAll(names);
    }

    void addList(String name, List<Phrase> phrases) {
        lists.put(name, phrases);
    }

    /** A phrase of one word of the vocabulary, numbered on its own (a watched host and its broken forms). */
    Phrase word(String text, Vocabulary.Word word) {
        return new Phrase(next++, text, new int[] {vocabulary.id(word)});
    }

    List<Phrase> phrases(JsonNode n, String path, boolean nonEmpty) {
        fields.requireArray(n, path);
        if (nonEmpty && n.isEmpty()) {
            throw fields.fail(path, "empty list of phrases");
        }
        List<Phrase> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            out.addAll(phrase(n.get(i), path + "[" + i + "]", true, false));
        }
        return out;
    }

    /** One phrase; actor phrases match their words exactly unless marked, the others in all their forms. */
    List<Phrase> phrase(JsonNode p, String where, boolean listsAllowed, boolean exact) {
        if (!p.isTextual() && !p.isNumber()) {
            throw fields.fail(where, "expected a phrase (text)");
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
            Phrase phrase = new Phrase(next, text, vocabulary.phrase(text, exact));
            next++;
            phrases.put(key, phrase);
            return List.of(phrase);
        } catch (IllegalArgumentException e) {
            throw fields.fail(where, e.getMessage());
        }
    }

    private List<Phrase> list(String name, String where) {
        List<Phrase> l = lists.get(name);
        if (l == null && declared.contains(name)) {
            // read in order, so no list can end up including itself
            throw fields.fail(where, "list '@" + name + "' is this list or comes after it: a list may include only the "
                    + "lists above it");
        }
        if (l == null) {
            throw fields.fail(where, "unknown list '@" + name + "'; lists are " + new TreeSet<>(declared));
        }
        return l;
    }
}
