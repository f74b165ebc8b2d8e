package be.lokaalsignaal.scan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.scan.accuracy.AccuracyReport;
import be.lokaalsignaal.scan.accuracy.LabelledCorpus;
import be.lokaalsignaal.scan.accuracy.ReaderExamples;
import be.lokaalsignaal.scan.reader.ReaderModel;
import be.lokaalsignaal.scan.reader.ReaderTrainer;
import be.lokaalsignaal.topics.SignalKind;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled campaign reader: what training on the development part gives, and how readers trained so read parts they
 * did not see. The development part's own figures say nothing of a reader trained on it (it knows those pages); the
 * cross-validated ones do.
 */
class CampaignReaderTest {

    private static final Path DEV = Path.of("src/test/resources/accuracy/dev");

    private static List<ReaderTrainer.Example> examples;
    private static ReaderModel bundled;

    @BeforeAll
    static void readTheDevelopmentPart() {
        Register register = Register.bundled();
        Places places = Places.of(register);
        SignalCatalogue catalogue = SignalCatalogue.bundled();
        bundled = catalogue.readers().get(0).model();
        examples = ReaderExamples.of(LabelledCorpus.read(DEV, register), SignalKind.CAMPAIGN,
                catalogue.withoutReaders().withPlaces(places), places);
    }

    private static String table(ReaderModel model) throws Exception {
        StringWriter out = new StringWriter();
        model.write(out);
        // the comment lines say how it was made; the rest is the reader
        return Arrays.stream(out.toString().split("\n")).filter(l -> !l.startsWith("#"))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void theBundledReaderIsWhatTrainingOnTheDevelopmentPartGives() throws Exception {
        ReaderModel trained = ReaderTrainer.train(SignalKind.CAMPAIGN, examples, ReaderTrainer.Settings.DEFAULT,
                ReaderTrainer.DEFAULT_THRESHOLD, List.of());

        assertThat(table(bundled)).as("src/main/resources/readers/campaign.tsv against training on %s: "
                + "run train-reader again after a label or page of the corpus changed", DEV).isEqualTo(table(trained));
    }

    @Test
    void aReaderTrainedWithoutAPartReadsThatPartAtTheFloors() {
        double[] scores = ReaderTrainer.crossValidate(SignalKind.CAMPAIGN, examples, ReaderTrainer.Settings.DEFAULT, 5);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean shown = scores[i] >= bundled.threshold();
            boolean labelled = examples.get(i).positive();
            tp += shown && labelled ? 1 : 0;
            fp += shown && !labelled ? 1 : 0;
            fn += !shown && labelled ? 1 : 0;
        }
        AccuracyReport.Figures figures = new AccuracyReport.Figures(SignalKind.CAMPAIGN, tp + fn, tp, fp, fn);

        assertThat(figures.precision()).as("cross-validated precision").isGreaterThanOrEqualTo(0.95);
        assertThat(figures.recall()).as("cross-validated recall").isGreaterThanOrEqualTo(0.90);
    }
}
