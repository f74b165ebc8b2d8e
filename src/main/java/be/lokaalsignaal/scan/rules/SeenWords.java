package be.lokaalsignaal.scan.rules;

import java.util.Arrays;

/**
 * The catalogue words of the distinct words of one page, asked of the {@link Vocabulary} once per distinct word. A
 * page repeats its words (a 5 MB page: 580,000 words, 26,000 distinct), and the vocabulary's own caches are shared
 * maps of strings: this table keeps the page's words as characters in one array and their hashes beside the slots,
 * so that a word already seen costs a hash over its letters and one comparison, no object. For one page; not
 * thread-safe.
 */
final class SeenWords {

    private final Vocabulary vocabulary;
    /** (hash &lt;&lt; 32) | (entry + 1); 0 is an empty slot. */
    private long[] slots = new long[1024];
    private int entries;
    /** Where each entry's characters start in chars; offsets[entries] is where the next one starts. */
    private int[] offsets = new int[513];
    private int[][] ids = new int[512][];
    private char[] chars = new char[4096];

    SeenWords(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The catalogue words a folded word of the page is, as {@link Vocabulary#match(char[], int)} says. */
    int[] match(char[] word, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + word[i];
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            long slot = slots[s];
            if (slot == 0) {
                break;
            }
            if ((int) (slot >>> 32) == h) {
                int e = (int) slot - 1;
                int from = offsets[e];
                if (offsets[e + 1] - from == length && Arrays.equals(chars, from, from + length, word, 0, length)) {
                    return ids[e];
                }
            }
        }
        int[] found = vocabulary.match(word, length);
        add(word, length, h, found);
        return found;
    }

    private void add(char[] word, int length, int h, int[] found) {
        if (2 * (entries + 1) > slots.length) {
            grow();
        }
        int e = entries++;
        if (entries >= ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
            offsets = Arrays.copyOf(offsets, ids.length + 1);
        }
        int from = offsets[e];
        if (from + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, from + length));
        }
        System.arraycopy(word, 0, chars, from, length);
        offsets[e + 1] = from + length;
        ids[e] = found;
        put(slots, h, e);
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long slot : slots) {
            if (slot != 0) {
                put(bigger, (int) (slot >>> 32), (int) slot - 1);
            }
        }
        slots = bigger;
    }

    private static void put(long[] table, int h, int e) {
        int mask = table.length - 1;
        int s = h & mask;
        while (table[s] != 0) {
            s = (s + 1) & mask;
        }
        table[s] = (long) h << 32 | (e + 1);
    }
}
