package be.lokaalsignaal.scan.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The lines a document repeats at the top or bottom of its pages: "Integraal Veiligheidsplan Leuven 2020-2025 3",
 * "Wemmel Info juni 2023". Such a line names the document, not what the page's last or first sentence is about: a
 * context word just before it ("het Vlaamse actieplan", "Vertrouwenscentrum") says nothing of the plan, and the
 * municipality's name in a magazine's running title is not the municipality acting.
 */
final class RunningLines {

    /**
     * How close to the start or end of a block a hit must stand to be part of a running line: a footer "ZVP BDM
     * 2020-2025 - openbare versie - blz. 3" holds eight words after its first.
     */
    static final int EDGE = 9;
    /** How many pages must repeat a line for it to be a running line. */
    static final int MIN_REPEATS = 3;
    /** How many words a block must hold to be a document's page. */
    static final int MIN_WORDS = 40;

    private RunningLines() {
    }

    /**
     * Which hits stand in a running line: as many words from the start (or the end) of a page-long block as the same
     * words in at least two other such blocks. A block of a document's page is long; a heading or a breadcrumb that
     * repeats the page's title is short and does not count.
     */
    static boolean[] of(PageIndex index, Hits h) {
        boolean[] running = new boolean[h.size()];
        if (h.size() < MIN_REPEATS) {
            return running;
        }
        // a set: a hit in a paragraph stands in the sections holding it too, and a line of a long page has thousands
        Map<String, Set<Integer>> byLine = new HashMap<>();
        int atFrom = 0;
        int atEnd = 0;
        for (PageIndex.Block b : index.blocks) {
            if (b.to - b.from < MIN_WORDS) {
                continue;
            }
            atFrom = from(h.start, h.size(), atFrom, b.from);
            for (int k = atFrom; k < h.size() && h.start[k] <= b.from + EDGE; k++) {
                if (h.end[k] <= b.to) {
                    add(byLine, "^" + (h.start[k] - b.from) + ":" + line(index.text(b, h.start[k], h.end[k])), k);
                }
            }
            atEnd = from(h.start, h.size(), atEnd, Math.max(b.from, b.to - EDGE - 16));
            for (int k = atEnd; k < h.size() && h.start[k] < b.to; k++) {
                if (h.end[k] <= b.to && b.to - h.end[k] <= EDGE) {
                    add(byLine, "$" + (b.to - h.end[k]) + ":" + line(index.text(b, h.start[k], h.end[k])), k);
                }
            }
        }
        for (Set<Integer> hits : byLine.values()) {
            if (hits.size() >= MIN_REPEATS) {
                for (int k : hits) {
                    running[k] = true;
                }
            }
        }
        return running;
    }

    /**
     * The first index whose value is at least key, in a sorted array, searched from the last one found: the blocks
     * mostly come in page order, so a few steps forward instead of a search over all hits for each of them.
     */
    private static int from(int[] a, int n, int last, int key) {
        if (last > 0 && a[last - 1] >= key) {
            return Hits.lowerBound(a, n, key);
        }
        int k = last;
        for (int step = 1; k < n && a[k] < key; step <<= 1) {
            int next = k + step;
            if (next >= n || a[next] >= key) {
                return Hits.lowerBound(a, Math.min(n, next), key, k + 1);
            }
            k = next;
        }
        return k;
    }

    private static void add(Map<String, Set<Integer>> byLine, String line, int hit) {
        byLine.computeIfAbsent(line, x -> new HashSet<>()).add(hit);
    }

    private static String line(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]+", " ").strip();
    }
}
