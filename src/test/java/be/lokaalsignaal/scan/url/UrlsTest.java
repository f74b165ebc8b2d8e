package be.lokaalsignaal.scan.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlsTest {

    private static final String PAGE = "https://www.gemeente.be/nl/welzijn/index.html";

    @Test
    void schemeAndHostAreLowerCasedAndFragmentDropped() {
        assertThat(Urls.normalise("HTTPS://WWW.SeksueelGeweld.BE/Hulp#top")).contains("https://www.seksueelgeweld.be/Hulp");
    }

    @Test
    void aHostAskedAgainGetsTheSameAnswerUsableOrNot() {
        for (int round = 0; round < 2; round++) {
            assertThat(Urls.normaliseHost("WWW.Gemeente.BE.")).isEqualTo("www.gemeente.be");
            assertThat(Urls.normaliseHost("www.mün.be")).isEqualTo("www.xn--mn-xka.be");
            assertThat(Urls.normaliseHost("www.ge meente.be")).isNull();
            assertThat(Urls.normaliseHost("...")).isNull();
        }
    }

    @Test
    void defaultPortsAreDroppedAndOthersKept() {
        assertThat(Urls.normalise("http://gemeente.be:80/a")).contains("http://gemeente.be/a");
        assertThat(Urls.normalise("https://gemeente.be:443")).contains("https://gemeente.be/");
        assertThat(Urls.normalise("https://gemeente.be:8443/a")).contains("https://gemeente.be:8443/a");
    }

    @Test
    void protocolRelativeHrefTakesThePageScheme() {
        assertThat(Urls.resolve(PAGE, "//www.seksueelgeweld.be/chat")).contains("https://www.seksueelgeweld.be/chat");
    }

    @Test
    void whitespaceAroundAndInsideHrefIsIgnored() {
        assertThat(Urls.resolve(PAGE, "  \n https://www.seksueelgeweld.be/\t \n")).contains("https://www.seksueelgeweld.be/");
        assertThat(Urls.resolve(PAGE, "https://www.seksueel\ngeweld.be/")).contains("https://www.seksueelgeweld.be/");
    }

    @Test
    void relativeLinksResolveAndDotSegmentsDisappear() {
        assertThat(Urls.resolve(PAGE, "../veiligheid/./plan.pdf")).contains("https://www.gemeente.be/nl/veiligheid/plan.pdf");
        assertThat(Urls.resolve(PAGE, "/a/b/../c")).contains("https://www.gemeente.be/a/c");
    }

    @Test
    void trackingParametersAreDroppedAndTheRestSorted() {
        assertThat(Urls.normalise("https://g.be/p?utm_source=nb&b=2&fbclid=x&a=1&UTM_Medium=mail"))
                .contains("https://g.be/p?a=1&b=2");
        assertThat(Urls.normalise("https://g.be/p?utm_source=nb")).contains("https://g.be/p");
    }

    @Test
    void sessionIdsInPathAreDropped() {
        assertThat(Urls.normalise("https://g.be/p;jsessionid=ABC123?x=1")).contains("https://g.be/p?x=1");
    }

    @Test
    void onlyHttpAndHttpsAreAccepted() {
        assertThat(Urls.resolve(PAGE, "mailto:info@seksueelgeweld.be")).isEmpty();
        assertThat(Urls.resolve(PAGE, "javascript:void(0)")).isEmpty();
        assertThat(Urls.resolve(PAGE, "ftp://seksueelgeweld.be/")).isEmpty();
        assertThat(Urls.resolve(PAGE, "tel:1712")).isEmpty();
        assertThat(Urls.resolve(PAGE, "#inhoud")).isEmpty();
    }

    @Test
    void unencodedCharactersAreEncodedAndEscapesKept() {
        assertThat(Urls.normalise("https://g.be/café plan.pdf")).contains("https://g.be/caf%C3%A9%20plan.pdf");
        assertThat(Urls.normalise("https://g.be/a%2fb")).contains("https://g.be/a%2Fb");
    }

    @Test
    void hostTrailingDotAndIdnAreNormalised() {
        assertThat(Urls.host("https://WWW.Gemeente.be./x")).isEqualTo("www.gemeente.be");
        assertThat(Urls.host("https://www.brüssel.be/")).startsWith("www.xn--brssel-").endsWith(".be");
    }

    @Test
    void watchedHostMatchesItselfAndSubdomainsOnly() {
        assertThat(Urls.isHostOrSubdomain("seksueelgeweld.be", "seksueelgeweld.be")).isTrue();
        assertThat(Urls.isHostOrSubdomain("www.seksueelgeweld.be", "seksueelgeweld.be")).isTrue();
        assertThat(Urls.isHostOrSubdomain("WWW.SEKSUEELGEWELD.BE", "seksueelgeweld.be")).isTrue();
        assertThat(Urls.isHostOrSubdomain("chat.seksueelgeweld.be", "seksueelgeweld.be")).isTrue();
    }

    @Test
    void lookAlikeHostsAreNotTheWatchedHost() {
        assertThat(Urls.isHostOrSubdomain("seksueelgeweld.be.example.org", "seksueelgeweld.be")).isFalse();
        assertThat(Urls.isHostOrSubdomain("nietseksueelgeweld.be", "seksueelgeweld.be")).isFalse();
        assertThat(Urls.isHostOrSubdomain("seksueelgeweld.bel", "seksueelgeweld.be")).isFalse();
        assertThat(Urls.isHostOrSubdomain("seksueelgeweld-be.com", "seksueelgeweld.be")).isFalse();
    }

    @Test
    void redirectWrapperTargetIsDecodedFromItsQueryParameter() {
        assertThat(Urls.embeddedUrls("https://g.be/redirect?url=https%3A%2F%2Fwww.seksueelgeweld.be%2Fhulp"))
                .containsExactly("https://www.seksueelgeweld.be/hulp");
    }

    @Test
    void doublyEncodedAndUnencodedWrapperTargetsAreFound() {
        assertThat(Urls.embeddedUrls("https://g.be/out?id=3&to=https%253A%252F%252Fseksueelgeweld.be"))
                .containsExactly("https://seksueelgeweld.be/");
        assertThat(Urls.embeddedUrls("https://g.be/out?to=http://seksueelgeweld.be/"))
                .containsExactly("http://seksueelgeweld.be/");
    }

    @Test
    void queryParametersWithoutUrlsAreNotWrappers() {
        assertThat(Urls.embeddedUrls("https://g.be/zoek?q=seksueelgeweld.be&page=2")).isEmpty();
        assertThat(Urls.embeddedUrls("https://g.be/zoek?q=www.seksueelgeweld.be")).as("a search for the address")
                .isEmpty();
    }

    @Test
    void aWrappersTargetWithoutASchemeIsReachedOverHttps() {
        assertThat(Urls.embeddedUrls("https://g.be/out?target=www.seksueelgeweld.be&src=nuttige-nummers"))
                .containsExactly("https://www.seksueelgeweld.be/");
        assertThat(Urls.embeddedUrls("https://g.be/externe-link?URL=www.seksueelgeweld.be%2Fchat"))
                .containsExactly("https://www.seksueelgeweld.be/chat");
        assertThat(Urls.embeddedUrls("https://g.be/out?target=seksueelgeweld.be")).as("no www: a name, not an address")
                .isEmpty();
    }
}
