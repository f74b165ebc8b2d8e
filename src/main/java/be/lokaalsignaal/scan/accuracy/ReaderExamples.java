package be.lokaalsignaal.scan.accuracy;

import be.lokaalsignaal.scan.PageAnalyzer;
import be.lokaalsignaal.scan.reader.PageTerms;
import be.lokaalsignaal.scan.reader.ReaderTrainer;
import be.lokaalsignaal.scan.rules.Places;
import be.lokaalsignaal.scan.rules.SignalCatalogue;
import be.lokaalsignaal.topics.SignalKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pages of a labelled corpus as a reader is trained on them: their terms, their label for one kind, their part. */
public final class ReaderExamples {

    private static final Pattern NUMBER = Pattern.compile("^(\\d+)");

    private ReaderExamples() {
    }

    /**
     * @param catalogue the catalogue the pages are read with (its rules do not matter here: a page's text is what
     *                  the crawl extracts)
     */
    public static List<ReaderTrainer.Example> of(LabelledCorpus corpus, SignalKind kind, SignalCatalogue catalogue,
                                                 Places places) {
        PageAnalyzer analyzer = new PageAnalyzer(catalogue);
        List<ReaderTrainer.Example> out = new ArrayList<>();
        for (LabelledPage page : corpus.pages()) {
            PageAnalyzer.Result result = AccuracyReport.analyse(analyzer, page);
            PageTerms.Terms terms = PageTerms.of(result.content(), places.selfNames(page.nisCode()));
            out.add(new ReaderTrainer.Example(page.name(), terms, page.expected().contains(kind),
                    corpus.dir().getFileName() + "/" + part(page.name())));
        }
        return out;
    }

    /**
     * The part of the corpus a page was written in, from its number: parts are numbered from x01 to x35 of every
     * second hundred (301-435, 501-635), so a part is the two hundreds from an odd one on; pages without a number
     * are a part of their own.
     */
    static String part(String name) {
        Matcher m = NUMBER.matcher(name);
        if (!m.find()) {
            return name;
        }
        int n = Integer.parseInt(m.group(1));
        return Integer.toString(Math.floorDiv(n - 101, 200));
    }
}
