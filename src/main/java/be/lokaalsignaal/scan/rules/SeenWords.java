package be.lokaalsignaal.scan.rules;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The catalogue words of the words a thread has read, asked of the {@link Vocabulary} once per distinct word. Pages
 * repeat their words (a 5 MB page: 700,000 words, 26,000 distinct) and the next page of a site mostly repeats the
 * last page's; the vocabulary's own caches are maps of strings. Here a word already seen costs one pass over its
 * letters and, in most cases, comparisons of longs: a word of up to 18 ASCII characters is its own key, two longs of
 * nine characters (seven bits a character); a longer word is found by its hash and compared with its characters,
 * kept in one array.
 *
 * <p>A word's catalogue words are given as the number of their list ({@link #list}; 0 is the empty list of most
 * words), the same number for the same list as long as the table lives: a page keeps an int per catalogue word of it,
 * not a reference (each reference stored into a page's large array costs G1 a write barrier with a memory fence).
 *
 * <p>One table per thread and vocabulary; bounded, its words start afresh when full, as the vocabulary's caches do,
 * its lists stay (a page being read holds their numbers) until there are too many, when the thread's next page gets
 * a new table. The catalogue words of a word never change, so a table only saves work.
 */
final class SeenWords {

    /** Distinct words a thread keeps (more than a 5 MB page has): at most about 3.5 MB a thread. */
    private static final int MAX_WORDS = 1 << 16;
    private static final int MAX_CHARS = 1 << 19;
    /** Distinct lists of catalogue words a table numbers before the thread's next page gets a new table. */
    private static final int MAX_LISTS = 1 << 16;
    private static final long LONG_WORD = 1L << 63;
    /** Characters in one half of a word's key. */
    private static final int PACKED = 9;
    private static final ThreadLocal<SeenWords> THREAD = new ThreadLocal<>();

    private final Vocabulary vocabulary;
    /**
     * Three longs a slot: the key's two halves (low half 0: empty) and the entry (high half) with its list number
     * (low half), so that a word found needs no second array.
     */
    private long[] slots;
    private int entries;
    /** The characters of long words: entry e's are chars[offsets[e]] up to offsets[e + 1]. */
    private int[] offsets;
    private char[] chars;
    /** The lists by number, and the numbers by list content. */
    private int[][] lists = {new int[0]};
    private int listCount = 1;
    private final Map<Key, Integer> numbers = new HashMap<>();

    /** A list's content as a map key. */
    private record Key(int[] ids) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(ids, k.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }
    }

    private SeenWords(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        numbers.put(new Key(lists[0]), 0);
        clear();
    }

    /** This thread's table for the vocabulary. */
    static SeenWords of(Vocabulary vocabulary) {
        SeenWords mine = THREAD.get();
        if (mine == null || mine.vocabulary != vocabulary || mine.listCount > MAX_LISTS) {
            mine = new SeenWords(vocabulary);
            THREAD.set(mine);
        }
        return mine;
    }

    /** Forgets this thread's words, as if it had read nothing (for measuring a scan's first pages). */
    static void forget() {
        THREAD.remove();
    }

    private void clear() {
        slots = new long[3 * 4096];
        entries = 0;
        offsets = new int[1025];
        chars = new char[8192];
    }

    /** The catalogue words a folded word of the page is, as {@link Vocabulary#match(char[], int)} says. */
    int[] match(char[] word, int length) {
        // the number first: finding it may grow the array of lists
        int number = listOf(word, length);
        return lists[number];
    }

    /** The catalogue words of a list number. */
    int[] list(int number) {
        return lists[number];
    }

    /** The number of the list of catalogue words a folded word of the page is; 0 for none. */
    int listOf(char[] word, int length) {
        long lo;
        long hi = 0;
        if (length > 0 && length <= 2 * PACKED) {
            int bits = 0;
            lo = 0;
            int first = Math.min(length, PACKED);
            for (int i = 0; i < first; i++) {
                char c = word[i];
                bits |= c;
                lo |= (long) c << (7 * i);
            }
            for (int i = PACKED; i < length; i++) {
                char c = word[i];
                bits |= c;
                hi |= (long) c << (7 * (i - PACKED));
            }
            if (bits >= 0x80) {
                lo = hash(word, length);
                hi = 0;
            }
        } else {
            lo = hash(word, length);
        }
        int mask = slots.length / 3 - 1;
        for (int s = slot(lo, hi, mask); ; s = (s + 1) & mask) {
            long k = slots[3 * s];
            if (k == 0) {
                break;
            }
            if (k == lo && slots[3 * s + 1] == hi) {
                long entry = slots[3 * s + 2];
                if (lo > 0 || sameChars((int) (entry >>> 32), word, length)) {
                    return (int) entry;
                }
            }
        }
        int found = number(vocabulary.match(word, length));
        add(lo, hi, word, length, found);
        return found;
    }

    private int number(int[] ids) {
        if (ids.length == 0) {
            return 0;
        }
        Integer n = numbers.get(new Key(ids));
        if (n != null) {
            return n;
        }
        if (listCount == lists.length) {
            lists = Arrays.copyOf(lists, listCount * 2);
        }
        lists[listCount] = ids;
        numbers.put(new Key(ids), listCount);
        return listCount++;
    }

    /** A word that is not its own key: a hash with the top bit set (a packed word's top bit is 0). */
    private static long hash(char[] word, int length) {
        // four characters to a multiplication: a long word is hashed at the speed of reading it
        long h = length;
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            long four = word[i] | (long) word[i + 1] << 16 | (long) word[i + 2] << 32 | (long) word[i + 3] << 48;
            h = (h ^ four) * 0x9E3779B97F4A7C15L;
        }
        for (; i < length; i++) {
            h = (h ^ word[i]) * 0x9E3779B97F4A7C15L;
        }
        return LONG_WORD | (h ^ h >>> 29) & 0xFFFFFFFFFFFFL;
    }

    private static int slot(long lo, long hi, int mask) {
        return (int) (((lo ^ hi * 0xC2B2AE3D27D4EB4FL) * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }

    private boolean sameChars(int e, char[] word, int length) {
        int from = offsets[e];
        return offsets[e + 1] - from == length && Arrays.equals(chars, from, from + length, word, 0, length);
    }

    private void add(long lo, long hi, char[] word, int length, int found) {
        if (entries + 1 >= MAX_WORDS || offsets[entries] + length > MAX_CHARS) {
            clear();
        }
        if (2 * (entries + 1) > slots.length / 3) {
            grow();
        }
        int e = entries++;
        if (entries >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        int from = offsets[e];
        if (lo < 0) {
            if (from + length > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, from + length));
            }
            System.arraycopy(word, 0, chars, from, length);
            from += length;
        }
        offsets[e + 1] = from;
        put(slots, lo, hi, (long) e << 32 | found);
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (int s = 0; s < slots.length; s += 3) {
            if (slots[s] != 0) {
                put(bigger, slots[s], slots[s + 1], slots[s + 2]);
            }
        }
        slots = bigger;
    }

    private static void put(long[] table, long lo, long hi, long entry) {
        int mask = table.length / 3 - 1;
        int s = slot(lo, hi, mask);
        while (table[3 * s] != 0) {
            s = (s + 1) & mask;
        }
        table[3 * s] = lo;
        table[3 * s + 1] = hi;
        table[3 * s + 2] = entry;
    }
}
