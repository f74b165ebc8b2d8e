package be.lokaalsignaal.scan.accuracy;

import be.lokaalsignaal.topics.SignalKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a reader does beside the rules, scored by cross-validation: the rules' matches that stand where it scores the
 * page from its confirming score, per score it might confirm from, the rules' matches that would stand, and per score
 * it might add from, the pages it would add where no rule found the kind, right and wrong. The scores a catalogue's
 * reader confirms and adds from are chosen on these figures.
 *
 * @param withRules  the rules' matches that the reader lets stand, against the labels
 * @param confirming per score to confirm from, the rules' matches that stand and the figures of the kind with them
 *                   (the reader adding nothing)
 * @param adding     per score to add from, what the reader adds alone and the figures of the kind with it (beside the
 *                   rules' matches that stand from the confirming score given)
 */
public record ReaderAdds(AccuracyReport.Figures withRules, List<Confirming> confirming, List<Adding> adding) {

    /** Confirming the rules' matches from a score: the right and wrong ones that stand, and the kind's figures. */
    public record Confirming(double from, int right, int wrong, AccuracyReport.Figures figures) {
    }

    /** Adding alone from a score: right and wrong pages added, and the kind's figures with them. */
    public record Adding(double from, int right, int wrong, AccuracyReport.Figures figures) {
    }

    /**
     * @param scores each page's score by a reader that was not trained on its part
     * @param pages  the same pages, in the same order, with what the rules and the reader's conditions say of them
     */
    public static ReaderAdds of(SignalKind kind, double[] scores, List<ReaderExamples.Judged> pages,
                                double confirmsFrom, double[] confirmFroms, double[] froms) {
        if (scores.length != pages.size()) {
            throw new IllegalArgumentException(scores.length + " scores for " + pages.size() + " pages");
        }
        int labelled = 0;
        for (ReaderExamples.Judged p : pages) {
            labelled += p.example().positive() ? 1 : 0;
        }
        int[] stand = rightAndWrong(scores, pages, confirmsFrom, ReaderExamples.Judged::ruled);
        int tp = stand[0];
        int fp = stand[1];
        List<Confirming> confirming = new ArrayList<>();
        for (double from : confirmFroms) {
            int[] c = rightAndWrong(scores, pages, from, ReaderExamples.Judged::ruled);
            confirming.add(new Confirming(from, c[0], c[1],
                    new AccuracyReport.Figures(kind, labelled, c[0], c[1], labelled - c[0])));
        }
        List<Adding> adding = new ArrayList<>();
        for (double from : froms) {
            int[] a = rightAndWrong(scores, pages, from, p -> !p.ruled() && p.mayAdd());
            adding.add(new Adding(from, a[0], a[1], new AccuracyReport.Figures(kind, labelled, tp + a[0],
                    fp + a[1], labelled - tp - a[0])));
        }
        return new ReaderAdds(new AccuracyReport.Figures(kind, labelled, tp, fp, labelled - tp),
                List.copyOf(confirming), List.copyOf(adding));
    }

    /**
     * Of the pages scored from a score up that the condition holds for, how many are labelled with the kind (right)
     * and how many not (wrong).
     */
    private static int[] rightAndWrong(double[] scores, List<ReaderExamples.Judged> pages, double from,
                                       Predicate<ReaderExamples.Judged> where) {
        int right = 0;
        int wrong = 0;
        for (int i = 0; i < scores.length; i++) {
            ReaderExamples.Judged p = pages.get(i);
            if (scores[i] >= from && where.test(p)) {
                right += p.example().positive() ? 1 : 0;
                wrong += p.example().positive() ? 0 : 1;
            }
        }
        return new int[] {right, wrong};
    }
}
