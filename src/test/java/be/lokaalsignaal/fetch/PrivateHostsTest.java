package be.lokaalsignaal.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lokaalsignaal.avro.ScanRequest;
import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.avro.WebsiteScan;
import be.lokaalsignaal.scan.CrawlConfig;
import be.lokaalsignaal.scan.ScanListener;
import be.lokaalsignaal.scan.SiteCrawler;
import be.lokaalsignaal.scan.rules.SignalCatalogue;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The crawler refuses hosts that resolve into loopback, private, link-local or multicast ranges unless
 * private hosts are allowed. Every address is given as an override, so nothing is looked up in DNS, and the
 * only traffic in this test goes to a server on 127.0.0.1.
 */
class PrivateHostsTest {

    private static final String HOST = "www.gemeente.test";

    @ParameterizedTest
    @ValueSource(strings = {
        "127.0.0.1", "127.1.2.3",                         // loopback
        "10.0.0.1", "10.255.255.254",                     // 10/8
        "172.16.0.1", "172.20.1.1", "172.31.255.254",     // 172.16/12
        "192.168.0.1", "192.168.255.254",                 // 192.168/16
        "169.254.0.1", "169.254.169.254",                 // link-local (cloud metadata)
        "224.0.0.1", "239.255.255.250",                   // multicast
        "0.0.0.0", "100.64.0.1", "255.255.255.255",       // this network, carrier-grade NAT, broadcast
        "192.0.2.1", "198.51.100.7", "203.0.113.9",       // documentation
        "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "fec0::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1",
        "::7f00:1", "::127.0.0.1", "::a00:1",             // IPv4-compatible forms of loopback and 10/8
        "::ffff:0:7f00:1",                                // IPv4-translated loopback
        "64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b::a9fe:a9fe", // NAT64 of loopback, 10/8, link-local
        "64:ff9b:1::1",                                   // local-use NAT64
        "2002:7f00:1::1", "2002:c0a8:101::1",             // 6to4 of loopback and 192.168/16
        "2001:0:4136:e378:8000:63bf:80ff:fffe",           // Teredo with client 127.0.0.1 (bits flipped)
        "2001:db8::1", "3fff::1", "100::1", "2001:10::1", "2001:2::1"}) // documentation, discard, ORCHID, benchmarking
    void nonPublicAddressesAreRefused(String ip) throws IOException {
        GuardedDnsResolver guarded = new GuardedDnsResolver(Map.of(HOST, ip), false);
        assertThatThrownBy(() -> guarded.resolve(HOST))
                .isInstanceOf(GuardedDnsResolver.RefusedHostException.class)
                .hasMessageContaining(HOST).hasMessageContaining("refused");
        assertThatThrownBy(() -> guarded.resolve("WWW.Gemeente.TEST"))
                .isInstanceOf(GuardedDnsResolver.RefusedHostException.class);

        InetAddress[] allowed = new GuardedDnsResolver(Map.of(HOST, ip), true).resolve(HOST);
        assertThat(allowed).extracting(InetAddress::getAddress).containsExactly(InetAddress.getByName(ip).getAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"172.15.255.254", "172.32.0.1", "192.167.255.254", "192.169.0.1", "11.0.0.1",
        "169.253.255.254", "223.255.255.254", "93.184.215.14", "2001:4860:4860::8888",
        "64:ff9b::808:808", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:f7f7:f7f7", "2a02:2c40::1"})
    void publicAddressesNextToThoseRangesResolve(String ip) throws IOException {
        InetAddress[] resolved = new GuardedDnsResolver(Map.of(HOST, ip), false).resolve(HOST);
        assertThat(resolved).hasSize(1);
        assertThat(resolved[0].getAddress()).isEqualTo(InetAddress.getByName(ip).getAddress());
        assertThat(resolved[0].getHostName()).isEqualTo(HOST);
    }

    // ------------------------------------------------------------------ through the fetcher and the crawler

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startLoopbackSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/", x -> {
            requests.incrementAndGet();
            byte[] body = "<html><head><title>Gemeente</title></head><body>Welkom</body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopLoopbackSite() {
        server.stop(0);
    }

    private String url() {
        return "http://" + HOST + ":" + server.getAddress().getPort() + "/";
    }

    private static CrawlConfig config(boolean allowPrivate) {
        return CrawlConfig.defaults().withCrawlDelay(Duration.ZERO).withTimeout(Duration.ofSeconds(2))
                .withResolve(Map.of(HOST, "127.0.0.1")).withAllowPrivateHosts(allowPrivate);
    }

    private static FetchConfig fetchConfig(boolean allowPrivate) {
        return config(allowPrivate).fetchConfig();
    }

    @Test
    void fetcherRefusesALoopbackHostWithoutConnecting() throws IOException {
        try (Fetcher fetcher = new Fetcher(fetchConfig(false))) {
            assertThatThrownBy(() -> fetcher.get(url(), 1024))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.isConnectFailure()).isTrue())
                    .hasMessageContaining("refused");
        }
        assertThat(requests).hasValue(0);
    }

    @Test
    void fetcherReachesTheLoopbackHostWhenPrivateHostsAreAllowed() throws IOException {
        try (Fetcher fetcher = new Fetcher(fetchConfig(true))) {
            assertThat(fetcher.get(url(), 1024).status()).isEqualTo(200);
        }
        assertThat(requests).hasValue(1);
    }

    @Test
    void crawlOfAPrivateHostFailsAsUnreachableAndSendsNothing() {
        ScanRequest request = ScanRequest.newBuilder().setScanId("s").setNisCode("11001").setName("Gemeente")
                .setStartUrl(url()).setRequestedAt(Instant.now()).build();
        ScanListener ignore = new ScanListener() {
            @Override
            public void page(WebsitePage page) {}

            @Override
            public void scan(WebsiteScan scan) {}
        };
        try (SiteCrawler crawler = new SiteCrawler(config(false), SignalCatalogue.bundled())) {
            WebsiteScan scan = crawler.crawl(request, ignore);
            assertThat(scan.getStatus()).isEqualTo("FAILED");
            assertThat(scan.getReason()).isEqualTo("UNREACHABLE");
            assertThat(scan.getMessage()).contains("refused");
        }
        assertThat(requests).hasValue(0);
    }
}
