package be.lokaalsignaal.scan.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * Every word the catalogue's phrases are made of, each with a number, and which of them a word of a page is.
 * A page word is looked up once per distinct word (cached): stemming is the costly part of reading a page.
 * Immutable once built, apart from the cache; thread-safe.
 */
final class Vocabulary {

    /** How a catalogue word matches a word of the page (see the header of signals.yml). */
    enum Mode {
        /** any inflected form: the Dutch stems are equal (campagne, campagnes) */
        FORMS,
        /** any form, also as the last part of a compound (campagne, affichecampagnes) */
        COMPOUND,
        /** the folded word starts with the text (fuif* finds fuifzaal) */
        PREFIX,
        /** the folded word contains the text anywhere */
        CONTAINS,
        /** exactly this folded word (=jongere does not find jongeren) */
        EXACT
    }

    /** One catalogue word; text is a stem for FORMS and COMPOUND, a folded word otherwise. */
    record Word(Mode mode, String text) {
    }

    private static final int[] NONE = new int[0];
    /** Distinct words kept in the shared cache before it starts afresh: a bound on memory over a long crawl. */
    private static final int MAX_CACHED = 200_000;
    /** Distinct words each thread keeps at hand: a page's words are mostly the last pages' words. */
    private static final int MAX_THREAD_CACHED = 30_000;

    private final DutchWords dutch;
    private final List<Word> words;
    private final Map<String, int[]> exact;
    private final Map<String, int[]> stems;
    private final Map<String, int[]> heads;
    private final List<Integer> affixes;
    /** The texts of every catalogue word but the ones found anywhere in a word, sorted: what a word may start as. */
    private final String[] beginnings;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();
    private final ThreadLocal<CharArrayMap<int[]>> local =
            ThreadLocal.withInitial(() -> new CharArrayMap<>(4096, false));

    private Vocabulary(DutchWords dutch, List<Word> words) {
        this.dutch = dutch;
        this.words = List.copyOf(words);
        Map<String, List<Integer>> exact = new HashMap<>();
        Map<String, List<Integer>> stems = new HashMap<>();
        Map<String, List<Integer>> heads = new HashMap<>();
        List<Integer> affixes = new ArrayList<>();
        for (int id = 0; id < words.size(); id++) {
            Word w = words.get(id);
            switch (w.mode()) {
                case EXACT -> exact.computeIfAbsent(w.text(), k -> new ArrayList<>()).add(id);
                case FORMS -> stems.computeIfAbsent(w.text(), k -> new ArrayList<>()).add(id);
                case COMPOUND -> heads.computeIfAbsent(w.text(), k -> new ArrayList<>()).add(id);
                case PREFIX, CONTAINS -> affixes.add(id);
            }
        }
        this.exact = ids(exact);
        this.stems = ids(stems);
        this.heads = ids(heads);
        this.affixes = List.copyOf(affixes);
        this.beginnings = words.stream().filter(w -> w.mode() != Mode.CONTAINS).map(Word::text).distinct().sorted()
                .toArray(String[]::new);
    }

    private static Map<String, int[]> ids(Map<String, List<Integer>> lists) {
        Map<String, int[]> out = new HashMap<>();
        lists.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    int size() {
        return words.size();
    }

    /** Forgets the words looked up so far (the shared cache and this thread's), as if no page had been read. */
    void forget() {
        cache.clear();
        local.get().clear();
    }

    Word word(int id) {
        return words.get(id);
    }

    DutchWords dutch() {
        return dutch;
    }

    /**
     * The catalogue words that a folded page word is, in increasing order; an empty array for most words. Looked up
     * in the thread's own words first, without making a String of the word.
     */
    int[] match(char[] word, int length) {
        CharArrayMap<int[]> mine = local.get();
        int[] ids = mine.get(word, 0, length);
        if (ids == null) {
            String w = new String(word, 0, length);
            ids = match(w);
            if (mine.size() >= MAX_THREAD_CACHED) {
                mine.clear();
            }
            mine.put(w, ids);
        }
        return ids;
    }

    /**
     * Whether a catalogue word may continue this folded first part of a broken word ("straat" of "straat- ...
     * intimidatie"): a catalogue word (its stem) starts with it, or it starts with a word matched as a prefix ("fuif"
     * of "fuif*"). Most parts a hyphen ends are not, and a page need not look further for their rest.
     */
    boolean mayContinue(String part) {
        int at = Arrays.binarySearch(beginnings, part);
        if (at >= 0 || -at - 1 < beginnings.length && beginnings[-at - 1].startsWith(part)) {
            return true;
        }
        for (int id : affixes) {
            Word w = words.get(id);
            if (w.mode() == Mode.PREFIX && part.startsWith(w.text())) {
                return true;
            }
        }
        return false;
    }

    /** The catalogue words that a folded page word is, in increasing order; an empty array for most words. */
    int[] match(String word) {
        int[] ids = cache.get(word);
        if (ids == null) {
            ids = compute(word);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(word, ids);
        }
        return ids;
    }

    private int[] compute(String word) {
        int[] out = new int[4];
        int n = 0;
        int[] e = exact.get(word);
        if (e != null) {
            for (int id : e) {
                out = add(out, n++, id);
            }
        }
        if (!stems.isEmpty() || !heads.isEmpty()) {
            DutchWords.Forms forms = dutch.forms(word);
            for (int id : stems.getOrDefault(forms.stem(), NONE)) {
                out = add(out, n++, id);
            }
            for (int id : heads.getOrDefault(forms.stem(), NONE)) {
                out = add(out, n++, id);
            }
            for (String head : forms.heads()) {
                for (int id : heads.getOrDefault(head, NONE)) {
                    out = add(out, n++, id);
                }
            }
        }
        for (int id : affixes) {
            Word w = words.get(id);
            if (w.mode() == Mode.PREFIX ? word.startsWith(w.text()) : word.contains(w.text())) {
                out = add(out, n++, id);
            }
        }
        if (n == 0) {
            return NONE;
        }
        int[] ids = Arrays.copyOf(out, n);
        Arrays.sort(ids);
        return ids;
    }

    private static int[] add(int[] out, int n, int id) {
        int[] o = n == out.length ? Arrays.copyOf(out, n * 2) : out;
        o[n] = id;
        return o;
    }

    /** Collects catalogue words while a catalogue is read, and turns phrases into word numbers. */
    static final class Builder {
        private final DutchWords dutch;
        private final Map<Word, Integer> ids = new LinkedHashMap<>();

        Builder(DutchWords dutch) {
            this.dutch = dutch;
        }

        /** Continues from the words of a built vocabulary (same numbers). */
        Builder(Vocabulary base) {
            this.dutch = base.dutch;
            for (Word w : base.words) {
                ids.put(w, ids.size());
            }
        }

        int id(Word w) {
            return ids.computeIfAbsent(w, k -> ids.size());
        }

        /**
         * A phrase of the catalogue: words separated by spaces, each matched in all its forms unless marked
         * (or exactly, when exactByDefault: actor phrases): {@code =word} exactly, {@code *word} also as the end of
         * a compound, {@code word*} as a prefix, {@code *word*} anywhere in a word.
         *
         * @throws IllegalArgumentException with a short reason when the phrase cannot be matched
         */
        int[] phrase(String phrase, boolean exactByDefault) {
            List<Integer> out = new ArrayList<>();
            for (String token : phrase.strip().split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                boolean exactly = token.startsWith("=");
                String w = exactly ? token.substring(1) : token;
                boolean leading = w.startsWith("*");
                boolean trailing = w.length() > 1 && w.endsWith("*");
                String inner = w.substring(leading ? 1 : 0, w.length() - (trailing ? 1 : 0));
                if (inner.indexOf('*') >= 0 || exactly && (leading || trailing)) {
                    throw new IllegalArgumentException(exactly && inner.indexOf('*') < 0
                            ? "'=' and '*' cannot mark the same word, in '" + phrase + "'"
                            : "'*' may only start or end a word, in '" + phrase + "'");
                }
                List<String> folded = dutch.words(inner);
                if (folded.isEmpty()) {
                    continue;
                }
                boolean marked = exactly || leading || trailing;
                if (marked && folded.size() > 1) {
                    throw new IllegalArgumentException("'" + token + "' is read as " + folded.size()
                            + " words " + folded + "; '=' and '*' mark a single word, in '" + phrase + "'");
                }
                for (String f : folded) {
                    Mode mode = exactly || exactByDefault && !leading && !trailing ? Mode.EXACT
                            : leading && trailing ? Mode.CONTAINS
                            : trailing ? Mode.PREFIX
                            : leading ? Mode.COMPOUND
                            : Mode.FORMS;
                    String text = mode == Mode.FORMS || mode == Mode.COMPOUND ? dutch.stemOf(f) : f;
                    out.add(id(new Word(mode, text)));
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("phrase '" + phrase + "' has no letters or digits");
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The words of a name, each exactly as written (folded). */
        int[] exactWords(String text) {
            List<String> folded = dutch.words(text);
            return folded.stream().mapToInt(f -> id(new Word(Mode.EXACT, f))).toArray();
        }

        /** The folded words of compound heads, for the final word analysis. */
        List<String> compoundHeads() {
            return ids.keySet().stream().filter(w -> w.mode() == Mode.COMPOUND).map(Word::text).toList();
        }

        Vocabulary build(DutchWords finalWords) {
            return new Vocabulary(finalWords, new ArrayList<>(ids.keySet()));
        }
    }
}
