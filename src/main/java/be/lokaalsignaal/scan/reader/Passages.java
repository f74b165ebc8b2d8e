package be.lokaalsignaal.scan.reader;

import be.lokaalsignaal.scan.extract.PageContent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The passage of a page a reader scores highest: its title with the run of paragraphs from one paragraph on that
 * first holds a given number of words. Council minutes, a magazine or a multi-year plan tell of the zone's plan in
 * one item among thirty; read whole, the other items weigh the page's score down (its words divide by the root of all
 * of them), where the item read with its neighbours is as long as the pages the reader learned from.
 */
public final class Passages {

    /**
     * A page read for its passages: its title's and every paragraph's words, the municipality's own name as one term,
     * as {@link PageTerms} reads them.
     */
    public record Page(List<String> title, List<List<String>> paragraphs, int words) {

        public static Page of(PageContent content, Collection<String> ownNames) {
            List<String> title = new ArrayList<>();
            List<List<String>> paragraphs = new ArrayList<>();
            int[] words = new int[1];
            PageTerms.read(content, ownNames, (index, w) -> {
                if (index < 0) {
                    title.addAll(w);
                } else {
                    paragraphs.add(w);
                }
                words[0] += w.size();
            });
            return new Page(List.copyOf(title), List.copyOf(paragraphs), words[0]);
        }
    }

    /**
     * The best passage: the reader's reading of it (its score, words and weighed terms) and the paragraphs it runs
     * over, first to last.
     */
    public record Passage(ReaderModel.Reading reading, int first, int last) {
    }

    private Passages() {
    }

    /**
     * The passage of at least {@code words} words the reader scores highest; none on a page of fewer than twice as
     * many words (a passage of half a page or more is the page again).
     */
    public static Optional<Passage> best(ReaderModel model, Page page, int words) {
        if (words < ReaderModel.MIN_WORDS) {
            throw new IllegalArgumentException("a passage of " + words + " words is shorter than any page a reader "
                    + "judges (" + ReaderModel.MIN_WORDS + ")");
        }
        if (page.words() < 2 * words) {
            return Optional.empty();
        }
        Set<String> titleTerms = PageTerms.terms(page.title());
        List<Set<String>> terms = new ArrayList<>();
        for (List<String> p : page.paragraphs()) {
            terms.add(PageTerms.terms(p));
        }
        Set<String> best = null;
        double top = -1;
        int bestFirst = -1;
        int bestLast = -1;
        int bestWords = 0;
        for (int first = 0; first < terms.size(); first++) {
            int n = page.title().size();
            int last = first - 1;
            while (last + 1 < terms.size() && n < words) {
                last++;
                n += page.paragraphs().get(last).size();
            }
            if (n < words) {
                // the rest of the page is shorter than a passage: every later start is too
                break;
            }
            Set<String> passage = new HashSet<>(titleTerms);
            for (int k = first; k <= last; k++) {
                passage.addAll(terms.get(k));
            }
            double score = model.score(new PageTerms.Terms(passage, n, List.of()));
            if (score > top) {
                top = score;
                best = passage;
                bestFirst = first;
                bestLast = last;
                bestWords = n;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        double scale = ReaderModel.scale(bestWords);
        List<ReaderModel.Weighed> weighed = new ArrayList<>();
        for (String t : best) {
            double w = model.weight(t);
            if (w != 0) {
                weighed.add(new ReaderModel.Weighed(t, w * scale));
            }
        }
        return Optional.of(new Passage(new ReaderModel.Reading(top, bestWords, model.longest(), List.copyOf(weighed),
                false), bestFirst, bestLast));
    }
}
