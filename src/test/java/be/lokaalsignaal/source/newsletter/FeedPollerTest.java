package be.lokaalsignaal.source.newsletter;

import be.lokaalsignaal.avro.FeaturedMunicipality;
import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.avro.NewsletterItem;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.source.SourceError;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import be.lokaalsignaal.fetch.FetchConfig;
import be.lokaalsignaal.fetch.Fetcher;
import be.lokaalsignaal.fetch.GuardedDnsResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class FeedPollerTest {

    private HttpServer server;
    private String base;
    private final CountDownLatch release = new CountDownLatch(1);
    private final NewsletterReader reader = new NewsletterReader(Register.bundled());

    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> send(ex, 404, "text/html", "<h1>Niet gevonden</h1>"));
        server.createContext("/oud.xml", ex -> redirect(ex, "/rss.xml"));
        server.createContext("/bestand.xml", ex -> redirect(ex, "file:///etc/passwd"));
        server.setExecutor(Executors.newFixedThreadPool(4));
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/rss.xml", ex -> serveResource(ex, "rss.xml", "application/rss+xml"));
        server.createContext("/atom.xml", ex -> serveResource(ex, "atom.xml", "application/atom+xml"));
        server.createContext("/nummers/2022-02-02.html", ex -> serveResource(ex, "2022-02-02.html", "text/html; charset=utf-8"));
        server.createContext("/nummers/verdwenen.html", ex -> send(ex, 404, "text/html", "<h1>Niet gevonden</h1>"));
        server.createContext("/archief", ex -> send(ex, 200, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><head><title>Archief</title></head><body><p>Log in om het archief te zien.</p></body></html>"));
        server.createContext("/traag.xml", ex -> {
            try {
                // answers only when the test is over, so the poller's timeout decides
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            serveResource(ex, "rss.xml", "application/rss+xml");
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    private void redirect(HttpExchange ex, String location) throws IOException {
        requests.add(ex.getRequestURI() + " " + ex.getRequestHeaders().getFirst("User-Agent"));
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(301, -1);
        ex.close();
    }

    private void serveResource(HttpExchange ex, String name, String type) throws IOException {
        String body = Files.readString(Resources.path("/newsletter/feed/" + name)).replace("${base}", base);
        send(ex, 200, type, body);
    }

    private void send(HttpExchange ex, int status, String type, String body) throws IOException {
        requests.add(ex.getRequestURI() + " " + ex.getRequestHeaders().getFirst("User-Agent"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static final String USER_AGENT = "lokaal-signaal-test/0.1 (+https://github.com/lokaal-signaal/lokaal-signaal)";

    private final List<FeedPoller> pollers = new ArrayList<>();

    @AfterEach
    void closePollers() {
        pollers.forEach(FeedPoller::close);
    }

    /** A poller that may reach this test's loopback server, as with --allow-private-hosts. */
    private FeedPoller poller(Duration timeout) {
        return poller(config(timeout, true), 1024 * 1024);
    }

    private FeedPoller poller(FetchConfig config, long maxBytes) {
        FeedPoller poller = new FeedPoller(reader, config, maxBytes);
        pollers.add(poller);
        return poller;
    }

    private static FetchConfig config(Duration timeout, boolean allowPrivateHosts) {
        return new FetchConfig(USER_AGENT, timeout, allowPrivateHosts, Map.of(), 4);
    }

    @Test
    void entriesWithContentAndEntriesLinkingToAPageBecomeIssues() {
        NewsletterResult result = poller(Duration.ofSeconds(10)).poll(URI.create(base + "/rss.xml"));

        assertThat(result.issues()).extracting(NewsletterIssue::getIssueId).containsExactly(
                "2021-12-01-nieuwsbrief-lokaal-gelijkekansenbeleid-december-2021",
                "2022-02-02-nieuwsbrief-lokaal-gelijkekansenbeleid-februari-2022");

        NewsletterIssue december = result.issues().get(0);
        assertThat(december.getDate()).isEqualTo(LocalDate.of(2021, 12, 1));
        assertThat(december.getSource()).isEqualTo(base + "/rss.xml");
        assertThat(december.getItems()).extracting(NewsletterItem::getHeading)
                .containsExactly("Oostende lanceert ‘Ask for Angela’", "Webinar toegankelijke evenementen");
        assertThat(december.getItems().get(0).getFeatured()).extracting(FeaturedMunicipality::getNisCode).containsExactly("35013");
        assertThat(december.getItems().get(1).getLinks()).containsExactly("https://www.inter.vlaanderen/webinar");

        NewsletterIssue february = result.issues().get(1);
        assertThat(february.getSource()).isEqualTo(base + "/nummers/2022-02-02.html");
        NewsletterItem call = february.getItems().stream().filter(NewsletterItem::getCall).findFirst().orElseThrow();
        assertThat(call.getHeading()).isEqualTo("Staat seksueelgeweld.be al op uw website?");
        assertThat(call.getCallSnippet()).startsWith("Neem de website op in uw gemeentelijke website");
        assertThat(february.getItems()).filteredOn(i -> i.getHeading().equals("Tip van Brugge"))
                .singleElement().satisfies(i -> assertThat(i.getFeatured()).isEmpty());
    }

    @Test
    void anEntryWhosePageIsGoneIsAnErrorForThatEntryOnly() {
        NewsletterResult result = poller(Duration.ofSeconds(10)).poll(URI.create(base + "/rss.xml"));

        assertThat(result.issues()).hasSize(2);
        assertThat(result.errors()).containsExactly(new SourceError(base + "/nummers/verdwenen.html", "HTTP status 404"));
    }

    @Test
    void pollingAgainGivesIdenticalRecords() {
        NewsletterResult first = poller(Duration.ofSeconds(10)).poll(URI.create(base + "/rss.xml"));
        NewsletterResult again = poller(Duration.ofSeconds(10)).poll(URI.create(base + "/rss.xml"));

        assertThat(again.issues()).isEqualTo(first.issues());
    }

    @Test
    void anAtomFeedWorksAndTheSameIssueAsInRssGetsTheSameIdAndHash() {
        NewsletterResult atom = poller(Duration.ofSeconds(10)).poll(URI.create(base + "/atom.xml"));
        NewsletterResult rss = poller(Duration.ofSeconds(10)).poll(URI.create(base + "/rss.xml"));

        assertThat(atom.errors()).isEmpty();
        assertThat(atom.issues()).singleElement().satisfies(i -> {
            assertThat(i.getIssueId()).isEqualTo(rss.issues().get(1).getIssueId());
            assertThat(i.getContentHash()).isEqualTo(rss.issues().get(1).getContentHash());
        });
    }

    @Test
    void aFeedUrlThatReturnsAnHtmlPageIsAnError() {
        NewsletterResult result = poller(Duration.ofSeconds(10)).poll(URI.create(base + "/archief"));

        assertThat(result.issues()).isEmpty();
        assertThat(result.errors()).containsExactly(
                new SourceError(base + "/archief", "returned an HTML page, not an RSS or Atom feed"));
    }

    @Test
    void aFeedThatDoesNotAnswerInTimeIsAnError() {
        NewsletterResult result = poller(Duration.ofMillis(300)).poll(URI.create(base + "/traag.xml"));

        assertThat(result.issues()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(base + "/traag.xml");
            assertThat(e.reason()).contains("timed out");
        });
    }

    @Test
    void aFeedThatIsNotXmlIsAnError() {
        server.createContext("/kapot.xml", ex -> send(ex, 200, "application/rss+xml", "<rss><channel><item>"));

        NewsletterResult result = poller(Duration.ofSeconds(10)).poll(URI.create(base + "/kapot.xml"));

        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.reason()).startsWith("not a valid RSS or Atom feed"));
    }

    @Test
    void anUnreachableFeedIsAnError() throws IOException {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        NewsletterResult result = poller(Duration.ofSeconds(5)).poll(URI.create("http://127.0.0.1:" + closedPort + "/rss.xml"));

        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.reason()).startsWith("cannot be fetched"));
    }

    // ------------------------------------------------------------------ the crawler's rules for the feed too

    @Test
    void aFeedOnALoopbackAddressIsRefusedWithoutPrivateHostsAndNothingIsSent() {
        NewsletterResult result = poller(config(Duration.ofSeconds(5), false), 1024 * 1024).poll(URI.create(base + "/rss.xml"));

        assertThat(result.issues()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.reason()).contains("refused"));
        assertThat(requests).isEmpty();
    }

    @Test
    void aFeedOnALinkLocalAddressIsRefusedWithoutConnecting() {
        NewsletterResult result = poller(config(Duration.ofSeconds(5), false), 1024 * 1024)
                .poll(URI.create("http://169.254.169.254/latest/feed.xml"));

        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.reason()).contains("refused"));
    }

    @Test
    void aRedirectFromAPublicHostToAPrivateOneIsRefusedAndThePrivateHostGetsNoRequest() throws IOException {
        HttpServer internal = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        List<String> internalRequests = new CopyOnWriteArrayList<>();
        internal.createContext("/", ex -> {
            internalRequests.add(ex.getRequestURI().toString());
            serveResource(ex, "rss.xml", "application/rss+xml");
        });
        internal.start();
        try {
            server.createContext("/verhuisd.xml", ex -> redirect(ex, "http://127.0.0.2:" + internal.getAddress().getPort() + "/rss.xml"));
            // 127.0.0.1 stands in for a public address here: the only one a test without internet can reach
            GuardedDnsResolver guard = new GuardedDnsResolver(Map.of(), false, a -> a.getHostAddress().equals("127.0.0.1"));
            FeedPoller poller = new FeedPoller(reader, new Fetcher(config(Duration.ofSeconds(5), false), guard), Duration.ofSeconds(5), 1024 * 1024);
            pollers.add(poller);

            NewsletterResult result = poller.poll(URI.create(base + "/verhuisd.xml"));

            assertThat(result.issues()).as("nothing published from the internal host").isEmpty();
            assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.reason()).contains("127.0.0.2").contains("refused"));
            assertThat(internalRequests).isEmpty();
            assertThat(requests).extracting(r -> r.split(" ")[0]).containsExactly("/verhuisd.xml");
        } finally {
            internal.stop(0);
        }
    }

    @Test
    void aRedirectBetweenAllowedAddressesIsFollowed() {
        NewsletterResult result = poller(Duration.ofSeconds(10)).poll(URI.create(base + "/oud.xml"));

        assertThat(result.issues()).hasSize(2);
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() {
        NewsletterResult result = poller(Duration.ofSeconds(10)).poll(URI.create(base + "/bestand.xml"));

        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.reason()).contains("file:///etc/passwd").contains("not an http(s) URL"));
    }

    @Test
    void everyRequestCarriesTheHonestUserAgent() {
        poller(Duration.ofSeconds(10)).poll(URI.create(base + "/rss.xml"));

        assertThat(requests).isNotEmpty().allSatisfy(r -> assertThat(r).endsWith(" " + USER_AGENT));
    }

    @Test
    void aFeedLargerThanTheByteLimitIsAnErrorAndIsNotRead() {
        NewsletterResult result = poller(config(Duration.ofSeconds(10), true), 512).poll(URI.create(base + "/rss.xml"));

        assertThat(result.issues()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("larger than 512 bytes; not read (see --max-bytes)"));
    }
}
