package be.lokaalsignaal.scan.rules;

import java.util.Arrays;
import java.util.List;

/** Where on a page the phrases of one list occur (start word inclusive, end word exclusive), by start. */
final class Hits {

    static final Hits NONE = new Hits(new int[0], new int[0], new Phrase[0]);

    final int[] start;
    final int[] end;
    final Phrase[] phrase;

    Hits(int[] start, int[] end, Phrase[] phrase) {
        this.start = start;
        this.end = end;
        this.phrase = phrase;
    }

    /** Every occurrence of the phrases that does not lie inside an occurrence of one of notIn. */
    static Hits of(PageIndex index, List<Phrase> phrases, List<Phrase> notIn) {
        int total = 0;
        for (Phrase p : phrases) {
            total += index.occurrences(p).length;
        }
        if (total == 0) {
            return NONE;
        }
        long[] keys = new long[total];
        int n = 0;
        boolean excluded = !notIn.isEmpty();
        for (int i = 0; i < phrases.size(); i++) {
            Phrase p = phrases.get(i);
            for (int s : index.occurrences(p)) {
                if (!excluded || !inside(index, s, s + p.length(), notIn)) {
                    keys[n++] = (long) s << 32 | i;
                }
            }
        }
        Arrays.sort(keys, 0, n);
        int[] start = new int[n];
        int[] end = new int[n];
        Phrase[] phrase = new Phrase[n];
        for (int k = 0; k < n; k++) {
            Phrase p = phrases.get((int) keys[k]);
            start[k] = (int) (keys[k] >>> 32);
            end[k] = start[k] + p.length();
            phrase[k] = p;
        }
        return new Hits(start, end, phrase);
    }

    private static boolean inside(PageIndex index, int s, int e, List<Phrase> notIn) {
        for (Phrase q : notIn) {
            int[] occ = index.occurrences(q);
            // an occurrence of q covering [s, e) starts between e - q.length and s
            int k = lowerBound(occ, occ.length, e - q.length());
            if (k < occ.length && occ[k] <= s) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return start.length;
    }

    boolean isEmpty() {
        return start.length == 0;
    }

    /** The first hit that lies within words [from, to), or -1. */
    int first(int from, int to) {
        for (int k = lowerBound(start, start.length, from); k < start.length && start[k] < to; k++) {
            if (end[k] <= to) {
                return k;
            }
        }
        return -1;
    }

    int first(PageIndex.Block b) {
        return first(b.from, b.to);
    }

    /** The first hit in the page's title, else in its URL, or -1. */
    int firstInTitleOrUrl(PageIndex index) {
        int k = first(index.title);
        return k >= 0 ? k : first(index.url);
    }

    static int lowerBound(int[] a, int n, int key) {
        return lowerBound(a, n, key, 0);
    }

    /** The first index from lo on whose value is at least key, in a sorted array (n when none). */
    static int lowerBound(int[] a, int n, int key, int lo) {
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
