package be.lokaalsignaal.scan.accuracy;

import be.lokaalsignaal.scan.PageAnalyzer;
import be.lokaalsignaal.scan.reader.PageTerms;
import be.lokaalsignaal.scan.reader.Passages;
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
            out.add(example(corpus, page, kind, AccuracyReport.analyse(analyzer, page), places));
        }
        return out;
    }

    /**
     * A page as a reader is trained on it, with what the catalogue's rules and the reader's conditions say of it:
     * whether the rules found the kind, and whether the reader may add the kind there where no rule found it; and
     * where the rules found it, the page read for its passages.
     */
    public record Judged(ReaderTrainer.Example example, boolean ruled, boolean mayAdd, Passages.Page page) {
    }

    /**
     * The pages as {@link #of} gives them, each judged by the catalogue's rules and by the conditions of its reader of
     * the kind: what choosing the scores that reader confirms and adds from is measured on.
     *
     * @param catalogue the catalogue with its places and its reader of the kind
     */
    public static List<Judged> judged(LabelledCorpus corpus, SignalKind kind, SignalCatalogue catalogue,
                                      Places places) {
        SignalCatalogue.Reader reader = catalogue.reader(kind).orElseThrow(() -> new IllegalArgumentException(
                catalogue.source() + " has no reader of " + kind));
        PageAnalyzer analyzer = new PageAnalyzer(catalogue.withoutReaders());
        List<Judged> out = new ArrayList<>();
        for (LabelledPage page : corpus.pages()) {
            PageAnalyzer.Result result = AccuracyReport.analyse(analyzer, page);
            boolean ruled = result.page().getMatches().stream().anyMatch(m -> m.getKind().equals(kind.name()));
            // its passages only where the rules found the kind: what a passage may keep
            out.add(new Judged(example(corpus, page, kind, result, places), ruled,
                    catalogue.mayAdd(reader, result.content()),
                    ruled ? Passages.Page.of(result.content(), places.selfNames(page.nisCode())) : null));
        }
        return out;
    }

    private static ReaderTrainer.Example example(LabelledCorpus corpus, LabelledPage page, SignalKind kind,
                                                 PageAnalyzer.Result result, Places places) {
        PageTerms.Terms terms = PageTerms.of(result.content(), places.selfNames(page.nisCode()));
        return new ReaderTrainer.Example(page.name(), terms, page.expected().contains(kind),
                corpus.dir().getFileName() + "/" + part(page.name()));
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
