package be.lokaalsignaal.scan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.scan.PageAnalyzer;
import be.lokaalsignaal.scan.accuracy.AccuracyReport;
import be.lokaalsignaal.scan.accuracy.LabelledCorpus;
import be.lokaalsignaal.scan.accuracy.LabelledPage;
import be.lokaalsignaal.scan.accuracy.ReaderExamples;
import be.lokaalsignaal.scan.extract.PageContent;
import be.lokaalsignaal.scan.reader.Lexicon;
import be.lokaalsignaal.scan.reader.PageTerms;
import be.lokaalsignaal.scan.reader.ReaderModel;
import be.lokaalsignaal.scan.reader.ReaderTrainer;
import be.lokaalsignaal.topics.SignalKind;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bundled readers (campaigns, nightlife measures, safety plans): what training on the development part gives, and how readers
 * trained so read parts they did not see. The development part's own figures say nothing of a reader trained on it
 * (it knows those pages); the cross-validated ones do.
 */
class BundledReadersTest {

    private static final Path DEV = Path.of("src/test/resources/accuracy/dev");

    private static final Map<SignalKind, List<ReaderTrainer.Example>> examples = new EnumMap<>(SignalKind.class);
    private static final Map<SignalKind, ReaderModel> bundled = new EnumMap<>(SignalKind.class);
    private static Register register;
    private static Places places;
    private static SignalCatalogue rules;

    @BeforeAll
    static void readTheDevelopmentPart() {
        register = Register.bundled();
        places = Places.of(register);
        SignalCatalogue catalogue = SignalCatalogue.bundled();
        rules = catalogue.withoutReaders().withPlaces(places);
        LabelledCorpus corpus = LabelledCorpus.read(DEV, register);
        for (SignalCatalogue.Reader reader : catalogue.readers()) {
            bundled.put(reader.model().kind(), reader.model());
            examples.put(reader.model().kind(), ReaderExamples.of(corpus, reader.model().kind(), rules, places));
        }
    }

    private static String table(ReaderModel model) throws Exception {
        StringWriter out = new StringWriter();
        model.write(out);
        // the comment lines say how it was made; the rest is the reader
        return Arrays.stream(out.toString().split("\n")).filter(l -> !l.startsWith("#"))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void campaignsNightlifeMeasuresAndSafetyPlansAreRead() {
        assertThat(bundled).containsOnlyKeys(SignalKind.CAMPAIGN, SignalKind.NIGHTLIFE, SignalKind.SAFETY_PLAN);
    }

    @ParameterizedTest
    @EnumSource(names = {"CAMPAIGN", "NIGHTLIFE", "SAFETY_PLAN"})
    void theBundledReaderIsWhatTrainingOnTheDevelopmentPartGives(SignalKind kind) throws Exception {
        ReaderModel trained = ReaderTrainer.train(kind, examples.get(kind), ReaderTrainer.Settings.DEFAULT,
                bundled.get(kind).threshold(), List.of());

        assertThat(table(bundled.get(kind))).as("the bundled reader of %s against training on %s: run train-reader "
                + "again after a label or page of the corpus changed", kind, DEV).isEqualTo(table(trained));
    }

    @ParameterizedTest
    @EnumSource(names = {"CAMPAIGN", "NIGHTLIFE", "SAFETY_PLAN"})
    void aReaderTrainedWithoutAPartReadsThatPartAtTheFloors(SignalKind kind) {
        List<ReaderTrainer.Example> of = examples.get(kind);
        double[] scores = ReaderTrainer.crossValidate(kind, of, ReaderTrainer.Settings.DEFAULT, 5);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean shown = scores[i] >= bundled.get(kind).threshold();
            boolean labelled = of.get(i).positive();
            tp += shown && labelled ? 1 : 0;
            fp += shown && !labelled ? 1 : 0;
            fn += !shown && labelled ? 1 : 0;
        }
        AccuracyReport.Figures figures = new AccuracyReport.Figures(kind, tp + fn, tp, fp, fn);

        assertThat(figures.precision()).as("cross-validated precision").isGreaterThanOrEqualTo(0.95);
        assertThat(figures.recall()).as("cross-validated recall").isGreaterThanOrEqualTo(0.90);
    }

    /**
     * The catalogue cuts a page once for both readers, by numbers; the readers were trained on the page's terms as
     * strings. The two must give every page the same score, or the trained reader is not the one that reads.
     */
    @Test
    void everyPageCutOnceForBothReadersScoresAsItsTermsDo() {
        Set<String> words = new LinkedHashSet<>();
        bundled.values().forEach(m -> words.addAll(m.terms()));
        Lexicon shared = new Lexicon(words);
        PageAnalyzer analyzer = new PageAnalyzer(rules);
        List<String> differ = new ArrayList<>();
        for (LabelledPage page : LabelledCorpus.read(DEV, register).pages()) {
            PageContent content = AccuracyReport.analyse(analyzer, page).content();
            Set<String> own = places.selfNames(page.nisCode());
            PageTerms.Terms terms = PageTerms.of(content, own);
            Lexicon.Cut cut = shared.cut(content, own);
            assertThat(cut.words()).as("words of %s", page.name()).isEqualTo(terms.words());
            for (ReaderModel model : bundled.values()) {
                double byTerms = model.score(terms);
                double byCut = model.read(cut).score();
                if (Math.abs(byTerms - byCut) > 1e-9) {
                    differ.add(page.name() + " " + model.kind() + ": " + byTerms + " by its terms, " + byCut + " cut");
                }
            }
        }
        assertThat(differ).isEmpty();
    }
}
