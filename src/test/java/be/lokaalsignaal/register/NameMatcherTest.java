package be.lokaalsignaal.register;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class NameMatcherTest {

    private static final LocalDate IN_2021 = LocalDate.of(2021, 3, 3);
    private static final LocalDate IN_2025 = LocalDate.of(2025, 3, 1);

    private final NameMatcher matcher = new NameMatcher(Register.bundled());

    @Test
    void findsNamesIgnoringCaseAndAccents() {
        assertThat(matcher.find("De campagne van MECHELEN en van Gent.", IN_2021))
                .extracting(NameMatcher.Match::nisCode).containsExactly("12025", "44021");
        assertThat(matcher.find("Een project in Haaltert en in Ruisélede.", IN_2021))
                .extracting(NameMatcher.Match::matchedName).containsExactly("Haaltert", "Ruisélede");
    }

    @Test
    void prefersTheLongestNameSoCompoundNamesAreNotSplit() {
        assertThat(matcher.find("In Sint-Niklaas en Sint Niklaas", IN_2021))
                .extracting(NameMatcher.Match::nisCode).containsExactly("46021", "46021");
        assertThat(matcher.find("Tessenderlo-Ham startte een campagne.", IN_2025))
                .extracting(NameMatcher.Match::nisCode).containsExactly("71071");
        assertThat(matcher.find("Maasmechelen doet mee.", IN_2021))
                .extracting(NameMatcher.Match::nisCode).containsExactly("73107");
    }

    @Test
    void acceptsStadAndGemeenteBeforeTheName() {
        assertThat(matcher.find("De stad Gent, Stad Mechelen en de gemeente Boom werken samen.", IN_2021))
                .extracting(NameMatcher.Match::nisCode, NameMatcher.Match::matchedName, NameMatcher.Match::prefixed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("44021", "Gent", true),
                        org.assertj.core.groups.Tuple.tuple("12025", "Mechelen", true),
                        org.assertj.core.groups.Tuple.tuple("11005", "Boom", true));
    }

    @Test
    void aNameThatIsAlsoAWordCountsOnlyWithPrefixOrAMidSentenceCapital() {
        assertThat(matcher.find("Onder de boom at hij een peer en wat ham.", IN_2021)).isEmpty();
        assertThat(matcher.find("Boom plant een campagne.\nPeer ook.", IN_2021)).isEmpty();
        assertThat(matcher.find("In andere landen menen ze dat.", IN_2021)).isEmpty();
        assertThat(matcher.find("De campagne van Boom en die van Peer.", IN_2021))
                .extracting(NameMatcher.Match::nisCode).containsExactly("11005", "72030");
        assertThat(matcher.find("Gemeente Mol lanceert een actieplan.", IN_2021))
                .extracting(NameMatcher.Match::nisCode).containsExactly("13025");
    }

    @Test
    void theProvinceAntwerpenIsNotTheCity() {
        assertThat(matcher.find("In de provincie Antwerpen en in de stad Antwerpen.", IN_2021))
                .extracting(NameMatcher.Match::start).hasSize(1);
    }

    @Test
    void oldNamesOfMergedMunicipalitiesCountForTheMunicipalityInForce() {
        assertThat(matcher.find("Kruibeke lanceert een campagne.", IN_2021))
                .extracting(NameMatcher.Match::nisCode).containsExactly("46013");
        assertThat(matcher.find("Kruibeke lanceert een campagne.", IN_2025))
                .extracting(NameMatcher.Match::nisCode).containsExactly("46030");
        assertThat(matcher.find("Hasselt", IN_2021)).extracting(NameMatcher.Match::nisCode).containsExactly("71022");
        assertThat(matcher.find("Hasselt", IN_2025)).extracting(NameMatcher.Match::nisCode).containsExactly("71072");
    }

    @Test
    void resolvesAnExactNameForSessionFiles() {
        assertThat(matcher.resolveName("stad Mechelen", IN_2021)).contains("12025");
        assertThat(matcher.resolveName("Borsbeek", IN_2025)).contains("11002");
        assertThat(matcher.resolveName("Mechlen", IN_2021)).isEmpty();
    }

    @Test
    void suggestsTheNearestRegisterNamesForAnUnknownName() {
        assertThat(matcher.suggestions("Mechlen")).first().isEqualTo("Mechelen");
        assertThat(matcher.suggestions("Sint-Niklas")).contains("Sint-Niklaas");
        assertThat(matcher.suggestions("Qwertyuiop")).isEmpty();
    }
}
