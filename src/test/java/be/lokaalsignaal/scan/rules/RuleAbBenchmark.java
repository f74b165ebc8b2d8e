package be.lokaalsignaal.scan.rules;

import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.scan.extract.HtmlExtractor;
import be.lokaalsignaal.scan.extract.PageContent;
import be.lokaalsignaal.scan.url.SiteScope;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Not a test: the rules of two versions of the engine on the same generated page in one JVM, page by page in turn
 * (before, after, jsoup's parse; then after, before, parse), each version's classes in a class loader of its own.
 * On a machine shared with other work, separate JVMs measured one after the other see a different machine each
 * (jsoup's parse alone moved from 30 to 70 ms between runs); turns of a few tens of milliseconds see the same one.
 * CPU time of this thread; minimum, first quartile and median per round.
 *
 * <pre>
 * bench/rules-ab.sh BEFORE_CLASSES [pages] [rounds] [page size]
 * </pre>
 */
public final class RuleAbBenchmark {

    private static final String URL = "https://www.voorbeeld.be/nieuws";

    private RuleAbBenchmark() {
    }

    /** In each version's class loader: the rules of that version over a generated page. */
    public static LongSupplier rules(int size) {
        SignalCatalogue catalogue = SignalCatalogue.bundled().withPlaces(Places.of(Register.bundled()));
        PageContent content = HtmlExtractor.extract(MunicipalDutchPage.ofSize(size), URL, SiteScope.ofUrl(URL));
        return () -> catalogue.analyse(content, "12025").size();
    }

    /** In the first version's class loader: jsoup's parse of the same page. */
    public static LongSupplier parse(int size) {
        String html = MunicipalDutchPage.ofSize(size);
        return () -> org.jsoup.Jsoup.parse(html, URL).childNodeSize();
    }

    /** Arguments: the dependencies' class path, the before and after main classes, the test classes, pages, rounds, size. */
    public static void main(String[] args) throws Exception {
        String[] deps = args[0].split(":");
        URL[] depUrls = new URL[deps.length];
        for (int i = 0; i < deps.length; i++) {
            depUrls[i] = Path.of(deps[i]).toUri().toURL();
        }
        ClassLoader shared = new URLClassLoader(depUrls, ClassLoader.getPlatformClassLoader());
        int size = Integer.parseInt(args[6]);
        LongSupplier[] work = new LongSupplier[3];
        for (int v = 0; v < 2; v++) {
            URL[] own = {Path.of(args[1 + v]).toUri().toURL(), Path.of(args[3]).toUri().toURL()};
            ClassLoader loader = new URLClassLoader(own, shared);
            Class<?> bench = loader.loadClass(RuleAbBenchmark.class.getName());
            Thread.currentThread().setContextClassLoader(loader);
            work[v] = (LongSupplier) bench.getMethod("rules", int.class).invoke(null, size);
            if (v == 0) {
                work[2] = (LongSupplier) bench.getMethod("parse", int.class).invoke(null, size);
            }
        }
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int pages = Integer.parseInt(args[4]);
        String[] names = {"rules before", "rules after", "jsoup parse"};
        long sink = 0;
        for (int round = 0; round < Integer.parseInt(args[5]); round++) {
            long[][] ns = new long[3][pages];
            for (int page = 0; page < pages; page++) {
                for (int turn = 0; turn < 3; turn++) {
                    // before first on even pages, after first on odd ones
                    int v = turn == 2 ? 2 : (turn + page) % 2;
                    long t0 = cpu.getCurrentThreadCpuTime();
                    sink += work[v].getAsLong();
                    ns[v][page] = cpu.getCurrentThreadCpuTime() - t0;
                }
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d, load %s:", round,
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]));
            for (int v = 0; v < 3; v++) {
                Arrays.sort(ns[v]);
                line.append(String.format(Locale.ROOT, "  %s %.1f / %.1f / %.1f ms", names[v], ns[v][0] / 1e6,
                        ns[v][pages / 4] / 1e6, ns[v][pages / 2] / 1e6));
            }
            System.out.println(line);
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println();
        }
    }
}
