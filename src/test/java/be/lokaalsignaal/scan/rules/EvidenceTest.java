package be.lokaalsignaal.scan.rules;

import static be.lokaalsignaal.scan.rules.MunicipalPages.MECHELEN;
import static be.lokaalsignaal.scan.rules.MunicipalPages.matches;
import static be.lokaalsignaal.scan.rules.MunicipalPages.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import be.lokaalsignaal.avro.MatchedPhrase;
import be.lokaalsignaal.avro.RuleMatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every match says which rule, which catalogue phrases and which words of the page made it. */
class EvidenceTest {

    @Test
    void aCampaignMatchCarriesTheRuleThePhrasesOfEachGroupAndTheActor() {
        List<RuleMatch> m = matches(MECHELEN, page("Stad Mechelen", "<p>De preventiedienst hangt affiches op tegen "
                + "straatintimidatie aan de stations.</p>"));
        assertThat(m).singleElement().satisfies(r -> {
            assertThat(r.getRule()).isEqualTo("campaign-local-posters");
            assertThat(r.getSnippet()).contains("affiches op tegen straatintimidatie");
            assertThat(r.getActor()).isEqualTo("LOCAL");
            assertThat(r.getPhrases()).extracting(MatchedPhrase::getRole, MatchedPhrase::getPhrase, MatchedPhrase::getText)
                    .containsExactly(tuple("affiche", "*affiche", "affiches"),
                            tuple("thema", "straatintimidatie", "straatintimidatie"),
                            tuple("actor", "preventiedienst", "preventiedienst"));
        });
    }

    @Test
    void theMunicipalitysOwnNameIsItsActorAsWrittenOnThePage() {
        List<RuleMatch> m = matches(MECHELEN, page("Stad Mechelen", "<p>Stad Mechelen lanceert een campagne tegen "
                + "seksuele intimidatie.</p>"));
        // one match: the rule that reads the theme anywhere on the page is not asked where the theme is in the block
        assertThat(m).singleElement().satisfies(r -> {
            assertThat(r.getActor()).isEqualTo("OWN");
            assertThat(r.getPhrases()).filteredOn(p -> p.getRole().equals("actor"))
                    .extracting(MatchedPhrase::getText).containsExactly("Mechelen");
        });
    }

    @Test
    void aSafetyPlanDocumentMatchNamesTheTitleWordsAndHasNoActorOfItsOwnWhenNoOneIsNamed() {
        List<RuleMatch> m = MunicipalPages.CATALOGUE.analyse(CatalogueTestPages.html(
                "https://www.mechelen.be/documenten/zonaal-veiligheidsplan.pdf",
                "<title>Zonaal veiligheidsplan 2020-2025</title><p>Inleiding.</p><p>Prioriteit: zedenfeiten.</p>"), MECHELEN);
        assertThat(m).extracting(RuleMatch::getRule).contains("safety-plan-document");
        RuleMatch doc = m.stream().filter(r -> r.getRule().equals("safety-plan-document")).findFirst().orElseThrow();
        assertThat(doc.getPhrases()).extracting(MatchedPhrase::getRole).containsExactly("thema", "titleOrUrl");
        assertThat(doc.getActor()).isEqualTo("UNNAMED");
    }

    @Test
    void aSiteLinkCarriesTheLinkAndAMentionTheAddressAsWritten() {
        assertThat(matches(MECHELEN, page("Stad Mechelen", "<p><a href='https://www.seksueelgeweld.be/hulp'>hulp</a></p>")))
                .singleElement().satisfies(r -> assertThat(r.getPhrases())
                        .extracting(MatchedPhrase::getRole, MatchedPhrase::getText)
                        .containsExactly(tuple("link", "https://www.seksueelgeweld.be/hulp")));
        assertThat(matches(MECHELEN, page("Stad Mechelen", "<p>Surf naar WWW.SEKSUEELGEWELD.BE of bel 1712.</p>")))
                .singleElement().satisfies(r -> assertThat(r.getPhrases())
                        .extracting(MatchedPhrase::getRole, MatchedPhrase::getText)
                        .containsExactly(tuple("mention", "WWW.SEKSUEELGEWELD.BE")));
    }
}
