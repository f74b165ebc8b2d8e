package be.lokaalsignaal.scan.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrontierTest {

    @Test
    void duplicatesAreQueuedOnce() {
        Frontier f = new Frontier(50, 50);
        assertThat(f.offerLink("https://g.be/a")).isTrue();
        assertThat(f.offerLink("https://g.be/a")).isFalse();
        assertThat(f.next()).isEqualTo("https://g.be/a");
        assertThat(f.next()).isNull();
    }

    @Test
    void wwwAndBareHostAndSchemeVariantsAreOnePage() {
        Frontier f = new Frontier(50, 50);
        assertThat(f.offerLink("https://www.g.be/a")).isTrue();
        assertThat(f.offerLink("http://g.be/a")).isFalse();
        assertThat(f.offerLink("http://www.g.be:80/a")).isFalse();
        assertThat(f.offerLink("https://g.be/b")).isTrue();
    }

    @Test
    void endlessQueryCalendarIsCappedAndTheRestCounted() {
        Frontier f = new Frontier(10, 50);
        for (int month = 0; month < 100; month++) {
            f.offerLink("https://g.be/kalender?maand=" + month);
        }
        assertThat(f.queued()).isEqualTo(10);
        assertThat(f.skipped()).isEqualTo(90);
    }

    @Test
    void datedAgendaPathsAreCappedButNumberedArticlesAreNot() {
        Frontier f = new Frontier(50, 5);
        for (int day = 1; day <= 28; day++) {
            f.offerLink("https://g.be/agenda/2024/05/" + day);
        }
        for (int node = 1; node <= 300; node++) {
            f.offerLink("https://g.be/node/" + node);
        }
        assertThat(f.queued()).isEqualTo(5 + 300);
    }

    @Test
    void selfRepeatingPathsAreLeftOut() {
        Frontier f = new Frontier(50, 50);
        assertThat(f.offerLink("https://g.be/a/b/a/b/a/b/a/b")).isFalse();
        assertThat(f.skipped()).isEqualTo(1);
    }

    @Test
    void linksAndSitemapUrlsAreTakenInTurn() {
        Frontier f = new Frontier(50, 50);
        f.offerLink("https://g.be/l1");
        f.offerLink("https://g.be/l2");
        f.offerSitemapUrl("https://g.be/s1");
        f.offerSitemapUrl("https://g.be/s2");
        assertThat(new String[] {f.next(), f.next(), f.next(), f.next()})
                .containsExactly("https://g.be/l1", "https://g.be/s1", "https://g.be/l2", "https://g.be/s2");
    }

    @Test
    void offSiteUrlsAreCountedOnce() {
        Frontier f = new Frontier(50, 50);
        f.skip("https://elders.be/");
        f.skip("https://elders.be/");
        assertThat(f.skipped()).isEqualTo(1);
    }
}
