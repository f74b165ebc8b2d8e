package be.lokaalsignaal.cli;

import be.lokaalsignaal.app.UserError;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.scan.accuracy.AccuracyReport;
import be.lokaalsignaal.scan.accuracy.CorpusException;
import be.lokaalsignaal.scan.accuracy.LabelledCorpus;
import be.lokaalsignaal.scan.accuracy.ReaderAdds;
import be.lokaalsignaal.scan.accuracy.ReaderExamples;
import be.lokaalsignaal.scan.accuracy.ReaderPassages;
import be.lokaalsignaal.scan.reader.Passages;
import be.lokaalsignaal.scan.reader.ReaderModel;
import be.lokaalsignaal.scan.reader.ReaderTrainer;
import be.lokaalsignaal.scan.rules.Places;
import be.lokaalsignaal.scan.rules.SignalCatalogue;
import be.lokaalsignaal.topics.SignalKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ObjIntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code train-reader}: trains the reader of a kind on labelled corpus directories and writes its table, or measures
 * by cross-validation what such a reader would find on parts it did not see.
 */
@Command(name = "train-reader", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Trains the reader of a signal kind (a logistic regression over a page's words and word pairs) on labelled",
            "corpus directories and writes its table; with --cross-validate, prints per threshold the precision and",
            "recall of readers trained without the part of the corpus they are measured on, and, for the catalogue's",
            "reader of the kind, what it lets stand of the rules' matches and would add alone from each score.",
            "The bundled readers: train-reader --out src/main/resources/readers/campaign.tsv src/test/resources/accuracy/dev",
            "and train-reader --kind NIGHTLIFE --out src/main/resources/readers/nightlife.tsv src/test/resources/accuracy/dev"})
public final class TrainReaderCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Corpus directories, each with a labels.yml.")
    List<Path> dirs;

    @Mixin
    ReadingOptions reading;

    @Option(names = "--kind", defaultValue = "CAMPAIGN", description = "The kind to read (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--threshold", paramLabel = "P",
            description = "Score from which a page shows the kind (default: the catalogue's reader's of that kind, "
                    + "else 0.5).")
    Double threshold;

    @Option(names = "--c", paramLabel = "C",
            description = "Inverse strength of the regularisation (default: the bundled reader's, 64).")
    Double c;

    @Option(names = "--min-pages", paramLabel = "N",
            description = "Weigh only the terms on at least N of the pages (default: the bundled reader's, 10).")
    Integer minPages;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the reader's table.")
    Path out;

    @Option(names = "--cross-validate", negatable = false,
            description = "Measure instead of writing: each fold of whole parts read by a reader trained on the others.")
    boolean crossValidate;

    @Option(names = "--folds", defaultValue = "5", description = "Folds to cross-validate in (default: ${DEFAULT-VALUE}).")
    int folds;

    @Spec
    CommandSpec spec;

    /** The lengths of passage cross-validation measures beside the rules, in words. */
    private static final int[] PASSAGES = {100, 150, 200, 250, 300, 400, 500};

    @Override
    public Integer call() {
        SignalKind k;
        try {
            k = SignalKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new UserError("--kind: " + e.getMessage(), e);
        }
        if (!crossValidate && out == null) {
            throw new UserError("give --out FILE to write the reader, or --cross-validate to measure one");
        }
        if (folds < 2) {
            throw new UserError("--folds: " + folds + " folds cannot keep a part out of training; give 2 or more");
        }
        SignalCatalogue given = reading.catalogue();
        double t = threshold != null ? threshold : given.reader(k).map(r -> r.model().threshold())
                .orElse(ReaderTrainer.DEFAULT_THRESHOLD);
        if (!(t > 0 && t < 1)) {
            throw new UserError("--threshold: " + t + " is not between 0 and 1");
        }
        ReaderTrainer.Settings settings = new ReaderTrainer.Settings(
                c == null ? ReaderTrainer.Settings.DEFAULT.c() : c,
                minPages == null ? ReaderTrainer.Settings.DEFAULT.minPages() : minPages);
        Register register = reading.register(spec.commandLine().getErr());
        Places places = Places.of(register);
        SignalCatalogue withReader = given.withPlaces(places);
        SignalCatalogue catalogue = withReader.withoutReaders();
        // cross-validating the catalogue's reader of the kind measures what it does beside the rules too
        SignalCatalogue.Reader reader = crossValidate ? given.reader(k).orElse(null) : null;
        List<ReaderTrainer.Example> examples = new ArrayList<>();
        List<ReaderExamples.Judged> judged = new ArrayList<>();
        List<String> read = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                LabelledCorpus corpus = LabelledCorpus.read(dir, register);
                if (reader == null) {
                    examples.addAll(ReaderExamples.of(corpus, k, catalogue, places));
                } else {
                    for (ReaderExamples.Judged j : ReaderExamples.judged(corpus, k, withReader, places)) {
                        judged.add(j);
                        examples.add(j.example());
                    }
                }
                read.add(dir.getFileName().toString());
            } catch (CorpusException e) {
                throw new UserError(e.getMessage(), e);
            }
        }
        PrintWriter printer = spec.commandLine().getOut();
        try {
            if (crossValidate) {
                double[][] passages = new double[examples.size()][];
                double[] scores = crossValidate(printer, k, examples, settings, (model, i) -> {
                    if (reader != null) {
                        passages[i] = passageScores(model, judged.get(i), reader.confirmsFrom());
                    }
                });
                if (reader != null) {
                    besideTheRules(printer, k, reader, scores, judged);
                    inPassages(printer, reader, ReaderPassages.of(scores, passages, judged, reader.confirmsFrom(),
                            PASSAGES));
                }
                return 0;
            }
            long positives = examples.stream().filter(ReaderTrainer.Example::positive).count();
            ReaderModel model = ReaderTrainer.train(k, examples, settings, t, List.of(
                    "The reader of " + k + ": written by 'lokaal-signaal train-reader', do not edit by hand.",
                    "Trained on " + String.join(", ", read) + ": " + examples.size() + " pages, " + positives
                            + " labelled " + k + "; C " + settings.c() + ", terms on at least " + settings.minPages()
                            + " pages.",
                    "A page's score: 1 / (1 + e^-(bias + the sum of its terms' weights / sqrt(its number of words, "
                            + "at least " + ReaderModel.MIN_WORDS + ")))."));
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // written beside it and moved over it: a failed write leaves the table that was there
            Path partial = Files.createTempFile(dir, out.getFileName().toString(), ".partial");
            try {
                try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    model.write(w);
                }
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            printer.printf("%s: %d terms, from %d pages (%d labelled %s)%n", out, model.size(), examples.size(),
                    positives, k);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserError(out + ": cannot write: " + e.getMessage(), e);
        }
        return 0;
    }

    private double[] crossValidate(PrintWriter printer, SignalKind k, List<ReaderTrainer.Example> examples,
                                   ReaderTrainer.Settings settings, ObjIntConsumer<ReaderModel> scored) {
        double[] scores = ReaderTrainer.crossValidate(k, examples, settings, folds, scored);
        printer.printf("%d pages in %d folds of whole parts; C %s, terms on at least %d pages%n%n", examples.size(),
                folds, settings.c(), settings.minPages());
        printer.println("threshold  found false+ false-  precision  recall   precision 95% recall 95%");
        for (int t = 20; t <= 80; t += 5) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < scores.length; i++) {
                boolean shown = scores[i] >= t / 100.0;
                boolean labelled = examples.get(i).positive();
                tp += shown && labelled ? 1 : 0;
                fp += shown && !labelled ? 1 : 0;
                fn += !shown && labelled ? 1 : 0;
            }
            AccuracyReport.Figures f = new AccuracyReport.Figures(k, tp + fn, tp, fp, fn);
            printer.printf(Locale.ROOT, "%9.2f %6d %6d %6d      %.3f   %.3f   %-13s %s%n", t / 100.0, tp + fp, fp,
                    fn, f.precision(), f.recall(), AccuracyReport.bounds(f.precisionBounds()),
                    AccuracyReport.bounds(f.recallBounds()));
        }
        return scores;
    }

    /**
     * Of a page whose rules' matches the model takes away, its best passage's score per length in {@link #PASSAGES};
     * NaN where there is no such passage or nothing to keep.
     */
    private static double[] passageScores(ReaderModel model, ReaderExamples.Judged page, double confirmsFrom) {
        double[] out = new double[PASSAGES.length];
        Arrays.fill(out, Double.NaN);
        if (page.page() != null && model.score(page.example().terms()) < confirmsFrom) {
            for (int w = 0; w < PASSAGES.length; w++) {
                out[w] = Passages.best(model, page.page(), PASSAGES[w]).map(p -> p.reading().score())
                        .orElse(Double.NaN);
            }
        }
        return out;
    }

    /** What passages of each length would keep of the rules' matches the reader takes away. */
    private static void inPassages(PrintWriter printer, SignalCatalogue.Reader reader, ReaderPassages passages) {
        printer.printf(Locale.ROOT, "%nPassages, as '%s' reads them (%s): of the rules' matches it takes away, %d "
                + "right and %d wrong, a passage scored from %.2f keeps%n", reader.id(), reader.passage() == 0
                ? "none" : "of " + reader.passage() + " words", passages.takenRight(), passages.takenWrong(),
                reader.confirmsFrom());
        printer.println("passage of words  keeps: right  wrong");
        for (ReaderPassages.Keeping p : passages.keeping()) {
            printer.printf(Locale.ROOT, "%16d %13d %6d%n", p.words(), p.right(), p.wrong());
        }
    }

    /** The scores first/20 up to last/20, a twentieth apart. */
    private static double[] twentieths(int first, int last) {
        double[] scores = new double[Math.max(0, last - first + 1)];
        for (int t = first; t <= last; t++) {
            scores[t - first] = t / 20.0;
        }
        return scores;
    }

    /**
     * The same scores beside the rules, as the catalogue's reader acts: the rules' matches it lets stand, those that
     * would stand from each score it might confirm from, and what it would add alone from each score, where no rule
     * found the kind, on a page it may add it on.
     */
    private static void besideTheRules(PrintWriter printer, SignalKind k, SignalCatalogue.Reader reader,
                                       double[] scores, List<ReaderExamples.Judged> judged) {
        double threshold = reader.model().threshold();
        // confirming from 0.05 up to the threshold (above it the reader would take away matches it finds itself);
        // adding from the threshold up to 0.95
        ReaderAdds adds = ReaderAdds.of(k, scores, judged, reader.confirmsFrom(),
                twentieths(1, (int) Math.floor(threshold * 20 + 1e-9)),
                twentieths((int) Math.ceil(threshold * 20 - 1e-9), 19));
        AccuracyReport.Figures r = adds.withRules();
        printer.printf(Locale.ROOT, "%nBeside the rules, as '%s' acts (a rule's match stands from %.2f; it adds alone "
                + "from %s):%n", reader.id(), reader.confirmsFrom(), reader.adds()
                ? String.format(Locale.ROOT, "%.2f", reader.addsFrom()) : "nowhere");
        printer.printf(Locale.ROOT, "the rules' matches that stand: %d found, %d false+, %d false-, precision %.3f, "
                + "recall %.3f%n%n", r.truePositives() + r.falsePositives(), r.falsePositives(), r.falseNegatives(),
                r.precision(), r.recall());
        printer.println("confirms from  stand: right  wrong  precision  recall   precision 95% recall 95%");
        for (ReaderAdds.Confirming c : adds.confirming()) {
            AccuracyReport.Figures f = c.figures();
            printer.printf(Locale.ROOT, "%13.2f %13d %6d      %.3f   %.3f   %-13s %s%n", c.from(), c.right(),
                    c.wrong(), f.precision(), f.recall(), AccuracyReport.bounds(f.precisionBounds()),
                    AccuracyReport.bounds(f.recallBounds()));
        }
        printer.println();
        printer.println("adds from  right  wrong  precision  recall   precision 95% recall 95%");
        for (ReaderAdds.Adding a : adds.adding()) {
            AccuracyReport.Figures f = a.figures();
            printer.printf(Locale.ROOT, "%9.2f %6d %6d      %.3f   %.3f   %-13s %s%n", a.from(), a.right(), a.wrong(),
                    f.precision(), f.recall(), AccuracyReport.bounds(f.precisionBounds()),
                    AccuracyReport.bounds(f.recallBounds()));
        }
    }
}
