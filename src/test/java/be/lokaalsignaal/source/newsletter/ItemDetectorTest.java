package be.lokaalsignaal.source.newsletter;

import be.lokaalsignaal.avro.FeaturedMunicipality;
import be.lokaalsignaal.avro.NewsletterItem;
import be.lokaalsignaal.register.NameMatcher;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.register.TextFold;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ItemDetectorTest {

    private static final LocalDate DATE = LocalDate.of(2021, 3, 3);

    private final NewsletterRules rules = NewsletterRules.bundled();
    private final ItemDetector detector = new ItemDetector(rules, new NameMatcher(Register.bundled()));

    private NewsletterItem detect(String heading, String text, String... links) {
        return detector.detect(heading, text, List.of(links), DATE);
    }

    @Test
    void aWildcardPhraseSpansAFewWordsButNotASentenceEnd() {
        var pattern = NewsletterRules.compile(List.of("zet * op uw website"));

        assertThat(pattern.matcher(TextFold.fold("Zet de link naar www.seksueelgeweld.be op uw website")).find()).isTrue();
        assertThat(pattern.matcher(TextFold.fold("Zet koffie. Lees daarna op uw website")).find()).isFalse();
    }

    @Test
    void aStarAtTheEndOfAWordMatchesItsForms() {
        var pattern = NewsletterRules.compile(List.of("vermeld*"));

        assertThat(pattern.matcher(TextFold.fold("te vermelden")).find()).isTrue();
        assertThat(pattern.matcher(TextFold.fold("de vermelding")).find()).isTrue();
        assertThat(pattern.matcher(TextFold.fold("onvermeld")).find()).isFalse();
    }

    @Test
    void aCallNeedsTheWatchedSiteAnActionAndLocalGovernments() {
        assertThat(detect("Oproep", "Vermeld www.seksueelgeweld.be op uw website.").getCall()).isTrue();
        assertThat(detect("Oproep", "Vermeld de hulplijn 1712 op uw website.").getCall()).isFalse();
        assertThat(detect("Nieuws", "Gemeenten vinden cijfers op www.seksueelgeweld.be.").getCall()).isFalse();
        assertThat(detect("Oproep", "Lokale besturen: zet de link op jullie website.", "https://seksueelgeweld.be/hulp").getCall()).isTrue();
    }

    @Test
    void aLinkThroughARedirectThatCarriesTheWatchedSiteCounts() {
        NewsletterItem item = detect("Oproep", "Lokale besturen, plaats deze link op uw website.",
                "https://click.example.com/t?target=https%3A%2F%2Fwww.seksueelgeweld.be%2F&id=7");

        assertThat(item.getCall()).isTrue();
        assertThat(detect("Oproep", "Lokale besturen, plaats deze link op uw website.",
                "https://click.example.com/t?target=https%3A%2F%2Fwww.example.be%2F").getCall()).isFalse();
    }

    @Test
    void aLongSentenceIsCutToAtMost300Characters() {
        String filler = "en nog meer uitleg over de aanpak ".repeat(20);
        NewsletterItem item = detect("Oproep", "We vragen lokale besturen om " + filler
                + "www.seksueelgeweld.be te vermelden op hun website " + filler + "zodat iedereen hulp vindt.");

        assertThat(item.getCall()).isTrue();
        assertThat(item.getCallSnippet()).hasSizeLessThanOrEqualTo(300).contains("lokale besturen");
    }

    @Test
    void aCityNamedAsTheVenueOfAnEventOnTheThemeIsNotAFeaturedPractice() {
        assertThat(detect("Vorming", "Op 12 mei geeft Sensoa in Gent een vorming over seksueel geweld.").getFeatured()).isEmpty();
    }

    @Test
    void severalMunicipalitiesCanBeFeaturedInOneItem() {
        NewsletterItem item = detect("Straatintimidatie",
                "Gent, Mechelen en Antwerpen tonen hoe ze straatintimidatie aanpakken met een campagne. Ook Gent werkt met een meldpunt.");

        assertThat(item.getFeatured()).extracting(FeaturedMunicipality::getNisCode).containsExactly("44021", "12025", "11002");
    }

    @Test
    void featuredMunicipalitiesAreTheCodesInForceOnTheIssueDate() {
        NewsletterItem item = detector.detect("Campagne", "Kruibeke lanceert een campagne tegen seksueel geweld.", List.of(),
                LocalDate.of(2025, 3, 5));

        assertThat(item.getFeatured()).singleElement().satisfies(f -> {
            assertThat(f.getNisCode()).isEqualTo("46030");
            assertThat(f.getMatchedName()).isEqualTo("Kruibeke");
        });
    }
}
