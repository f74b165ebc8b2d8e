package be.lokaalsignaal.scan.accuracy;

import be.lokaalsignaal.avro.MatchedPhrase;
import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.scan.PageAnalyzer;
import be.lokaalsignaal.scan.rules.PhraseRule;
import be.lokaalsignaal.scan.rules.SignalCatalogue;
import be.lokaalsignaal.scan.url.SiteScope;
import be.lokaalsignaal.topics.SignalKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;

/**
 * The whole signal catalogue over a labelled corpus, through the scanner's own reading of a page (the same
 * {@link PageAnalyzer} a crawl uses; a .pdf.txt page becomes a real PDF first): per kind the pages labelled and
 * found, precision and recall, and the confusions with the evidence of every false positive.
 */
public final class AccuracyReport {

    /** The figures of one kind. */
    public record Figures(SignalKind kind, int labelled, int truePositives, int falsePositives, int falseNegatives) {

        /** Of the pages found, the share labelled so; 1 when nothing was found (nothing wrong was reported). */
        public double precision() {
            int found = truePositives + falsePositives;
            return found == 0 ? 1.0 : (double) truePositives / found;
        }

        /** Of the pages labelled, the share found; 1 when no page is labelled with the kind. */
        public double recall() {
            return labelled == 0 ? 1.0 : (double) truePositives / labelled;
        }

        /** Where the precision of pages like these lies, at 95 % confidence; empty when nothing was found. */
        public Optional<Bounds> precisionBounds() {
            return Bounds.of(truePositives, truePositives + falsePositives);
        }

        /** Where the recall of pages like these lies, at 95 % confidence; empty when no page is labelled so. */
        public Optional<Bounds> recallBounds() {
            return Bounds.of(truePositives, labelled);
        }
    }

    /**
     * A 95 % confidence interval for a share of a corpus part. Clopper-Pearson's exact interval rather than the
     * narrower Wilson score: a figure quoted to Parliament should err on the side of saying too little, and this one
     * covers the true share at least 95 % of the time whatever the share and size, where Wilson's does so on average
     * and dips below near 0 and 1. It says how far a part of this size can be off by chance, not how far written
     * pages are from the web.
     */
    public record Bounds(double low, double high) {

        static Optional<Bounds> of(int successes, int trials) {
            if (trials == 0) {
                return Optional.empty();
            }
            Interval i = BinomialConfidenceInterval.CLOPPER_PEARSON.fromErrorRate(trials, successes, 0.05);
            return Optional.of(new Bounds(i.getLowerBound(), i.getUpperBound()));
        }
    }

    /**
     * A kind found but not labelled (false positive, with the evidence of its matches) or labelled but not found
     * (false negative, with why each rule of the kind did not match: rule id to reason).
     */
    public record Confusion(LabelledPage page, SignalKind kind, boolean falsePositive, List<RuleMatch> evidence,
                            Map<String, String> whyNot) {
    }

    /** What the scanner made of one page; for each kind labelled but not found, why each of its rules did not match. */
    public record PageResult(LabelledPage page, Set<SignalKind> found, List<RuleMatch> matches,
                             Map<SignalKind, Map<String, String>> whyNot) {
    }

    private final LabelledCorpus corpus;
    private final List<PageResult> results;
    private final Map<SignalKind, Figures> figures;
    private final List<Confusion> confusions;

    private AccuracyReport(LabelledCorpus corpus, List<PageResult> results) {
        this.corpus = corpus;
        this.results = List.copyOf(results);
        Map<SignalKind, Figures> f = new EnumMap<>(SignalKind.class);
        List<Confusion> c = new ArrayList<>();
        for (SignalKind kind : LabelledCorpus.kinds()) {
            int labelled = 0;
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (PageResult r : results) {
                boolean expected = r.page().expected().contains(kind);
                boolean found = r.found().contains(kind);
                labelled += expected ? 1 : 0;
                if (expected && found) {
                    tp++;
                } else if (found) {
                    fp++;
                    c.add(new Confusion(r.page(), kind, true, r.matches().stream()
                            .filter(m -> m.getKind().equals(kind.name())).toList(), Map.of()));
                } else if (expected) {
                    fn++;
                    c.add(new Confusion(r.page(), kind, false, List.of(), r.whyNot().getOrDefault(kind, Map.of())));
                }
            }
            f.put(kind, new Figures(kind, labelled, tp, fp, fn));
        }
        this.figures = f;
        this.confusions = List.copyOf(c);
    }

    /**
     * Runs the catalogue over every page of the corpus.
     *
     * @param catalogue the catalogue, with the municipalities' names bound ({@link SignalCatalogue#withPlaces})
     * @throws CorpusException naming the page when one cannot be read
     */
    public static AccuracyReport run(LabelledCorpus corpus, SignalCatalogue catalogue) {
        PageAnalyzer analyzer = new PageAnalyzer(catalogue);
        List<PageResult> results = new ArrayList<>();
        for (LabelledPage page : corpus.pages()) {
            results.add(read(analyzer, catalogue, page));
        }
        return new AccuracyReport(corpus, results);
    }

    private static PageResult read(PageAnalyzer analyzer, SignalCatalogue catalogue, LabelledPage page) {
        PageAnalyzer.Result result = analyse(analyzer, page);
        Set<SignalKind> found = EnumSet.noneOf(SignalKind.class);
        for (RuleMatch m : result.page().getMatches()) {
            found.add(SignalKind.parse(m.getKind()));
        }
        Map<SignalKind, Map<String, String>> whyNot = new EnumMap<>(SignalKind.class);
        if (!found.containsAll(page.expected())) {
            Map<String, String> all = catalogue.whyNot(result.content(), page.nisCode());
            for (PhraseRule rule : catalogue.rules()) {
                if (page.expected().contains(rule.kind()) && !found.contains(rule.kind()) && all.containsKey(rule.id())) {
                    whyNot.computeIfAbsent(rule.kind(), k -> new LinkedHashMap<>()).put(rule.id(), all.get(rule.id()));
                }
            }
            for (SignalCatalogue.Reader reader : catalogue.readers()) {
                SignalKind kind = reader.model().kind();
                if (page.expected().contains(kind) && !found.contains(kind) && all.containsKey(reader.id())) {
                    whyNot.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(reader.id(), all.get(reader.id()));
                }
            }
        }
        return new PageResult(page, found, result.page().getMatches(), whyNot);
    }

    /** Reads a page of the corpus as a crawl reads a response: HTML as served, a PDF text made a PDF again. */
    public static PageAnalyzer.Result analyse(PageAnalyzer analyzer, LabelledPage page) {
        byte[] body;
        String type;
        try {
            String text = Files.readString(page.file());
            if (page.isPdf()) {
                body = PdfText.toPdf(text);
                type = "application/pdf";
            } else {
                body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                type = "text/html; charset=utf-8";
            }
        } catch (IOException e) {
            throw new CorpusException(page.file() + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return analyzer.analyse("accuracy", page.nisCode(), page.url(), page.url(), Instant.EPOCH, 200, type,
                    body, body.length, false, SiteScope.ofUrl(page.url()));
        } catch (PageAnalyzer.UnsupportedContentException e) {
            throw new CorpusException(page.file() + ": the scanner does not read it: " + e.getMessage(), e);
        }
    }

    public LabelledCorpus corpus() {
        return corpus;
    }

    public List<PageResult> results() {
        return results;
    }

    public Figures figures(SignalKind kind) {
        return figures.get(kind);
    }

    public Map<SignalKind, Figures> figures() {
        return figures;
    }

    public List<Confusion> confusions() {
        return confusions;
    }

    /** The table of figures; then, unless figuresOnly, every confusion with the label's reason and the evidence. */
    public void print(PrintWriter out, boolean figuresOnly) {
        out.printf("%s: %d pages%n%n", corpus.dir(), results.size());
        out.printf("%-13s %8s %6s %6s %6s %10s %7s   %-13s %s%n", "kind", "labelled", "found", "false+", "false-",
                "precision", "recall", "precision 95%", "recall 95%");
        // three decimals: 55 of 58 is 0.948, which two decimals would print as the floor of 0.95 it does not reach
        for (Figures f : figures.values()) {
            out.printf(Locale.ROOT, "%-13s %8d %6d %6d %6d %10.3f %7.3f   %-13s %s%n", f.kind(), f.labelled(),
                    f.truePositives() + f.falsePositives(), f.falsePositives(), f.falseNegatives(), f.precision(),
                    f.recall(), bounds(f.precisionBounds()), bounds(f.recallBounds()));
        }
        out.println();
        out.println("95%: Clopper-Pearson interval of the share over pages like these; - where nothing is counted.");
        if (figuresOnly) {
            out.flush();
            return;
        }
        out.println();
        if (confusions.isEmpty()) {
            out.println("no confusions");
        }
        for (SignalKind kind : figures.keySet()) {
            List<Confusion> ofKind = confusions.stream().filter(c -> c.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            out.printf("%s%n", kind);
            for (Confusion c : ofKind) {
                out.printf("  %s %s (%s)%n      label: %s %s%n", c.falsePositive() ? "false+" : "false-",
                        c.page().name(), c.page().municipality(), sorted(c.page().expected()), c.page().reason());
                c.whyNot().forEach((rule, why) -> out.printf("      rule %s: %s%n", rule, why));
                for (RuleMatch m : c.evidence()) {
                    out.printf("      rule %s%s: \"%s\"%n", m.getRule(),
                            m.getActor() == null ? "" : " (actor " + m.getActor() + ")", m.getSnippet());
                    if (!m.getPhrases().isEmpty()) {
                        out.printf("        %s%n", m.getPhrases().stream().map(AccuracyReport::phrase)
                                .collect(Collectors.joining("; ")));
                    }
                }
            }
        }
        out.flush();
    }

    /** An interval as the report prints it: low-high to three decimals, or - where nothing is counted. */
    public static String bounds(Optional<Bounds> b) {
        return b.map(x -> String.format(Locale.ROOT, "%.3f-%.3f", x.low(), x.high())).orElse("-");
    }

    private static String phrase(MatchedPhrase p) {
        return p.getRole() + " '" + p.getText() + "'" + (p.getText().equalsIgnoreCase(p.getPhrase()) ? ""
                : " (" + p.getPhrase() + ")");
    }

    private static List<String> sorted(Set<SignalKind> kinds) {
        return kinds.stream().map(Enum::name).sorted().toList();
    }
}
