package be.lokaalsignaal.scan.reader;

import be.lokaalsignaal.topics.SignalKind;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ObjIntConsumer;

/**
 * Trains a {@link ReaderModel} on labelled pages: L2-regularised logistic regression (LIBLINEAR) over the terms
 * that occur on enough pages, each page's terms weighted as the model scores them ({@link ReaderModel#scale}).
 * The same pages and settings give the same table, term for term.
 */
public final class ReaderTrainer {

    /**
     * One labelled page.
     *
     * @param group what the page was written with (its part of the corpus): cross-validation keeps a group together,
     *              so that a fold is read by a model that saw none of its writers' pages
     */
    public record Example(String name, PageTerms.Terms terms, boolean positive, String group) {
    }

    /**
     * How the regression is fitted: C is the inverse of the regularisation's strength; only terms on at least
     * minPages pages are weighed. The defaults are the bundled reader's, chosen by cross-validation over the
     * development part (ACCURACY.md): with weaker regularisation and rarer terms left out the table is a quarter of
     * the size and reads unseen parts as well.
     */
    public record Settings(double c, int minPages) {
        public static final Settings DEFAULT = new Settings(64.0, 10);
    }

    /** A reader's threshold where no other is given: the campaign reader's, chosen by cross-validation. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private ReaderTrainer() {
    }

    public static ReaderModel train(SignalKind kind, List<Example> examples, Settings settings, double threshold,
                                    List<String> about) {
        if (examples.stream().noneMatch(Example::positive) || examples.stream().allMatch(Example::positive)) {
            throw new IllegalArgumentException("training needs pages with and without " + kind);
        }
        Map<String, Integer> index = vocabulary(examples, settings.minPages());
        String[] terms = new String[index.size()];
        index.forEach((t, i) -> terms[i - 1] = t);
        Problem problem = new Problem();
        problem.l = examples.size();
        problem.n = index.size() + 1;
        problem.bias = 1;
        problem.x = new Feature[examples.size()][];
        problem.y = new double[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            problem.x[i] = features(e.terms(), index, problem.n);
            problem.y[i] = e.positive() ? 1 : -1;
        }
        Linear.disableDebugOutput();
        Linear.resetRandom();
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, settings.c(), 0.0001));
        double[] w = model.getFeatureWeights();
        // the weights are for the first label the training saw
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        Map<String, Double> weights = new TreeMap<>();
        for (int i = 0; i < terms.length; i++) {
            // as the table writes them: a weight that rounds to nothing is left out
            double v = rounded(sign * w[i]);
            if (v != 0) {
                weights.put(terms[i], v);
            }
        }
        double bias = rounded(sign * w[terms.length]);
        int longest = examples.stream().mapToInt(e -> e.terms().words()).max().orElse(ReaderModel.MIN_WORDS);
        return new ReaderModel(kind, threshold, bias, Math.max(longest, ReaderModel.MIN_WORDS), weights, about);
    }

    /**
     * Every page's score by a model trained on the other folds; pages of one group are in one fold, groups dealt to
     * the folds in turn in the order of their names.
     */
    public static double[] crossValidate(SignalKind kind, List<Example> examples, Settings settings, int folds) {
        return crossValidate(kind, examples, settings, folds, (model, i) -> { });
    }

    /**
     * As {@link #crossValidate(SignalKind, List, Settings, int)}, handing every page with the model that scored it:
     * for what else that model makes of the page.
     */
    public static double[] crossValidate(SignalKind kind, List<Example> examples, Settings settings, int folds,
                                         ObjIntConsumer<ReaderModel> scored) {
        List<String> groups = new ArrayList<>(new TreeSet<>(examples.stream().map(Example::group).toList()));
        if (groups.size() < folds) {
            throw new IllegalArgumentException(groups.size() + " groups of pages cannot make " + folds + " folds");
        }
        Map<String, Integer> foldOf = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            foldOf.put(groups.get(g), g % folds);
        }
        double[] scores = new double[examples.size()];
        Arrays.fill(scores, Double.NaN);
        for (int f = 0; f < folds; f++) {
            List<Example> training = new ArrayList<>();
            for (Example e : examples) {
                if (foldOf.get(e.group()) != f) {
                    training.add(e);
                }
            }
            ReaderModel model = train(kind, training, settings, 0.5, List.of());
            for (int i = 0; i < examples.size(); i++) {
                if (foldOf.get(examples.get(i).group()) == f) {
                    scores[i] = model.score(examples.get(i).terms());
                    scored.accept(model, i);
                }
            }
        }
        return scores;
    }

    private static double rounded(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static Map<String, Integer> vocabulary(List<Example> examples, int minPages) {
        Map<String, Integer> pages = new HashMap<>();
        for (Example e : examples) {
            for (String t : e.terms().all()) {
                pages.merge(t, 1, Integer::sum);
            }
        }
        TreeSet<String> kept = new TreeSet<>();
        pages.forEach((t, n) -> {
            if (n >= minPages) {
                kept.add(t);
            }
        });
        Map<String, Integer> index = new HashMap<>();
        int i = 1;
        for (String t : kept) {
            index.put(t, i++);
        }
        return index;
    }

    private static Feature[] features(PageTerms.Terms terms, Map<String, Integer> index, int biasIndex) {
        double value = ReaderModel.scale(terms.words());
        int[] ids = terms.all().stream().map(index::get).filter(i -> i != null).mapToInt(Integer::intValue).sorted().toArray();
        Feature[] x = new Feature[ids.length + 1];
        for (int k = 0; k < ids.length; k++) {
            x[k] = new FeatureNode(ids[k], value);
        }
        x[ids.length] = new FeatureNode(biasIndex, 1);
        return x;
    }
}
