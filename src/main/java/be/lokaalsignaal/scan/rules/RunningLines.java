package be.lokaalsignaal.scan.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lines a document repeats at the top or bottom of its pages: "Integraal Veiligheidsplan Leuven 2020-2025 3",
 * "Wemmel Info juni 2023". Such a line names the document, not what the page's last or first sentence is about: a
 * context word just before it ("het Vlaamse actieplan", "Vertrouwenscentrum") says nothing of the plan, and the
 * municipality's name in a magazine's running title is not the municipality acting.
 */
final class RunningLines {

    /** How close to the start or end of a block a hit must stand to be part of a running line. */
    static final int EDGE = 6;
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
        Map<String, List<Integer>> byLine = new HashMap<>();
        for (PageIndex.Block b : index.blocks) {
            if (b.to - b.from < MIN_WORDS) {
                continue;
            }
            for (int k = Hits.lowerBound(h.start, h.size(), b.from);
                 k < h.size() && h.start[k] <= b.from + EDGE; k++) {
                if (h.end[k] <= b.to) {
                    add(byLine, "^" + (h.start[k] - b.from) + ":" + line(index.text(b, h.start[k], h.end[k])), k);
                }
            }
            for (int k = Hits.lowerBound(h.start, h.size(), Math.max(b.from, b.to - EDGE - 16));
                 k < h.size() && h.start[k] < b.to; k++) {
                if (h.end[k] <= b.to && b.to - h.end[k] <= EDGE) {
                    add(byLine, "$" + (b.to - h.end[k]) + ":" + line(index.text(b, h.start[k], h.end[k])), k);
                }
            }
        }
        for (List<Integer> hits : byLine.values()) {
            if (hits.size() >= MIN_REPEATS) {
                for (int k : hits) {
                    running[k] = true;
                }
            }
        }
        return running;
    }

    private static void add(Map<String, List<Integer>> byLine, String line, int hit) {
        List<Integer> hits = byLine.computeIfAbsent(line, x -> new ArrayList<>());
        if (!hits.contains(hit)) {
            hits.add(hit);
        }
    }

    private static String line(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]+", " ").strip();
    }
}
