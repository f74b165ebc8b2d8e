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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class FeedPollerTest {

    private HttpServer server;
    private String base;
    private final CountDownLatch release = new CountDownLatch(1);
    private final NewsletterReader reader = new NewsletterReader(Register.bundled());

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
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

    private void serveResource(HttpExchange ex, String name, String type) throws IOException {
        String body = Files.readString(Resources.path("/newsletter/feed/" + name)).replace("${base}", base);
        send(ex, 200, type, body);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private FeedPoller poller(Duration timeout) {
        return new FeedPoller(reader, timeout);
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
}
