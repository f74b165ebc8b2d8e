package be.lokaalsignaal.scan.corpus;

import be.lokaalsignaal.scan.CrawlConfig;
import be.lokaalsignaal.topics.SignalKind;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Small municipal websites served on loopback, each on its own IP (127.0.1.N) and host name, covering
 * what makes real sites hard to scan. Every site knows the signal kinds a correct scan finds on it.
 * Scales by filler pages per site (neutral news items) for end-to-end tests and benchmarks.
 *
 * <pre>
 * try (TestCorpus corpus = TestCorpus.start()) {
 *     CrawlConfig config = corpus.crawlConfig();
 *     for (TestCorpus.Site site : corpus.sites()) { ... site.startUrl() ... site.expectedKinds() ... }
 * }
 * </pre>
 */
public final class TestCorpus implements AutoCloseable {

    /**
     * One municipal site of the corpus.
     *
     * @param expectedStatus COMPLETED or FAILED
     * @param expectedReason FAILED reason, or null
     * @param pages          readable pages and documents a complete crawl fetches (filler included); -1 for the
     *                       endless calendar, where the crawler's cap decides
     */
    public record Site(String name, String nisCode, String host, String ip, int port, String startUrl,
                       Set<SignalKind> expectedKinds, String expectedStatus, String expectedReason, int pages,
                       List<String> requests) {

        /** Paths (with query) this site's server was asked for, in order. */
        @Override
        public List<String> requests() {
            return Collections.unmodifiableList(requests);
        }
    }

    public static final String WATCHED = "https://www.seksueelgeweld.be/";
    private static final long BIG_PAGE_BYTES = 50L * 1024 * 1024;

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Site> sites = new ArrayList<>();
    private final Map<String, String> resolve = new LinkedHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-corpus");
        t.setDaemon(true);
        return t;
    });
    private final int fillerPages;
    private int nextIp = 1;

    private TestCorpus(int fillerPages) {
        this.fillerPages = fillerPages;
    }

    /** Starts the corpus without filler pages. */
    public static TestCorpus start() {
        return start(0);
    }

    /** Starts the corpus; every crawlable site gets {@code fillerPagesPerSite} extra neutral pages. */
    public static TestCorpus start(int fillerPagesPerSite) {
        TestCorpus corpus = new TestCorpus(fillerPagesPerSite);
        try {
            corpus.build();
        } catch (IOException e) {
            corpus.close();
            throw new UncheckedIOException("cannot start the test corpus", e);
        }
        return corpus;
    }

    public List<Site> sites() {
        return Collections.unmodifiableList(sites);
    }

    public Site site(String name) {
        return sites.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no site " + name));
    }

    /** Host name to IP, for CrawlConfig.resolve. */
    public Map<String, String> resolve() {
        return Collections.unmodifiableMap(resolve);
    }

    /** Readable pages over all sites. */
    public int pageCount() {
        return sites.stream().mapToInt(s -> Math.max(0, s.pages())).sum();
    }

    /** A crawl configuration fit for the corpus: no delay, short timeout, loopback allowed. */
    public CrawlConfig crawlConfig() {
        return CrawlConfig.defaults()
                .withCrawlDelay(Duration.ZERO)
                .withTimeout(Duration.ofSeconds(2))
                .withMaxBytes(1024 * 1024)
                .withAllowPrivateHosts(true)
                .withMaxPages(Math.max(500, fillerPages + 100))
                .withResolve(resolve);
    }

    @Override
    public void close() {
        for (HttpServer s : servers) {
            s.stop(0);
        }
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ the sites

    private void build() throws IOException {
        SiteBuilder a = site("link-gewoon", "www.gemeente-a.test", SignalKind.SITE_LINK);
        a.page("/", home("Gemeente A", "<a href='/welzijn'>Welzijn</a>"));
        a.page("/welzijn", page("Welzijn", "<p>Slachtoffer van seksueel geweld? <a href='" + WATCHED
                + "'>Op seksueelgeweld.be</a> vind je hulp.</p>"));
        String neighbourPage = a.url("/welzijn");
        a.done();

        SiteBuilder b = site("link-hoofdletters", "www.gemeente-b.test", SignalKind.SITE_LINK);
        b.page("/", home("Gemeente B", "<p><a href='HTTP://WWW.SeksueelGeweld.BE/Hulp'>Hulp</a></p>"));
        b.done();

        SiteBuilder c = site("link-zonder-www", "www.gemeente-c.test", SignalKind.SITE_LINK);
        c.page("/", home("Gemeente C", "<a href='" + c.bareUrl("/hulp") + "'>Hulp</a>"));
        c.page("/hulp", page("Hulp", "<a href='http://seksueelgeweld.be'>seksueelgeweld.be</a>"));
        c.done();

        SiteBuilder d = site("link-protocolrelatief", "www.gemeente-d.test", SignalKind.SITE_LINK);
        d.page("/", home("Gemeente D", "<a href='   //www.seksueelgeweld.be/chat \n '>Chat</a>"));
        d.done();

        SiteBuilder e = site("link-wrapper", "www.gemeente-e.test", SignalKind.SITE_LINK);
        e.page("/", home("Gemeente E", "<a href='/redirect?url=https%3A%2F%2Fwww.seksueelgeweld.be'>Hulp</a>"));
        e.route("/redirect", x -> redirect(x, 302, WATCHED));
        e.done();

        SiteBuilder f = site("base-href", "www.gemeente-f.test", SignalKind.SITE_LINK);
        f.page("/", "<html><head><base href='/nl/'><title>Gemeente F</title></head><body>"
                + "<a href='welzijn/hulp'>Hulp</a>" + f.fillerLink("/") + "</body></html>");
        f.page("/nl/welzijn/hulp", page("Hulp", "<a href='" + WATCHED + "'>Hulp</a>"));
        f.done();

        SiteBuilder g = site("image-map", "www.gemeente-g.test", SignalKind.SITE_LINK);
        g.page("/", home("Gemeente G", "<img src='/kaart.png' usemap='#hulp' alt='kaart'><map name='hulp'>"
                + "<area shape='rect' coords='0,0,50,50' href='https://seksueelgeweld.be/' alt='Hulp'></map>"));
        g.done();

        SiteBuilder h = site("vermelding", "www.gemeente-h.test", SignalKind.SITE_MENTION);
        h.page("/", home("Gemeente H", "<p>Slachtoffer? Surf naar www.seksueelgeweld.be of bel 1712.</p>"));
        h.done();

        SiteBuilder i = site("lookalike", "www.gemeente-i.test");
        i.page("/", home("Gemeente I", "<a href='https://seksueelgeweld.be.example.org/'>a</a>"
                + "<a href='https://nietseksueelgeweld.be/'>b</a><a href='http://www.seksueelgeweld.bel/'>c</a>"
                + "<p>Zie ook nietseksueelgeweld.be en seksueelgeweld.be.example.org.</p>"));
        i.done();

        SiteBuilder j = site("robots-pagina", "www.gemeente-j.test");
        j.text("/robots.txt", "User-agent: *\nDisallow: /intern/\n");
        j.page("/", home("Gemeente J", "<a href='/intern/hulp'>Intern</a>"));
        j.page("/intern/hulp", page("Intern", "<a href='" + WATCHED + "'>Hulp</a>"));
        j.pages--; // robots.txt keeps the crawler out
        j.done();

        SiteBuilder k = site("robots-alles", "www.gemeente-k.test");
        k.failed("ROBOTS_DISALLOWED");
        k.text("/robots.txt", "User-agent: *\nDisallow: /\n");
        k.page("/", home("Gemeente K", "<a href='" + WATCHED + "'>Hulp</a>"));
        k.done();

        SiteBuilder l = site("sitemap-index", "www.gemeente-l.test", SignalKind.SITE_LINK);
        l.text("/robots.txt", "User-agent: *\nAllow: /\nSitemap: " + l.url("/sitemaps/index.xml") + "\n");
        l.xml("/sitemaps/index.xml", "<?xml version='1.0' encoding='UTF-8'?><sitemapindex "
                + "xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><sitemap><loc>" + l.url("/sitemaps/pages.xml")
                + "</loc></sitemap></sitemapindex>");
        l.xml("/sitemaps/pages.xml", "<?xml version='1.0' encoding='UTF-8'?><urlset "
                + "xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>" + l.url("/verborgen/hulp")
                + "</loc></url></urlset>");
        l.page("/", home("Gemeente L", "<p>Welkom</p>"));
        l.page("/verborgen/hulp", page("Hulp", "<a href='" + WATCHED + "'>Hulp</a>"));
        l.done();

        SiteBuilder m = site("diep", "www.gemeente-m.test", SignalKind.SITE_LINK, SignalKind.CAMPAIGN);
        m.page("/", home("Gemeente M", "<a href='/stap-1'>Verder</a>"));
        for (int s = 1; s <= 4; s++) {
            m.page("/stap-" + s, page("Stap " + s, "<a href='/stap-" + (s + 1) + "'>Verder</a>"));
        }
        m.page("/stap-5", page("Stap 5", "<a href='" + WATCHED + "'>Hulp</a>"));
        m.xml("/sitemap.xml", "<?xml version='1.0' encoding='UTF-8'?><urlset "
                + "xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>" + m.url("/campagne")
                + "</loc></url></urlset>");
        m.page("/campagne", page("Campagne", "<p>Met de campagne ‘Nee is nee’ zeggen we neen tegen "
                + "seksuele intimidatie.</p>"));
        m.done();

        SiteBuilder n = site("commentaar", "www.gemeente-n.test");
        n.page("/", home("Gemeente N", "<p>Welkom</p><!-- <a href='" + WATCHED + "'>oude link</a> -->"));
        n.done();

        SiteBuilder o = site("buur", "www.gemeente-o.test");
        o.page("/", home("Gemeente O", "<p>Zie ook <a href='" + neighbourPage + "'>de buurgemeente</a>.</p>"));
        o.done();

        SiteBuilder p = site("pdf", "www.gemeente-p.test", SignalKind.SAFETY_PLAN, SignalKind.SITE_MENTION);
        p.page("/", home("Gemeente P", "<a href='/documenten/zonaal-veiligheidsplan.pdf'>Veiligheidsplan (pdf)</a>"));
        p.bytes("/documenten/zonaal-veiligheidsplan.pdf", "application/pdf", safetyPlanPdf());
        p.done();

        SiteBuilder q = site("windows-1252", "www.gemeente-q.test", SignalKind.NIGHTLIFE);
        q.bytes("/", "text/html; charset=windows-1252", ("<html><head><title>Veilig uitgaan in caf\u00e9s</title>"
                + "</head><body><p>Het personeel van de caf\u00e9s op de Markt volgde een opleiding rond seksuele "
                + "intimidatie \u2018zodat iedereen veilig is\u2019.</p>" + q.fillerLink("/") + "</body></html>")
                .getBytes(Charset.forName("windows-1252")));
        q.done();

        SiteBuilder r = site("kapotte-html", "www.gemeente-r.test", SignalKind.SITE_LINK);
        r.page("/", "<html><head><title>Gemeente R</head><body><div><p><a href=https://www.seksueelgeweld.be>"
                + "hulp<p></div></span><table><td>cel<tr><li>x" + r.fillerLink("/") + "</i></b>");
        r.done();

        SiteBuilder s = site("binair", "www.gemeente-s.test", SignalKind.SITE_MENTION);
        s.page("/", home("Gemeente S", "<p>Info: www.seksueelgeweld.be</p><a href='/document'>Document</a>"));
        byte[] noise = new byte[64 * 1024];
        new Random(42).nextBytes(noise);
        s.bytes("/document", "text/html", noise);
        s.done();

        SiteBuilder t = site("trage-pagina", "www.gemeente-t.test", SignalKind.SITE_LINK);
        t.page("/", home("Gemeente T", "<a href='" + WATCHED + "'>Hulp</a><a href='/traag'>Traag</a>"));
        t.route("/traag", TestCorpus::slowPage);
        t.done();

        SiteBuilder u = site("grote-pagina", "www.gemeente-u.test", SignalKind.NIGHTLIFE);
        u.page("/", home("Gemeente U", "<a href='/groot'>Groot</a>"));
        u.route("/groot", TestCorpus::bigPage);
        u.pages++;
        u.done();

        SiteBuilder v = site("redirect-lus", "www.gemeente-v.test", SignalKind.CAMPAIGN);
        v.page("/", home("Gemeente V", "<p>Onze affichecampagne tegen straatintimidatie loopt deze zomer.</p>"
                + "<a href='/lus-a'>Lus</a>"));
        v.route("/lus-a", x -> redirect(x, 302, "/lus-b"));
        v.route("/lus-b", x -> redirect(x, 302, "/lus-a"));
        v.done();

        SiteBuilder w = site("kalender", "www.gemeente-w.test", SignalKind.SAFETY_PLAN);
        w.page("/", home("Gemeente W", "<h2>Zonaal veiligheidsplan</h2><p>Seksuele intimidatie is een prioriteit.</p>"
                + "<a href='/kalender?maand=0'>Kalender</a>"));
        w.route("/kalender", x -> {
            String query = x.getRequestURI().getQuery();
            int month = 0;
            try {
                month = Integer.parseInt(query.substring(query.indexOf('=') + 1));
            } catch (RuntimeException ignored) {
                // not a month: show month 0
            }
            send(x, 200, "text/html; charset=utf-8", page("Kalender " + month, "<a href='/kalender?maand="
                    + (month - 1) + "'>Vorige</a> <a href='/kalender?maand=" + (month + 1) + "'>Volgende</a>")
                    .getBytes(StandardCharsets.UTF_8));
        });
        w.unbounded = true;
        w.done();

        SiteBuilder nieuw = site(null, "www.nieuwe-gemeente.test");
        nieuw.page("/", home("Nieuwe gemeente", "<a href='/hulp'>Hulp</a>"));
        nieuw.page("/hulp", page("Hulp", "<a href='" + WATCHED + "'>Hulp</a>"));
        nieuw.done();
        SiteBuilder oud = site("verhuisd", "www.oude-gemeente.test", SignalKind.SITE_LINK);
        oud.pages = nieuw.pages;
        oud.filler = false;
        oud.route("/", x -> redirect(x, 301, nieuw.url("/")));
        oud.done();

        SiteBuilder down = site("plat", "www.gemeente-plat.test");
        down.failed("UNREACHABLE");
        down.down();

        SiteBuilder neg = site("negatieven", "www.gemeente-x.test");
        neg.page("/", home("Gemeente X", "<a href='/zwerfvuil'>1</a><a href='/hulplijn'>2</a>"
                + "<a href='/veiligheidsplan'>3</a><a href='/sluitingsuur'>4</a>"));
        neg.page("/zwerfvuil", page("Mooimakers", "<p>Met de campagne ‘Vuilbak of buitenspel’ trekken we "
                + "ten strijde tegen zwerfvuil en sluikstorten. Doe mee aan de opruimactie!</p>"));
        neg.page("/hulplijn", page("Hulplijnen", "<p>Vragen over geweld, misbruik of kindermishandeling? "
                + "Bel gratis 1712.</p><p>Slachtoffer van seksueel geweld? Het Zorgcentrum na Seksueel Geweld "
                + "helpt je.</p>"));
        neg.page("/veiligheidsplan", page("Zonaal veiligheidsplan", "<p>Prioriteiten: woninginbraken, "
                + "fietsdiefstal, verkeersveiligheid en drugsoverlast.</p>"));
        neg.page("/sluitingsuur", page("Sluitingsuur", "<p>Cafés en dancings sluiten om 3 uur. Tijdens de "
                + "kermis geldt een vrij sluitingsuur.</p>"));
        neg.done();

        SiteBuilder y = site("campagne-en-link", "www.gemeente-y.test", SignalKind.CAMPAIGN, SignalKind.SITE_LINK);
        y.page("/", home("Gemeente Y", "<h2>Nee is nee</h2><p>Onze campagne tegen grensoverschrijdend gedrag "
                + "start in maart.</p><p>Meer info: <a href='https://www.seksueelgeweld.be'>seksueelgeweld.be</a></p>"));
        y.done();
    }

    // ------------------------------------------------------------------ page content

    private String fillerIndexLinks() {
        StringBuilder sb = new StringBuilder("<ul>");
        for (int i = 1; i <= fillerPages; i++) {
            sb.append("<li><a href='/nieuws/bericht-").append(i).append("'>Bericht ").append(i).append("</a></li>");
        }
        return sb.append("</ul>").toString();
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>" + title + "</title></head><body>"
                + "<header><nav><a href='/'>Home</a></nav></header><main><h1>" + title + "</h1>" + body
                + "</main><footer><p>Gemeentehuis, Markt 1</p></footer></body></html>";
    }

    /** A home page; the filler index link is added by the builder. */
    private static String home(String title, String body) {
        return page(title, body + "<!--FILLER-->");
    }

    private static byte[] safetyPlanPdf() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            String[][] pages = {
                {"Zonaal veiligheidsplan 2020-2025", "Politiezone Test"},
                {"Inleiding", "Dit plan beschrijft de prioriteiten van de zone."},
                {"Prioriteit 3: seksueel geweld en seksuele intimidatie",
                    "De zone zet in op preventie en op de opvang van slachtoffers.",
                    "Meer info voor slachtoffers: www.seksueelgeweld.be"}};
            for (String[] lines : pages) {
                PDPage pg = new PDPage();
                doc.addPage(pg);
                try (PDPageContentStream cs = new PDPageContentStream(doc, pg)) {
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset(72, 700);
                    for (String line : lines) {
                        cs.showText(line);
                        cs.newLineAtOffset(0, -24);
                    }
                    cs.endText();
                }
            }
            doc.getDocumentInformation().setTitle("Zonaal veiligheidsplan 2020-2025");
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Sends a few bytes, then one more every 200 ms for a minute: only a hard deadline ends it early. */
    private static void slowPage(HttpExchange x) throws IOException {
        x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        x.sendResponseHeaders(200, 0);
        try (OutputStream out = x.getResponseBody()) {
            out.write("<html><body><p>Even geduld".getBytes(StandardCharsets.UTF_8));
            out.flush();
            for (int i = 0; i < 300; i++) {
                Thread.sleep(200);
                out.write('.');
                out.flush();
            }
            out.write("<p>Ask for Angela aan de toog.</p></body></html>".getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the crawler gave up: that is the point
        }
    }

    /** 50 MB generated while sending, never held: a nightlife measure up front, a link at the very end. */
    private static void bigPage(HttpExchange x) throws IOException {
        x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        x.sendResponseHeaders(200, BIG_PAGE_BYTES);
        byte[] head = "<html><head><title>Groot</title></head><body><p>Ask for Angela aan de toog.</p>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("<a href='" + WATCHED + "'>Hulp</a></body></html>").getBytes(StandardCharsets.UTF_8);
        byte[] chunk = "<p>Verslag van de gemeenteraad.</p>\n".repeat(1800).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = x.getResponseBody()) {
            out.write(head);
            long left = BIG_PAGE_BYTES - head.length - tail.length;
            while (left > 0) {
                int n = (int) Math.min(chunk.length, left);
                out.write(chunk, 0, n);
                left -= n;
            }
            out.write(tail);
        } catch (IOException e) {
            // the crawler stopped reading at its byte limit
        }
    }

    // ------------------------------------------------------------------ serving

    @FunctionalInterface
    private interface Route {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static void send(HttpExchange x, int status, String contentType, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", contentType);
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    private static void redirect(HttpExchange x, int status, String location) throws IOException {
        x.getResponseHeaders().set("Location", location);
        x.sendResponseHeaders(status, -1);
        x.close();
    }

    private SiteBuilder site(String name, String host, SignalKind... kinds) {
        String ip = "127.0.1." + nextIp++;
        EnumSet<SignalKind> expected = EnumSet.noneOf(SignalKind.class);
        expected.addAll(List.of(kinds));
        return new SiteBuilder(name, host, ip, expected);
    }

    private final class SiteBuilder {
        final String name;
        final String host;
        final String ip;
        final Set<SignalKind> kinds;
        final Map<String, Route> routes = new ConcurrentHashMap<>();
        final List<String> requests = new CopyOnWriteArrayList<>();
        final HttpServer server;
        final int port;
        boolean filler = true;
        boolean unbounded;
        String status = "COMPLETED";
        String reason;
        int pages;

        SiteBuilder(String name, String host, String ip, Set<SignalKind> kinds) {
            this.name = name;
            this.host = host;
            this.ip = ip;
            this.kinds = kinds;
            try {
                server = HttpServer.create(new InetSocketAddress(ip, 0), 64);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind " + ip + " for " + host, e);
            }
            port = server.getAddress().getPort();
            resolve.put(host, ip);
            resolve.put(host.startsWith("www.") ? host.substring(4) : "www." + host, ip);
        }

        String url(String path) {
            return "http://" + host + ":" + port + path;
        }

        String bareUrl(String path) {
            return "http://" + host.substring(4) + ":" + port + path;
        }

        String fillerLink(String unused) {
            return fillerPages > 0 ? "<a href='/nieuws'>Nieuws</a>" : "";
        }

        void failed(String why) {
            status = "FAILED";
            reason = why;
        }

        void route(String path, Route route) {
            routes.put(path, route);
        }

        void page(String path, String html) {
            String body = html.replace("<!--FILLER-->", fillerLink("/"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            pages++;
            route(path, x -> send(x, 200, "text/html; charset=utf-8", bytes));
        }

        void bytes(String path, String contentType, byte[] body) {
            if (contentType.startsWith("application/pdf") || path.equals("/")) {
                pages++;
            }
            route(path, x -> send(x, 200, contentType, body));
        }

        void text(String path, String text) {
            route(path, x -> send(x, 200, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8)));
        }

        void xml(String path, String xml) {
            route(path, x -> send(x, 200, "application/xml; charset=utf-8", xml.getBytes(StandardCharsets.UTF_8)));
        }

        void done() {
            if (fillerPages > 0 && filler) {
                page("/nieuws", TestCorpus.page("Nieuws", fillerIndexLinks()));
                for (int i = 1; i <= fillerPages; i++) {
                    page("/nieuws/bericht-" + i, TestCorpus.page("Bericht " + i, "<p>De gemeenteraad keurde op zitting "
                            + i + " het budget voor wegenwerken in de Dorpsstraat goed.</p>"));
                }
            }
            server.createContext("/", x -> {
                try {
                    String path = x.getRequestURI().getRawPath();
                    String query = x.getRequestURI().getRawQuery();
                    requests.add(query == null ? path : path + "?" + query);
                    Route route = routes.get(path);
                    if (route == null) {
                        send(x, 404, "text/html; charset=utf-8", TestCorpus.page("Niet gevonden", "<p>Deze pagina bestaat niet.</p>")
                                .getBytes(StandardCharsets.UTF_8));
                    } else {
                        route.handle(x);
                    }
                } catch (IOException | RuntimeException e) {
                    x.close();
                }
            });
            server.setExecutor(executor);
            server.start();
            servers.add(server);
            register(port);
        }

        /** A site whose host resolves but where nothing listens. */
        void down() {
            int closedPort;
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(ip, 0));
                closedPort = probe.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.stop(0);
            register(closedPort);
        }

        private void register(int p) {
            if (name != null) {
                sites.add(new Site(name, String.format("9%04d", sites.size() + 1), host, ip, p,
                        "http://" + host + ":" + p + "/", Collections.unmodifiableSet(kinds), status, reason,
                        "FAILED".equals(status) ? 0 : unbounded ? -1 : pages, requests));
            }
        }
    }
}
