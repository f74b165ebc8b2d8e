package be.lokaalsignaal.scan.rules;

import java.util.Arrays;

/**
 * Where each catalogue word occurs on a page, once its words are read ({@link PageWords}): the kept entries grouped by
 * the number of their list of catalogue words in one pass, how often each catalogue word occurs, and where, listed
 * only for the catalogue words asked. A word asked is a phrase's rarest: the 65,000 entries of "de" and "het" of a
 * 5 MB page, most of all, are never listed apart.
 */
final class Postings {

    /** The kept entries grouped by list: byList[listFrom[l]] up to listFrom[l + 1]. */
    private final int[] listFrom;
    private final int[] byList;
    private final int[] counts;
    /** Per catalogue word, its kept entries once asked (null until then). */
    private final int[][] entries;
    /**
     * The page's lists that hold each catalogue word: listsOf[listsFrom[id]] up to listsFrom[id + 1]. Asking a word
     * goes through its own lists only, not through every list the thread has numbered.
     */
    private final int[] listsFrom;
    private final int[] listsOf;

    /**
     * @param lists the list number of each kept entry, 0 up to kept
     * @param listCounts how often each list number was kept
     */
    Postings(SeenWords seen, int vocabularySize, int[] lists, int kept, int[] listCounts) {
        int n = listCounts.length;
        int[] from = new int[n + 1];
        int[] perWord = new int[vocabularySize];
        int[] wordFrom = new int[vocabularySize + 1];
        for (int list = 1; list < n; list++) {
            from[list + 1] = from[list] + listCounts[list];
            if (listCounts[list] > 0) {
                for (int id : seen.list(list)) {
                    perWord[id] += listCounts[list];
                    wordFrom[id + 1]++;
                }
            }
        }
        for (int id = 0; id < vocabularySize; id++) {
            wordFrom[id + 1] += wordFrom[id];
        }
        int[] wordLists = new int[wordFrom[vocabularySize]];
        int[] wordNext = Arrays.copyOf(wordFrom, vocabularySize);
        for (int list = 1; list < n; list++) {
            if (listCounts[list] > 0) {
                for (int id : seen.list(list)) {
                    wordLists[wordNext[id]++] = list;
                }
            }
        }
        this.listsFrom = wordFrom;
        this.listsOf = wordLists;
        int[] next = Arrays.copyOf(from, n);
        int[] at = new int[kept];
        for (int k = 0; k < kept; k++) {
            at[next[lists[k]]++] = k;
        }
        this.byList = at;
        this.listFrom = from;
        this.counts = perWord;
        this.entries = new int[vocabularySize][];
    }

    /** How often a catalogue word occurs on the page. */
    int count(int id) {
        return counts[id];
    }

    /** The kept entries of a catalogue word's {@link #count} occurrences, in reading order. */
    int[] entries(int id) {
        int[] memo = entries[id];
        if (memo != null) {
            return memo;
        }
        int[] out = new int[counts[id]];
        int n = 0;
        for (int k = listsFrom[id]; k < listsFrom[id + 1]; k++) {
            int list = listsOf[k];
            System.arraycopy(byList, listFrom[list], out, n, listFrom[list + 1] - listFrom[list]);
            n += listFrom[list + 1] - listFrom[list];
        }
        // each list's entries are in reading order; a word in several lists ("de" and "der" both stem to "de")
        // has theirs one after the other
        if (n > 0 && !sorted(out)) {
            Arrays.sort(out);
        }
        entries[id] = out;
        return out;
    }

    /** Whether a word's catalogue words (a short list) hold this one. */
    static boolean contains(int[] ids, int id) {
        for (int x : ids) {
            if (x == id) {
                return true;
            }
        }
        return false;
    }

    private static boolean sorted(int[] a) {
        for (int i = 1; i < a.length; i++) {
            if (a[i] < a[i - 1]) {
                return false;
            }
        }
        return true;
    }
}
