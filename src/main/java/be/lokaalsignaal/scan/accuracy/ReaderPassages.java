package be.lokaalsignaal.scan.accuracy;

import java.util.ArrayList;
import java.util.List;

/**
 * What passages keep of the rules' matches a reader takes away, scored by cross-validation: the matches it takes
 * away, right and wrong, and per length of passage how many of those a passage scored from the confirming score would
 * keep, right and wrong. The length a catalogue's reader reads passages of is chosen on these figures.
 */
public record ReaderPassages(int takenRight, int takenWrong, List<Keeping> keeping) {

    /** Passages of so many words: the right and wrong rules' matches they keep. */
    public record Keeping(int words, int right, int wrong) {
    }

    /**
     * @param scores   each page's score by a reader that was not trained on its part
     * @param passages per page (in the same order) and per length of passage, the best passage's score by that reader;
     *                 NaN where the page has no such passage or the rules found nothing there
     * @param pages    the same pages, with what the rules found
     * @param words    the lengths of passage, in the order of {@code passages}' columns
     */
    public static ReaderPassages of(double[] scores, double[][] passages, List<ReaderExamples.Judged> pages,
                                    double confirmsFrom, int[] words) {
        if (scores.length != pages.size() || passages.length != pages.size()) {
            throw new IllegalArgumentException(scores.length + " scores and " + passages.length + " rows of passages "
                    + "for " + pages.size() + " pages");
        }
        int takenRight = 0;
        int takenWrong = 0;
        int[] right = new int[words.length];
        int[] wrong = new int[words.length];
        for (int i = 0; i < scores.length; i++) {
            ReaderExamples.Judged p = pages.get(i);
            if (!p.ruled() || scores[i] >= confirmsFrom) {
                continue;
            }
            boolean labelled = p.example().positive();
            takenRight += labelled ? 1 : 0;
            takenWrong += labelled ? 0 : 1;
            for (int w = 0; w < words.length; w++) {
                // NaN (no passage) is not at least anything
                if (passages[i][w] >= confirmsFrom) {
                    right[w] += labelled ? 1 : 0;
                    wrong[w] += labelled ? 0 : 1;
                }
            }
        }
        List<Keeping> keeping = new ArrayList<>();
        for (int w = 0; w < words.length; w++) {
            keeping.add(new Keeping(words[w], right[w], wrong[w]));
        }
        return new ReaderPassages(takenRight, takenWrong, List.copyOf(keeping));
    }
}
