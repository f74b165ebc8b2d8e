package be.lokaalsignaal.scan.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteScopeTest {

    @Test
    void wwwAndBareHostAreTheSameSite() {
        SiteScope scope = new SiteScope("www.gemeente-a.be");
        assertThat(scope.contains("gemeente-a.be")).isTrue();
        assertThat(scope.contains("WWW.GEMEENTE-A.BE")).isTrue();
        assertThat(scope.containsUrl("http://gemeente-a.be/x")).isTrue();
    }

    @Test
    void neighbouringMunicipalityIsOffSite() {
        SiteScope scope = new SiteScope("www.gemeente-a.be");
        assertThat(scope.contains("www.gemeente-b.be")).isFalse();
        assertThat(scope.contains("gemeente-a.be.example.org")).isFalse();
        assertThat(scope.contains("shop.gemeente-a.be")).isFalse();
    }

    @Test
    void hostTheStartUrlRedirectsToJoinsTheSite() {
        SiteScope scope = new SiteScope("www.oud.be");
        scope.add("www.nieuw.be");
        assertThat(scope.contains("nieuw.be")).isTrue();
    }
}
