package be.lokaalsignaal.scan.reader;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.scan.extract.PageContent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageTermsTest {

    private static PageContent page(String title, String... paragraphs) {
        return PageContent.of("https://www.lier.be/nieuws", title, List.of(paragraphs), List.of());
    }

    @Test
    void wordsAndNeighbouringPairsAreTermsInLowerCaseWithoutAccents() {
        PageTerms.Terms terms = PageTerms.of(page(null, "Onze Jeugddienst lanceert één campagne."), Set.of());

        assertThat(terms.all()).containsExactlyInAnyOrder("onze", "jeugddienst", "lanceert", "een", "campagne",
                "onze jeugddienst", "jeugddienst lanceert", "lanceert een", "een campagne");
    }

    @Test
    void theMunicipalitysOwnNameIsOneTermWhateverItsLength() {
        PageTerms.Terms terms = PageTerms.of(page(null, "De stad Sint-Niklaas start een actie."),
                Set.of("Sint-Niklaas"));

        assertThat(terms.all()).contains(PageTerms.OWN, "stad " + PageTerms.OWN, PageTerms.OWN + " start")
                .doesNotContain("sint", "niklaas");
    }

    @Test
    void anotherMunicipalitysNameStaysItself() {
        PageTerms.Terms terms = PageTerms.of(page(null, "In Mechelen hangen affiches."), Set.of("Lier"));

        assertThat(terms.all()).contains("mechelen").doesNotContain(PageTerms.OWN);
    }

    @Test
    void aPairNeverSpansTwoParagraphsAndTheTitleCounts() {
        PageTerms.Terms terms = PageTerms.of(page("Nee is nee", "eerste alinea", "tweede alinea"), Set.of());

        assertThat(terms.all()).contains("nee is", "is nee", "eerste alinea", "tweede alinea")
                .doesNotContain("alinea tweede");
        assertThat(terms.perParagraph()).hasSize(2);
        assertThat(terms.perParagraph().get(1)).containsExactlyInAnyOrder("tweede", "alinea", "tweede alinea");
    }
}
