package be.lokaalsignaal.cli;

import be.lokaalsignaal.app.UserError;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.scan.accuracy.AccuracyReport;
import be.lokaalsignaal.scan.accuracy.CorpusException;
import be.lokaalsignaal.scan.accuracy.LabelledCorpus;
import be.lokaalsignaal.scan.rules.Places;
import be.lokaalsignaal.scan.rules.SignalCatalogue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code accuracy}: the whole signal catalogue over a labelled corpus (labels.yml and its pages), with
 * precision, recall and the confusions per kind. Needs no Kafka: it reads pages as a crawl would and prints.
 */
@Command(name = "accuracy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs the signal catalogue over labelled corpus directories (labels.yml with its pages) and prints, per kind,",
            "the pages labelled and found, precision and recall with their 95%% intervals, and the confusions with their",
            "evidence.",
            "The project's corpus: src/test/resources/accuracy/dev (tuned on) and .../heldout (never tuned on)."})
public final class AccuracyCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Corpus directories, each with a labels.yml.")
    List<Path> dirs;

    @Mixin
    ReadingOptions reading;

    @Option(names = "--figures-only", negatable = false,
            description = "Print the figures per kind only, not which pages were confused (for a held-out part).")
    boolean figuresOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Register register = reading.register(spec.commandLine().getErr());
        SignalCatalogue catalogue = reading.catalogue().withPlaces(Places.of(register));
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < dirs.size(); i++) {
            AccuracyReport report;
            try {
                report = AccuracyReport.run(LabelledCorpus.read(dirs.get(i), register), catalogue);
            } catch (CorpusException e) {
                throw new UserError(e.getMessage(), e);
            }
            if (i > 0) {
                out.println();
            }
            report.print(out, figuresOnly);
        }
        return 0;
    }
}
