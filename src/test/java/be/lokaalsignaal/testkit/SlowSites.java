package be.lokaalsignaal.testkit;

import be.lokaalsignaal.topics.SignalKind;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Eight small municipal websites of fictitious municipalities on loopback that answer every page
 * after a fixed delay, so that a scan round lasts long enough to be interrupted. Each site has a
 * home page, neutral news items and the pages with its signals; each knows the signal kinds a
 * complete scan finds on it. The same instance serves every run of a test, so that the URLs (and
 * with them the evidence) are the same in each.
 */
public final class SlowSites implements AutoCloseable {

    public static final String WATCHED = "https://www.seksueelgeweld.be/";

    /** One site: its municipality, host, the signal kinds a complete scan finds and its number of pages. */
    public record Site(String nisCode, String name, String host, int port, Set<SignalKind> kinds, int pages) {
        public String startUrl() {
            return "http://" + host + ":" + port + "/";
        }
    }

    // a campaign counts only as the municipality's own: its page says so ("onze gemeente")
    private static final Map<SignalKind, String> SIGNAL_PAGES = Map.of(
            SignalKind.SITE_LINK, "<p>Werd je lastiggevallen, of heb je iets meegemaakt dat niet oké voelde? Op <a href='"
                    + WATCHED + "'>de website van het zorgcentrum</a> vind je anoniem hulp.</p>",
            SignalKind.SITE_MENTION, "<p>Wie hulp zoekt, vindt alle contactgegevens van het zorgcentrum op www.seksueelgeweld.be, "
                    + "ook 's avonds en in het weekend.</p>",
            SignalKind.CAMPAIGN, "<p>Tijdens de actieweek tegen straatintimidatie hangt onze gemeente in het centrum affiches op met de "
                    + "boodschap dat niemand je zomaar mag nafluiten.</p>",
            SignalKind.NIGHTLIFE, "<p>Op de zomerfuiven in de jeugdhuizen staat voortaan een aanspreekpunt klaar voor wie "
                    + "ongewenst gedrag meemaakt.</p>",
            SignalKind.SAFETY_PLAN, "<p>Het nieuwe veiligheidsplan van de gemeente maakt van de aanpak van grensoverschrijdend "
                    + "gedrag een prioriteit voor de komende zes jaar.</p>");

    private static final String[] NEWS = {
        "De gemeenteraad keurde de heraanleg van het speelplein aan de Kerkstraat goed.",
        "Het recyclagepark is op zaterdag voortaan tot vijf uur open.",
        "De bibliotheek start in het najaar met een leesclub voor jongeren.",
        "Wegens werken aan de riolering is de Molenstraat twee weken afgesloten.",
        "Inwoners kunnen tot eind maart een premie aanvragen voor een regenwaterput.",
        "Het sportcentrum krijgt een nieuwe vloer in de grote zaal."};

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Site> sites = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "slow-sites");
        t.setDaemon(true);
        return t;
    });
    private final Duration delay;
    private volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);

    private SlowSites(Duration delay) {
        this.delay = delay;
    }

    /**
     * @param delay      how long every page takes to answer
     * @param newsPerSite neutral news items per site, on top of the home page and the signal pages
     */
    public static SlowSites start(Duration delay, int newsPerSite) {
        SlowSites corpus = new SlowSites(delay);
        try {
            corpus.site("81001", "Heidebeek", newsPerSite, SignalKind.SITE_LINK);
            corpus.site("81002", "Linterveld", newsPerSite, SignalKind.SITE_MENTION);
            corpus.site("81003", "Molendonk", newsPerSite, SignalKind.SITE_LINK, SignalKind.CAMPAIGN);
            corpus.site("81004", "Oosterbroek", newsPerSite, SignalKind.NIGHTLIFE);
            corpus.site("81005", "Rietvoorde", newsPerSite, SignalKind.SAFETY_PLAN);
            corpus.site("81006", "Sterrebos", newsPerSite);
            corpus.site("81007", "Vijverbeke", newsPerSite, SignalKind.SITE_LINK, SignalKind.NIGHTLIFE);
            corpus.site("81008", "Wilgenhoek", newsPerSite, SignalKind.SITE_MENTION, SignalKind.CAMPAIGN);
        } catch (IOException e) {
            corpus.close();
            throw new UncheckedIOException("cannot start the slow sites", e);
        }
        return corpus;
    }

    private void site(String nisCode, String name, int news, SignalKind... kinds) throws IOException {
        String host = "www." + name.toLowerCase() + ".test";
        Map<String, byte[]> pages = new LinkedHashMap<>();
        StringBuilder home = new StringBuilder("<h1>Welkom in " + name + "</h1><ul>");
        for (int i = 1; i <= news; i++) {
            home.append("<li><a href='/nieuws/").append(i).append("'>Nieuws ").append(i).append("</a></li>");
            pages.put("/nieuws/" + i, html("Nieuws " + i, "<p>" + NEWS[(i + nisCode.hashCode() & 0x7fffffff) % NEWS.length] + "</p>"));
        }
        EnumSet<SignalKind> expected = EnumSet.noneOf(SignalKind.class);
        for (SignalKind kind : kinds) {
            String path = "/welzijn/" + kind.name().toLowerCase().replace('_', '-');
            home.append("<li><a href='").append(path).append("'>Welzijn</a></li>");
            pages.put(path, html("Welzijn en veiligheid", SIGNAL_PAGES.get(kind)));
            expected.add(kind);
        }
        pages.put("/", html("Gemeente " + name, home.append("</ul>").toString()));

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(exchange, pages));
        server.start();
        servers.add(server);
        sites.add(new Site(nisCode, name, host, server.getAddress().getPort(), expected, pages.size()));
    }

    private void serve(HttpExchange exchange, Map<String, byte[]> pages) throws IOException {
        requests.incrementAndGet();
        byte[] page = pages.get(exchange.getRequestURI().getPath());
        if (page == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        try {
            gate.await();
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, page.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
        }
    }

    private static byte[] html(String title, String body) {
        return ("<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>" + title + "</title></head><body>"
                + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }

    /** Pages wait from now on until {@link #release()} (robots.txt and missing paths still answer at once). */
    public void hold() {
        gate = new java.util.concurrent.CountDownLatch(1);
    }

    /** Lets the held pages answer. */
    public void release() {
        gate.countDown();
    }

    public List<Site> sites() {
        return List.copyOf(sites);
    }

    public int pageCount() {
        return sites.stream().mapToInt(Site::pages).sum();
    }

    /** Requests answered so far, over all sites. */
    public int requests() {
        return requests.get();
    }

    /** {@code nis_code,name,province,website,centrumstad} for every site. */
    public String registerCsv() {
        StringBuilder csv = new StringBuilder("nis_code,name,province,website,centrumstad\n");
        for (Site site : sites) {
            csv.append(site.nisCode()).append(",Gemeente ").append(site.name()).append(",Limburg,").append(site.startUrl())
                    .append(",false\n");
        }
        return csv.toString();
    }

    /** The options of {@code run} that make it crawl these sites: --resolve per host, private hosts allowed. */
    public List<String> runOptions() {
        List<String> options = new ArrayList<>(List.of("--allow-private-hosts", "--crawl-delay", "PT0S"));
        for (Site site : sites) {
            options.add("--resolve");
            options.add(site.host() + "=127.0.0.1");
        }
        return options;
    }

    @Override
    public void close() {
        release();
        servers.forEach(s -> s.stop(0));
        executor.shutdownNow();
    }
}
