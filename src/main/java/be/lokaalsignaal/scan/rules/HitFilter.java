package be.lokaalsignaal.scan.rules;

import java.util.Arrays;
import java.util.function.IntPredicate;

/** Hits of a page with some of them left out: partners, names that are part of another name, help boxes. */
final class HitFilter {

    private HitFilter() {
    }

    /** The hits not dropped and not overlapping a hit of overriding (null: none). */
    static Hits keep(Hits h, boolean[] dropped, Hits overriding) {
        int n = 0;
        int[] start = new int[h.size()];
        int[] end = new int[h.size()];
        Phrase[] phrase = new Phrase[h.size()];
        for (int k = 0; k < h.size(); k++) {
            if (dropped[k] || overriding != null && overlaps(overriding, h.start[k], h.end[k])) {
                continue;
            }
            start[n] = h.start[k];
            end[n] = h.end[k];
            phrase[n] = h.phrase[k];
            n++;
        }
        return n == h.size() ? h : new Hits(Arrays.copyOf(start, n), Arrays.copyOf(end, n), Arrays.copyOf(phrase, n));
    }

    /**
     * The hits whose sentence holds none of context: "seksueel geweld" in "Ben je slachtoffer van seksueel geweld?"
     * is a help box's words, not a theme of the plan on the same page.
     */
    static Hits notInSentence(PageIndex index, Hits h, Hits context) {
        return notNearSentences(index, h, context, 0);
    }

    /**
     * The hits with no hit of context in their sentence nor in the so many sentences before or after it in their text:
     * "Die thema's werden niet weerhouden" keeps the theme named in the sentence before out of the plan.
     */
    static Hits notNearSentences(PageIndex index, Hits h, Hits context, int sentences) {
        if (context.isEmpty() || h.isEmpty()) {
            return h;
        }
        boolean[] dropped = new boolean[h.size()];
        for (int k = 0; k < h.size(); k++) {
            int[] around = index.sentencesAround(h.start[k], sentences);
            dropped[k] = context.first(around[0], around[1]) >= 0 || overlaps(context, around[0], around[1]);
        }
        return keep(h, dropped, null);
    }

    /**
     * The hits with no hit of context within so many words before or after them: "seksueel geweld" right after
     * "mensenhandel, intrafamiliaal geweld en" is an item of the national plan's list.
     */
    static Hits notNear(Hits h, Hits context, int words) {
        if (context.isEmpty() || h.isEmpty()) {
            return h;
        }
        boolean[] dropped = new boolean[h.size()];
        for (int k = 0; k < h.size(); k++) {
            dropped[k] = overlaps(context, h.start[k] - words, h.end[k] + words);
        }
        return keep(h, dropped, null);
    }

    /**
     * The hits that do not head a row of figures: "Zedenfeiten (aanranding, verkrachting) 38 41 35" is a table's count
     * of offences, which a report of any zone holds, not a theme its plan takes up.
     */
    static Hits notInFigures(PageIndex index, Hits h) {
        return dropWhere(h, index::figuresAfter);
    }

    /** The hits whose sentence does not end in a question mark: a help box's heading, a question put to the reader. */
    static Hits notInQuestion(PageIndex index, Hits h) {
        return dropWhere(h, index::inQuestion);
    }

    /** The hits whose last word is not one the test holds for; h itself when none is dropped. */
    private static Hits dropWhere(Hits h, IntPredicate lastWord) {
        if (h.isEmpty()) {
            return h;
        }
        boolean[] dropped = new boolean[h.size()];
        boolean any = false;
        for (int k = 0; k < h.size(); k++) {
            dropped[k] = lastWord.test(h.end[k] - 1);
            any |= dropped[k];
        }
        return any ? keep(h, dropped, null) : h;
    }

    static boolean overlaps(Hits h, int s, int e) {
        for (int k = Math.max(0, Hits.lowerBound(h.start, h.size(), s) - 8); k < h.size() && h.start[k] < e; k++) {
            if (h.end[k] > s) {
                return true;
            }
        }
        return false;
    }
}
