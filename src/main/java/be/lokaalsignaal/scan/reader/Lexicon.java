package be.lokaalsignaal.scan.reader;

import be.lokaalsignaal.scan.extract.PageContent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words some readers weigh, numbered, and a page cut into those numbers once for all of them: the words as
 * {@link PageTerms} cuts them, but looked up while they are cut, without making a string of every word. On a page of
 * several megabytes the strings and their second pass for a hash cost more than the rest of a reading. Immutable and
 * thread-safe; {@link #OWN} is always word 0.
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
     * A page's words as numbers, title first, and where each paragraph starts among them.
     *
     * @param ids       every word of the page in order, {@link #UNKNOWN} for one the lexicon lacks; the municipality's
     *                  name, of one word or several, as the one word {@link #OWN}; a word of that name the lexicon
     *                  lacks numbered from {@link #size()} on
     * @param starts    where each paragraph's words start in ids (the title, if any, is the first paragraph); a pair
     *                  of words never spans two
     * @param paragraphs how many paragraphs, title included
     * @param words     how many words the page has, the name counted as one
     */
    public record Cut(Lexicon lexicon, int[] ids, int[] starts, int paragraphs, int words) {

        /** The end in ids of paragraph i. */
        public int end(int i) {
            return i + 1 < paragraphs ? starts[i + 1] : words;
        }
    }

    public Lexicon(Collection<String> words) {
        Set<String> all = new LinkedHashSet<>();
        all.add(PageTerms.OWN);
        all.addAll(words);
        this.words = all.toArray(new String[0]);
        this.keys = new char[this.words.length][];
        this.hashes = new int[this.words.length];
        int capacity = Integer.highestOneBit(Math.max(4, this.words.length * 2) - 1) << 1;
        this.table = new int[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < this.words.length; i++) {
            keys[i] = this.words[i].toCharArray();
            hashes[i] = this.words[i].hashCode();
            int slot = hashes[i] & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
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
            if (hashes[i] == hash && Arrays.equals(keys[i], 0, keys[i].length, chars, 0, length)) {
                return i;
            }
            slot = (slot + 1) & mask;
        }
        return UNKNOWN;
    }

    /**
     * Cuts the page's title and paragraphs into words, as {@link PageTerms#read} does.
     *
     * @param ownNames the municipality's names as the register knows them; empty when the site is not known
     */
    public Cut cut(PageContent content, Collection<String> ownNames) {
        Names names = new Names(ownNames);
        List<String> paragraphs = content.paragraphBlocks();
        int length = content.title() == null ? 0 : content.title().length();
        for (String p : paragraphs) {
            length += p.length();
        }
        // grown when short: Dutch words and the space after them take about seven characters
        Cutter cutter = new Cutter(names, new int[length / 6 + 16],
                new int[paragraphs.size() + 1]);
        if (content.title() != null) {
            cutter.paragraph(content.title());
        }
        for (String p : paragraphs) {
            cutter.paragraph(p);
        }
        return new Cut(this, cutter.ids, cutter.starts, cutter.paragraphs, cutter.size);
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

        int id(char[] chars, int length, int hash) {
            int id = Lexicon.this.id(chars, length, hash);
            if (id != UNKNOWN || extraKeys.length == 0) {
                return id;
            }
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
        int[] ids;
        final int[] starts;
        int size;
        int paragraphs;
        char[] word = new char[64];

        Cutter(Names names, int[] ids, int[] starts) {
            this.names = names;
            this.limit = names.starts.length - names.extraKeys.length;
            this.ids = ids;
            this.starts = starts;
        }

        void paragraph(String text) {
            int from = size;
            starts[paragraphs++] = from;
            int length = 0;
            int hash = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                char f = PageTerms.fold(c);
                if (f == 0) {
                    continue;
                }
                if (PageTerms.inWord(c, f)) {
                    if (length == word.length) {
                        word = Arrays.copyOf(word, length * 2);
                    }
                    word[length++] = f;
                    hash = 31 * hash + f;
                } else if (length > 0) {
                    add(names.id(word, length, hash));
                    length = 0;
                    hash = 0;
                }
            }
            if (length > 0) {
                add(names.id(word, length, hash));
            }
            if (names.sequences.length > 0) {
                size = withOwnName(from);
            }
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
