package be.lokaalsignaal.scan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacesTest {

    @Test
    void aTownsAdjectiveIsMadeFromItsNameAsDutchFormsIt() {
        var adjectives = Places.adjectives(Set.of("Mechelen", "Leuven", "Brugge", "Gent", "Kortrijk"));

        assertThat(adjectives.get("Mechelen")).contains("Mechelse");
        assertThat(adjectives.get("Leuven")).contains("Leuvense");
        assertThat(adjectives.get("Brugge")).contains("Brugse");
        assertThat(adjectives.get("Gent")).containsExactly("Gentse");
        assertThat(adjectives.get("Kortrijk")).containsExactly("Kortrijkse");
    }

    @Test
    void anAdjectiveThatIsAnotherTownsNameOrTwoTownsFormIsLeftOut() {
        var adjectives = Places.adjectives(Set.of("As", "Asse", "Ham", "Hamme", "Sint-Niklaas"));

        assertThat(adjectives.getOrDefault("As", Set.of())).doesNotContain("Asse");
        assertThat(adjectives.getOrDefault("Ham", Set.of())).doesNotContain("Hamse");
        assertThat(adjectives.getOrDefault("Hamme", Set.of())).doesNotContain("Hamse");
        assertThat(adjectives).doesNotContainKey("Sint-Niklaas");
    }
}
