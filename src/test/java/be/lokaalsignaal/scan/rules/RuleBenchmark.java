package be.lokaalsignaal.scan.rules;

import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.scan.extract.HtmlExtractor;
import be.lokaalsignaal.scan.extract.PageContent;
import be.lokaalsignaal.scan.reader.Lexicon;
import be.lokaalsignaal.scan.rules.before.RegexCatalogue;
import be.lokaalsignaal.scan.url.SiteScope;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jsoup.Jsoup;

/**
 * Rule cost against parsing cost, not a test: for a 20 KB and a 5 MB page of ordinary municipal Dutch
 * ({@link MunicipalDutchPage}), in one run, the CPU time of jsoup's parse, of the scanner's HTML extraction (parse
 * and text blocks), of the signal rules as they were (one regular expression per phrase per rule,
 * {@link RegexCatalogue} with the catalogue of that time) and of the rules now (one pass over the page's words:
 * Latin text cut by {@link LatinWords} as Lucene's standard tokenizer would, the rest by Lucene; beside them the
 * cost of Lucene's standard tokenizer alone over the paragraphs, what reading every word through Lucene costs), the
 * latter with the word tables of a running scan and with them emptied before each run (the first page of a scan:
 * every distinct word stemmed), and of that the rules without the readers and the readers alone (the page cut
 * once into the numbers of the words they weigh, and both readers' scores), and of that the cut, which stops once
 * the page has more words than any page a reader judges (beside it what cutting the whole page would cost); and,
 * as each page's last step, the parse and the rules in turn, every run parsing the page and then running the rules
 * on it, as a scan does, each timed on its own.
 * The JVM runs with its heap fixed and touched at start ({@code bench/rules.sh}): with a growing heap, runs of
 * both the parse and the rules went from about 30 and 45 ms to 80 ms and back, the difference system time
 * spent faulting in fresh memory, whichever step happened to allocate after the heap had grown or shrunk.
 * Medians over repeated runs after as many to warm up, and at least four seconds of them; CPU time of this thread,
 * so other processes on a busy machine do not count.
 *
 * <pre>
 * bench/rules.sh      (three JVMs of their own with the test classpath; FORKS=1 for one)
 * </pre>
 */
public final class RuleBenchmark {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String URL = "https://www.voorbeeld.be/nieuws";
    private static final String NIS = "12025";
    private static final long WARM_UP_NANOS = 4_000_000_000L;

    private RuleBenchmark() {
    }

    public static void main(String[] args) {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        RegexCatalogue before = RegexCatalogue.bundled();
        Places places = Places.of(Register.bundled());
        SignalCatalogue after = SignalCatalogue.bundled().withPlaces(places);
        System.out.printf("%s; %d cores; Java %s%n", System.getProperty("os.name"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("%-8s %-34s %10s %10s %5s  %s%n", "page", "step", "median ms", "min ms", "runs", "found");
        // the regex catalogue of before is measured last, after both pages: measured before the rules of now it left
        // them slower for more than the four seconds of their warm-up (the 20 KB page's rules took 1.1-1.5 ms at
        // the median right after it and 0.6 ms in a second round of the same step: the JIT compiling again)
        List<Runnable> beforeLast = new ArrayList<>();
        for (int size : new int[] {20 * 1024, 5 * 1024 * 1024}) {
            String html = MunicipalDutchPage.ofSize(size);
            String label = size < 1024 * 1024 ? (size / 1024) + " KB" : (size / 1024 / 1024) + " MB";
            PageContent content = HtmlExtractor.extract(html, URL, SiteScope.ofUrl(URL));
            boolean big = size > 1024 * 1024;
            int runs = big ? 15 : 200;
            measure(label, "jsoup parse", runs, () -> Jsoup.parse(html, URL), null);
            measure(label, "HTML extraction (jsoup + blocks)", runs, () -> HtmlExtractor.extract(html, URL,
                    SiteScope.ofUrl(URL)), null);
            DutchWords words = new DutchWords(java.util.Map.of(), List.of());
            List<String> paragraphs = content.paragraphBlocks();
            measure(label, "Lucene tokenizer alone (paragraphs)", runs, () -> {
                int[] n = new int[1];
                paragraphs.forEach(p -> words.luceneWords(p, (b, l, s, e) -> n[0]++));
                return n[0];
            }, null);
            beforeLast.add(() -> measure(label, "rules before (regex per phrase)", big ? 3 : 50,
                    () -> before.analyse(content), true));
            measure(label, "rules now, running scan", runs, () -> after.analyse(content, NIS), true);
            SignalCatalogue rulesAlone = after.withoutReaders();
            measure(label, "  of which rules without the readers", runs, () -> rulesAlone.analyse(content, NIS),
                    true);
            Set<String> lexiconWords = new LinkedHashSet<>();
            after.readers().forEach(r -> lexiconWords.addAll(r.model().terms()));
            Lexicon lexicon = new Lexicon(lexiconWords);
            int longest = after.readers().stream().mapToInt(r -> r.model().longest()).max().orElseThrow();
            measure(label, "  of which the readers (cut once)", runs, () -> {
                Lexicon.Cut cut = lexicon.cut(content, places.selfNames(NIS), longest);
                double sum = 0;
                for (SignalCatalogue.Reader r : after.readers()) {
                    sum += r.model().read(cut).score();
                }
                return sum;
            }, null);
            measure(label, "    of which cutting the page", runs, () -> lexicon.cut(content, places.selfNames(NIS),
                    longest), null);
            measure(label, "    (cutting it whole)", runs, () -> lexicon.cut(content, places.selfNames(NIS)), null);
            measure(label, "rules now, word cache emptied first", big ? 5 : 50,
                    () -> after.analyse(content, NIS), true, after::forgetWords);
            inTurn(label, runs, () -> Jsoup.parse(html, URL), () -> after.analyse(content, NIS));
        }
        beforeLast.forEach(Runnable::run);
    }

    /**
     * The parse and the rules one after the other in every run, as a scan meets a page: each finds the caches as the
     * other left them, where a step measured on its own has them to itself.
     */
    private static void inTurn(String page, int runs, Supplier<?> parse, Supplier<List<RuleMatch>> rules) {
        warmUp(runs, () -> {
            parse.get();
            rules.get();
        });
        long[] parsing = new long[runs];
        long[] ruling = new long[runs];
        List<RuleMatch> found = List.of();
        for (int i = 0; i < runs; i++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            parse.get();
            long t1 = CPU.getCurrentThreadCpuTime();
            found = rules.get();
            ruling[i] = CPU.getCurrentThreadCpuTime() - t1;
            parsing[i] = t1 - t0;
        }
        print(page, "in turn: jsoup parse", parsing, "");
        print(page, "in turn: rules now, running scan", ruling, kinds(found));
    }

    private static void measure(String page, String step, int runs, Supplier<?> work, Boolean rules) {
        measure(page, step, runs, work, rules, () -> { });
    }

    private static void measure(String page, String step, int runs, Supplier<?> work, Boolean rules, Runnable before) {
        warmUp(runs, () -> {
            before.run();
            work.get();
        });
        long[] ns = new long[runs];
        Object result = null;
        for (int i = 0; i < runs; i++) {
            before.run();
            long t0 = CPU.getCurrentThreadCpuTime();
            result = work.get();
            ns[i] = CPU.getCurrentThreadCpuTime() - t0;
        }
        String found = "";
        if (rules != null) {
            @SuppressWarnings("unchecked")
            List<RuleMatch> matches = (List<RuleMatch>) result;
            found = kinds(matches);
        }
        print(page, step, ns, found);
    }

    /**
     * As many runs to warm up as to measure, and at least four seconds of them: after three, the 20 KB page's rules
     * were still being compiled; over their first forty runs (about 2 s) the 5 MB page's rules took 46 ms at the
     * median, 39 ms in every later round (one JVM, rounds with and without the readers alternating).
     */
    private static void warmUp(int runs, Runnable run) {
        long warmFrom = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < Math.max(3, runs) || CPU.getCurrentThreadCpuTime() - warmFrom < WARM_UP_NANOS; i++) {
            run.run();
        }
    }

    /** The kinds of a step's matches, sorted, shown beside its figures. */
    private static String kinds(List<RuleMatch> matches) {
        return new TreeSet<>(matches.stream().map(RuleMatch::getKind).toList()).toString();
    }

    private static void print(String page, String step, long[] ns, String found) {
        Arrays.sort(ns);
        // two decimals: on the 20 KB page the rules and the parse differ by tenths of a millisecond
        System.out.printf(Locale.ROOT, "%-8s %-34s %10.2f %10.2f %5d  %s%n", page, step, ns[ns.length / 2] / 1e6,
                ns[0] / 1e6, ns.length, found);
    }
}
