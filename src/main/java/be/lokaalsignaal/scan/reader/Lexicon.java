package be.lokaalsignaal.scan.reader;

import be.lokaalsignaal.scan.extract.PageContent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words and pairs of words some readers weigh, numbered, and a page cut into those numbers once for all of them:
 * the words as {@link PageTerms} cuts them, but looked up while they are cut, without making a string of every word
 * (on a page of several megabytes the strings and their second pass for a hash cost more than the rest of a reading),
 * and the page's words and pairs listed once each, so that every reader only adds up its weights (each looking up
 * every neighbouring pair in its own table cost more than the cut on a page of 20 KB). Immutable and thread-safe;
 * {@link #OWN} is always word 0.
 */
public final class Lexicon {

    /** The number of {@link PageTerms#OWN}, the municipality's own name. */
    public static final int OWN = 0;
    /** A word no reader weighs (it still counts in the page's length, and breaks a pair). */
    public static final int UNKNOWN = -1;

    private final String[] words;
    private final char[][] keys;
    private final int[] hashes;
    /** Open addressing: the number of a word plus one at the slot its hash leads to, 0 where free. */
    private final int[] table;
    private final int mask;
    /**
     * The words of up to {@value #PACKED} ASCII letters and digits (nearly all words) once more, each its own key:
     * seven bits a character in two longs, side by side in one array. Found without following a reference to the
     * word's characters, which on a page of thousands of words costs more than cutting them.
     */
    private final long[] packedKeys;
    private final int[] packedIds;
    private final int packedMask;
    /** Each word's language where it tells one ({@link PageLanguage#languages}). */
    private final byte[] languages;
    /**
     * The pairs of words it numbers, and where to find them by the words' numbers: open addressing, each slot the pair's
     * key (the two words' numbers, 20 bits each) and its number plus one (24 bits) in one long, so that a look-up reads
     * one array, not two.
     */
    private final String[] pairs;
    private final long[] pairTable;
    private final int pairMask;
    /** Most neighbouring words make no pair it numbers: asked first, these spare the look-up. */
    private final boolean[] firstOfPair;
    private final boolean[] secondOfPair;

    /** The most characters of a word packed into two longs. */
    static final int PACKED = 18;
    private static final int HALF = PACKED / 2;

    /**
     * A page's words as numbers, title first, and where each paragraph starts among them.
     *
     * @param ids       every word of the page in order, {@link #UNKNOWN} for one the lexicon lacks; the municipality's
     *                  name, of one word or several, as the one word {@link #OWN}; a word of that name the lexicon
     *                  lacks numbered from {@link #size()} on
     * @param starts    where each paragraph's words start in ids (the title, if any, is the first paragraph); a pair
     *                  of words never spans two
     * @param paragraphs how many paragraphs, title included
     * @param words     how many words the page has, the name counted as one; on a cut stopped part-way
     *                  ({@link #whole()} false) more than the most it was asked for, but fewer than the page has
     * @param whole     whether the whole page was cut
     * @param terms     the words and pairs of words ({@link #pair}) of a whole cut that the lexicon numbers, each once,
     *                  in the order they first occur (a pair where its second word stands): a word by its number, a
     *                  pair as -(its number + 1). Found once here for all the readers that share the lexicon; each
     *                  adds up the weights of its own in this order. Empty on a cut stopped part-way.
     * @param foreign   whether a whole cut's page is written in another language than Dutch ({@link PageLanguage}),
     *                  told once here for all the readers; false on a cut stopped part-way
     */
    public record Cut(Lexicon lexicon, int[] ids, int[] starts, int paragraphs, int words, boolean whole,
                      int[] terms, boolean foreign) {

        /** The end in ids of paragraph i. */
        public int end(int i) {
            return i + 1 < paragraphs ? starts[i + 1] : words;
        }
    }

    /**
     * @param terms the readers' terms: a word, or a pair of two words with one space between them (both its words are
     *              numbered as well)
     */
    public Lexicon(Collection<String> terms) {
        Set<String> all = new LinkedHashSet<>();
        all.add(PageTerms.OWN);
        // numbered whether a reader weighs them or not: they tell a page's language (PageLanguage)
        all.addAll(PageLanguage.DUTCH);
        all.addAll(PageLanguage.FOREIGN);
        List<String> pairTerms = new ArrayList<>();
        for (String term : terms) {
            int space = term.indexOf(' ');
            if (space < 0) {
                all.add(term);
            } else {
                all.add(term.substring(0, space));
                all.add(term.substring(space + 1));
                pairTerms.add(term);
            }
        }
        this.words = all.toArray(new String[0]);
        this.keys = new char[this.words.length][];
        this.hashes = new int[this.words.length];
        int capacity = Integer.highestOneBit(Math.max(4, this.words.length * 2) - 1) << 1;
        this.table = new int[capacity];
        this.mask = capacity - 1;
        this.packedKeys = new long[2 * capacity];
        this.packedIds = new int[capacity];
        this.packedMask = capacity - 1;
        for (int i = 0; i < this.words.length; i++) {
            keys[i] = this.words[i].toCharArray();
            hashes[i] = this.words[i].hashCode();
            int slot = hashes[i] & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
            if (packs(keys[i])) {
                long lo = half(keys[i], 0);
                long hi = half(keys[i], HALF);
                int p = packedSlot(lo, hi);
                while (packedKeys[2 * p] != 0) {
                    p = (p + 1) & packedMask;
                }
                packedKeys[2 * p] = lo;
                packedKeys[2 * p + 1] = hi;
                packedIds[p] = i;
            }
        }
        this.languages = PageLanguage.languages(this);
        this.pairs = new LinkedHashSet<>(pairTerms).toArray(new String[0]);
        if (this.words.length > 1 << 20 || pairs.length >= 1 << 24) {
            throw new IllegalArgumentException("a lexicon numbers at most 1,048,576 words and 16,777,215 pairs, not "
                    + this.words.length + " and " + pairs.length);
        }
        int pairCapacity = Integer.highestOneBit(Math.max(4, pairs.length * 2) - 1) << 1;
        this.pairTable = new long[pairCapacity];
        this.pairMask = pairCapacity - 1;
        this.firstOfPair = new boolean[this.words.length];
        this.secondOfPair = new boolean[this.words.length];
        for (int n = 0; n < pairs.length; n++) {
            int space = pairs[n].indexOf(' ');
            int first = id(pairs[n].substring(0, space));
            int second = id(pairs[n].substring(space + 1));
            firstOfPair[first] = true;
            secondOfPair[second] = true;
            long key = pairKey(first, second);
            int slot = pairSlot(key);
            while (pairTable[slot] != 0) {
                slot = (slot + 1) & pairMask;
            }
            pairTable[slot] = key << 24 | n + 1;
        }
    }

    private static long pairKey(int first, int second) {
        return (long) first << 20 | second;
    }

    private int pairSlot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & pairMask;
    }

    /** The number of the pair of two words by their numbers, or -1 where it is no term of the lexicon. */
    private int pairOf(int first, int second) {
        if (!firstOfPair[first] || !secondOfPair[second]) {
            return -1;
        }
        long key = pairKey(first, second);
        long entry;
        for (int slot = pairSlot(key); (entry = pairTable[slot]) != 0; slot = (slot + 1) & pairMask) {
            if (entry >>> 24 == key) {
                return (int) (entry & 0xFFFFFF) - 1;
            }
        }
        return -1;
    }

    /** How many pairs it numbers. */
    public int pairs() {
        return pairs.length;
    }

    /** A pair by its number: its two words with a space between them. */
    public String pair(int n) {
        return pairs[n];
    }

    /** The number of a pair ("onze jeugddienst"), or -1. */
    public int pair(String term) {
        int space = term.indexOf(' ');
        if (space < 0) {
            return -1;
        }
        int first = id(term.substring(0, space));
        int second = id(term.substring(space + 1));
        return first == UNKNOWN || second == UNKNOWN ? -1 : pairOf(first, second);
    }

    /** Whether a word has a packed key: of 1 to {@value #PACKED} ASCII characters. */
    private static boolean packs(char[] word) {
        if (word.length == 0 || word.length > PACKED) {
            return false;
        }
        for (char c : word) {
            if (c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Half of a word's key: up to {@value #HALF} characters from from, seven bits each (no character is 0). */
    private static long half(char[] word, int from) {
        long half = 0;
        for (int i = from; i < Math.min(word.length, from + HALF); i++) {
            half |= (long) word[i] << (7 * (i - from));
        }
        return half;
    }

    private int packedSlot(long lo, long hi) {
        return (int) (((lo ^ hi * 0xC2B2AE3D27D4EB4FL) * 0x9E3779B97F4A7C15L) >>> 40) & packedMask;
    }

    /** The number of a word by the halves of its packed key, or {@link #UNKNOWN}. */
    private int idOfPacked(long lo, long hi) {
        for (int p = packedSlot(lo, hi); ; p = (p + 1) & packedMask) {
            long k = packedKeys[2 * p];
            if (k == lo && packedKeys[2 * p + 1] == hi) {
                return packedIds[p];
            }
            if (k == 0) {
                return UNKNOWN;
            }
        }
    }

    /** How many words it numbers, {@link PageTerms#OWN} included. */
    public int size() {
        return words.length;
    }

    public String word(int id) {
        return words[id];
    }

    /** The number of a word, or {@link #UNKNOWN}. */
    public int id(String word) {
        return id(word.toCharArray(), word.length(), word.hashCode());
    }

    private int id(char[] chars, int length, int hash) {
        int slot = hash & mask;
        int entry;
        while ((entry = table[slot]) != 0) {
            int i = entry - 1;
            if (hashes[i] == hash && same(keys[i], chars, length)) {
                return i;
            }
            slot = (slot + 1) & mask;
        }
        return UNKNOWN;
    }

    /** Whether a word is key: a loop, as words are short and Arrays.equals costs more to set up than to compare. */
    private static boolean same(char[] key, char[] chars, int length) {
        if (key.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key[i] != chars[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Cuts the page's title and paragraphs into words, as {@link PageTerms#read} does.
     *
     * @param ownNames the municipality's names as the register knows them; empty when the site is not known
     */
    public Cut cut(PageContent content, Collection<String> ownNames) {
        return cut(content, ownNames, Integer.MAX_VALUE);
    }

    /**
     * Cuts the page as {@link #cut(PageContent, Collection)} does, but stops once it has more than atMost words:
     * the readers judge no page longer than the longest they learned from, and on a page of several megabytes
     * cutting it whole costs as much as all the rules.
     */
    public Cut cut(PageContent content, Collection<String> ownNames, int atMost) {
        Names names = new Names(ownNames);
        List<String> paragraphs = content.paragraphBlocks();
        int length = content.title() == null ? 0 : content.title().length();
        for (String p : paragraphs) {
            length += p.length();
        }
        // grown when short: Dutch words and the space after them take about seven characters
        Cutter cutter = new Cutter(names, new int[Math.min(length, atMost) / 6 + 16],
                new int[paragraphs.size() + 1], atMost);
        boolean whole = content.title() == null || cutter.paragraph(content.title());
        for (int i = 0; whole && i < paragraphs.size(); i++) {
            whole = cutter.paragraph(paragraphs.get(i));
        }
        return new Cut(this, cutter.ids, cutter.starts, cutter.paragraphs, cutter.size, whole,
                whole ? termsOf(cutter.ids, cutter.starts, cutter.paragraphs, cutter.size) : new int[0],
                whole && PageLanguage.foreign(languages, cutter.ids, cutter.size));
    }

    /** The words and pairs of a cut, each once, in the order they first occur (see {@link Cut#terms}). */
    private int[] termsOf(int[] ids, int[] starts, int paragraphs, int size) {
        boolean[] seenWord = new boolean[words.length];
        boolean[] seenPair = new boolean[pairs.length];
        int[] out = new int[Math.max(16, size)];
        int n = 0;
        for (int p = 0; p < paragraphs; p++) {
            int previous = -1;
            for (int i = starts[p], to = p + 1 < paragraphs ? starts[p + 1] : size; i < to; i++) {
                int id = ids[i];
                if (id >= 0) {
                    if (!seenWord[id]) {
                        seenWord[id] = true;
                        out = room(out, n);
                        out[n++] = id;
                    }
                    int pair = previous >= 0 ? pairOf(previous, id) : -1;
                    if (pair >= 0 && !seenPair[pair]) {
                        seenPair[pair] = true;
                        out = room(out, n);
                        out[n++] = -(pair + 1);
                    }
                }
                previous = id;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int[] room(int[] a, int n) {
        return n < a.length ? a : Arrays.copyOf(a, 2 * a.length);
    }

    /** The words of the municipality's names, numbered, those the lexicon lacks after its own. */
    private final class Names {
        final int[][] sequences;
        final char[][] extraKeys;
        final int[] extraHashes;
        /** Whether a number starts a name: only there is a name looked for. */
        final boolean[] starts;

        Names(Collection<String> ownNames) {
            List<String> extra = new ArrayList<>();
            List<int[]> seqs = new ArrayList<>();
            for (String name : ownNames) {
                List<String> w = PageTerms.words(name);
                if (w.isEmpty()) {
                    continue;
                }
                int[] seq = new int[w.size()];
                for (int k = 0; k < seq.length; k++) {
                    int id = Lexicon.this.id(w.get(k));
                    if (id == UNKNOWN) {
                        int at = extra.indexOf(w.get(k));
                        if (at < 0) {
                            at = extra.size();
                            extra.add(w.get(k));
                        }
                        id = words.length + at;
                    }
                    seq[k] = id;
                }
                seqs.add(seq);
            }
            // longest first: 'Sint-Martens-Latem' before a shorter name it holds
            seqs.sort((a, b) -> b.length - a.length);
            sequences = seqs.toArray(new int[0][]);
            extraKeys = new char[extra.size()][];
            extraHashes = new int[extra.size()];
            for (int k = 0; k < extra.size(); k++) {
                extraKeys[k] = extra.get(k).toCharArray();
                extraHashes[k] = extra.get(k).hashCode();
            }
            starts = new boolean[words.length + extra.size()];
            for (int[] seq : sequences) {
                starts[seq[0]] = true;
            }
        }

        /** The number of a word with a packed key (ASCII, short enough) by its halves, or {@link #UNKNOWN}. */
        int packed(long lo, long hi) {
            return idOfPacked(lo, hi);
        }

        /** The number of a word without a packed key (non-ASCII or long), by its characters, or {@link #UNKNOWN}. */
        int id(char[] chars, int length, int hash) {
            int id = Lexicon.this.id(chars, length, hash);
            return id != UNKNOWN ? id : extra(chars, length, hash);
        }

        /** The number of a word of the municipality's names that the lexicon lacks, or {@link #UNKNOWN}. */
        int extra(char[] chars, int length, int hash) {
            for (int k = 0; k < extraKeys.length; k++) {
                if (extraHashes[k] == hash && Arrays.equals(extraKeys[k], 0, extraKeys[k].length, chars, 0, length)) {
                    return words.length + k;
                }
            }
            return UNKNOWN;
        }
    }

    private static final class Cutter {
        final Names names;
        final int limit;
        final int atMost;
        /** The most words of one of the municipality's names: that many words of the page may count as one. */
        final int longestName;
        int[] ids;
        final int[] starts;
        int size;
        int paragraphs;
        char[] word = new char[64];
        /** The paragraph's characters: an array read faster than a string's. */
        char[] chars = new char[1024];

        Cutter(Names names, int[] ids, int[] starts, int atMost) {
            this.names = names;
            this.limit = names.starts.length - names.extraKeys.length;
            this.ids = ids;
            this.starts = starts;
            this.atMost = atMost;
            this.longestName = names.sequences.length > 0 ? names.sequences[0].length : 1;
        }

        /** Cuts a paragraph; false when the page has more words than asked for, the rest not to be cut. */
        boolean paragraph(String text) {
            int from = size;
            starts[paragraphs++] = from;
            int length = 0;
            long lo = 0;
            long hi = 0;
            int bits = 0;
            int n = text.length();
            if (n > chars.length) {
                chars = new char[Math.max(n, 2 * chars.length)];
            }
            text.getChars(0, n, chars, 0);
            char[] in = chars;
            for (int i = 0; i < n; i++) {
                char f = PageTerms.wordChar(in[i]);
                if (f == PageTerms.DROPPED) {
                    continue;
                }
                if (f != 0) {
                    if (length == word.length) {
                        word = Arrays.copyOf(word, length * 2);
                    }
                    if (length < HALF) {
                        lo |= (long) f << (7 * length);
                    } else if (length < PACKED) {
                        hi |= (long) f << (7 * (length - HALF));
                    }
                    bits |= f;
                    word[length++] = f;
                } else if (length > 0) {
                    add(id(length, lo, hi, bits));
                    length = 0;
                    lo = 0;
                    hi = 0;
                    bits = 0;
                    // even were every word here part of a name, the page would have more than asked for
                    if ((size - from) / longestName > atMost - from) {
                        size = atMost + 1;
                        return false;
                    }
                }
            }
            if (length > 0) {
                add(id(length, lo, hi, bits));
            }
            if (names.sequences.length > 0) {
                size = withOwnName(from);
            }
            if (size > atMost) {
                size = atMost + 1;
                return false;
            }
            return true;
        }

        /** The number of the word just cut: by its packed key where it has one (all ASCII, short enough). */
        private int id(int length, long lo, long hi, int bits) {
            if (length <= PACKED && bits < 0x80) {
                int id = names.packed(lo, hi);
                // a word of the municipality's names that the lexicon lacks is looked for by its characters
                return id != UNKNOWN || names.extraKeys.length == 0 ? id : names.extra(word, length, hash(length));
            }
            return names.id(word, length, hash(length));
        }

        /** The word's {@link String#hashCode}: needed only where it has no packed key, or is none of the lexicon's. */
        private int hash(int length) {
            int h = 0;
            for (int i = 0; i < length; i++) {
                h = 31 * h + word[i];
            }
            return h;
        }

        private void add(int id) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        /** Replaces the names among the paragraph's words from {@code from} by {@link #OWN}; the new end. */
        private int withOwnName(int from) {
            int out = from;
            int i = from;
            while (i < size) {
                int id = ids[i];
                int skip = 0;
                if (id >= 0 && names.starts[id]) {
                    for (int[] name : names.sequences) {
                        if (Arrays.equals(ids, i, Math.min(i + name.length, size), name, 0, name.length)) {
                            skip = name.length;
                            break;
                        }
                    }
                }
                if (skip > 0) {
                    ids[out++] = OWN;
                    i += skip;
                } else {
                    // a word of the name outside the name is a word no reader weighs
                    ids[out++] = id < limit ? id : UNKNOWN;
                    i++;
                }
            }
            return out;
        }
    }
}
