package be.lokaalsignaal.scan;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.avro.ScanRequest;
import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.avro.WebsiteScan;
import be.lokaalsignaal.scan.corpus.TestCorpus;
import be.lokaalsignaal.scan.rules.SignalCatalogue;
import be.lokaalsignaal.topics.SignalKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Crawls every site of the test corpus in parallel, as the crawler worker will, and checks what it found. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteCorpusIT {

    private TestCorpus corpus;
    private final Map<String, Recorder> results = new LinkedHashMap<>();

    /** What the listener heard for one site. */
    static final class Recorder implements ScanListener {
        final List<WebsitePage> pages = new CopyOnWriteArrayList<>();
        final List<WebsiteScan> lifecycle = new CopyOnWriteArrayList<>();
        WebsiteScan result;

        @Override
        public void page(WebsitePage page) {
            pages.add(page);
        }

        @Override
        public void scan(WebsiteScan scan) {
            lifecycle.add(scan);
        }

        Set<SignalKind> kinds() {
            Set<SignalKind> kinds = EnumSet.noneOf(SignalKind.class);
            for (WebsitePage p : pages) {
                for (RuleMatch m : p.getMatches()) {
                    kinds.add(SignalKind.parse(m.getKind()));
                }
            }
            return kinds;
        }

        WebsitePage pageEndingWith(String suffix) {
            return pages.stream().filter(p -> p.getUrl().endsWith(suffix)).findFirst().orElse(null);
        }
    }

    @BeforeAll
    void crawlTheCorpus() {
        // per-request HTTP client detail would bury the test output
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        corpus = TestCorpus.start();
        List<CompletableFuture<WebsiteScan>> futures = new ArrayList<>();
        try (CrawlerPool pool = new CrawlerPool(corpus.crawlConfig(), SignalCatalogue.bundled())) {
            for (TestCorpus.Site site : corpus.sites()) {
                Recorder recorder = new Recorder();
                results.put(site.name(), recorder);
                ScanRequest request = ScanRequest.newBuilder().setScanId("it-1").setNisCode(site.nisCode())
                        .setName(site.name()).setStartUrl(site.startUrl()).setRequestedAt(Instant.now()).build();
                futures.add(pool.submit(request, recorder).thenApply(scan -> recorder.result = scan));
            }
            CompletableFuture.allOf(futures.toArray(new CompletableFuture[0])).join();
        }
    }

    @AfterAll
    void stopTheCorpus() {
        if (corpus != null) {
            corpus.close();
        }
    }

    @Test
    void corpusHasAtLeastTwentySites() {
        assertThat(corpus.sites()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void everySiteYieldsExactlyItsExpectedSignalKinds() {
        Map<String, Set<SignalKind>> expected = new LinkedHashMap<>();
        Map<String, Set<SignalKind>> actual = new LinkedHashMap<>();
        for (TestCorpus.Site site : corpus.sites()) {
            expected.put(site.name(), site.expectedKinds());
            actual.put(site.name(), results.get(site.name()).kinds());
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void everyScanEndsWithItsExpectedStatusAndReason() {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        for (TestCorpus.Site site : corpus.sites()) {
            expected.put(site.name(), site.expectedStatus() + " " + site.expectedReason());
            WebsiteScan r = results.get(site.name()).result;
            actual.put(site.name(), r.getStatus() + " " + r.getReason());
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void lifecycleIsStartedThenOneEnd() {
        for (TestCorpus.Site site : corpus.sites()) {
            List<WebsiteScan> lifecycle = results.get(site.name()).lifecycle;
            assertThat(lifecycle).as(site.name()).extracting(WebsiteScan::getStatus)
                    .containsExactly("STARTED", site.expectedStatus());
            assertThat(lifecycle.get(1).getCompletedAt()).as(site.name()).isNotNull();
        }
    }

    @Test
    void everyReachablePageOfEverySiteIsFetched() {
        for (TestCorpus.Site site : corpus.sites()) {
            if (site.pages() >= 0) {
                assertThat(results.get(site.name()).result.getPagesFetched()).as(site.name()).isEqualTo(site.pages());
            }
        }
    }

    @Test
    void thePagesOfAScanAreNumberedOneUpToItsPagesFetchedInTheOrderTheyArePublished() {
        for (Recorder r : results.values()) {
            List<Integer> numbers = r.pages.stream().map(WebsitePage::getPageNumber).toList();
            assertThat(numbers).as(r.result.getScanId() + " " + r.result.getStartUrl())
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, r.result.getPagesFetched()).boxed().toList());
        }
    }

    @Test
    void pageRecordsCarryHashTitleTypeAndWatchedLinks() {
        WebsitePage page = results.get("link-wrapper").pageEndingWith("/");
        assertThat(page.getContentHash()).hasSize(64);
        assertThat(page.getTitle()).isEqualTo("Gemeente E");
        assertThat(page.getContentType()).isEqualTo("text/html");
        assertThat(page.getHttpStatus()).isEqualTo(200);
        assertThat(page.getNisCode()).isEqualTo(corpus.site("link-wrapper").nisCode());
        assertThat(page.getWatchedLinks()).containsExactly("https://www.seksueelgeweld.be/");
    }

    @Test
    void wrapperItselfIsNotFollowed() {
        assertThat(corpus.site("link-wrapper").requests()).noneMatch(r -> r.startsWith("/redirect"));
    }

    @Test
    void robotsDisallowedPageIsNeverRequested() {
        assertThat(corpus.site("robots-pagina").requests()).noneMatch(r -> r.startsWith("/intern/"));
        assertThat(results.get("robots-pagina").result.getPagesSkipped()).isPositive();
        assertThat(corpus.site("robots-alles").requests()).containsExactly("/robots.txt");
    }

    @Test
    void neighboursPageIsNeverFetched() {
        assertThat(results.get("buur").pages).allMatch(p -> p.getFinalUrl().contains("gemeente-o.test"));
    }

    @Test
    void pdfTextIsRead() {
        WebsitePage pdf = results.get("pdf").pageEndingWith(".pdf");
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getTitle()).isEqualTo("Zonaal veiligheidsplan 2020-2025");
        assertThat(pdf.getMatches()).extracting(RuleMatch::getSnippet).anyMatch(s -> s.contains("seksueel geweld"));
    }

    @Test
    void windows1252PageKeepsItsAccents() {
        assertThat(results.get("windows-1252").pageEndingWith("/").getTitle()).isEqualTo("Veilig uitgaan in caf\u00e9s");
    }

    @Test
    void slowPageFailsWithoutFailingTheSite() {
        assertThat(results.get("trage-pagina").result.getPagesFailed()).isEqualTo(1);
    }

    @Test
    void hugePageIsCutAtTheByteLimitAndStillAnalysed() {
        WebsitePage big = results.get("grote-pagina").pageEndingWith("/groot");
        assertThat(big.getTruncated()).isTrue();
        assertThat(big.getWatchedLinks()).isEmpty();
    }

    @Test
    void redirectLoopCountsAsAFailedPage() {
        assertThat(results.get("redirect-lus").result.getPagesFailed()).isEqualTo(1);
    }

    @Test
    void endlessCalendarIsCappedAndTheRestCountedAsSkipped() {
        WebsiteScan scan = results.get("kalender").result;
        int cap = corpus.crawlConfig().maxQueryVariants();
        assertThat(scan.getPagesFetched()).isLessThanOrEqualTo(cap + 1);
        assertThat(scan.getPagesSkipped()).isPositive();
    }

    @Test
    void siteThatMovedIsCrawledOnItsNewHost() {
        Recorder moved = results.get("verhuisd");
        assertThat(moved.pages).extracting(WebsitePage::getFinalUrl)
                .allMatch(u -> u.contains("nieuwe-gemeente.test"));
    }

    @Test
    void binaryPageServedAsHtmlIsCountedAsFailed() {
        assertThat(results.get("binair").result.getPagesFailed()).isEqualTo(1);
    }

    @Test
    void deadSiteSaysWhy() {
        assertThat(results.get("plat").result.getMessage()).contains("connection refused");
    }
}
