package be.lokaalsignaal.scan.rules;

import static be.lokaalsignaal.scan.rules.CatalogueTestPages.html;
import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.RuleMatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dutch word forms through Lucene: plurals, inflections, compounds, accents, words broken over two lines. */
class DutchWordFormsTest {

    private static SignalCatalogue catalogue(String rule) {
        return SignalCatalogue.parse("""
                wordForms:
                  gedragingen: gedrag
                rules:
                  - id: r
                    kind: CAMPAIGN
                """ + rule, "test.yml");
    }

    private static List<RuleMatch> run(SignalCatalogue c, String body) {
        return c.analyse(html("<p>" + body + "</p>"));
    }

    @Test
    void aPluralWithAnotherVowelIsTheSameWord() {
        SignalCatalogue c = catalogue("    allOf: [[jeugdhuis], [fuifzaal]]\n");
        assertThat(run(c, "De jeugdhuizen en de fuifzalen van de gemeente")).hasSize(1);
    }

    @Test
    void inflectedAdjectiveAndAnIrregularPluralMatchThroughTheCataloguesWordForms() {
        SignalCatalogue c = catalogue("    allOf: [[grensoverschrijdend gedrag]]\n");
        assertThat(run(c, "Grensoverschrijdende gedragingen in de jeugdbeweging")).hasSize(1);
    }

    @Test
    void aCompoundCountsByItsLastPartOnly() {
        SignalCatalogue c = catalogue("    allOf: [['*actie']]\n");
        assertThat(run(c, "De stickeractie loopt tot juni")).hasSize(1);
        assertThat(run(c, "Het actieplan loopt tot juni")).isEmpty();
        assertThat(run(c, "De sensibiliseringsacties lopen")).hasSize(1);
    }

    @Test
    void anAdjectiveInBaarIsNoCompoundOfBarInAnyOfItsForms() {
        SignalCatalogue c = catalogue("    allOf: [['*bar']]\n");
        assertThat(run(c, "De strandbars en de zomerbar openen in juni")).hasSize(1);
        assertThat(run(c, "Een workshop met herkenbare situaties in de openbare ruimte")).isEmpty();
        assertThat(run(c, "Het stadhuis is openbaar en bereikbaar")).isEmpty();
    }

    @Test
    void anAdjectiveInBareMatchesItsBaarForm() {
        SignalCatalogue c = catalogue("    allOf: [[openbaar domein]]\n");
        assertThat(run(c, "Het openbare domein van de gemeente")).hasSize(1);
    }

    @Test
    void anExactWordFormDoesNotFindItsPlural() {
        SignalCatalogue c = catalogue("    allOf: [[=jongere]]\n");
        assertThat(run(c, "Een jongere in de leefgroep")).hasSize(1);
        assertThat(run(c, "Jongeren in de leefgroep")).isEmpty();
    }

    @Test
    void aWordBrokenOverTwoLinesIsJoinedButAHyphenForASharedPartIsNot() {
        SignalCatalogue c = catalogue("    allOf: [[seksueel geweld]]\n");
        assertThat(run(c, "Prioriteit 3: intrafamiliaal en seksu- eel geweld")).hasSize(1);
        SignalCatalogue halls = catalogue("    allOf: [[jeugdfuif]]\n");
        assertThat(run(halls, "jeugd- en fuifzalen")).isEmpty();
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        SignalCatalogue c = catalogue("    allOf: [[seksuele intimidatie, café]]\n");
        assertThat(run(c, "SEKSUËLE INTIMIDATIE")).hasSize(1);
        assertThat(run(c, "in het CAFE")).hasSize(1);
    }

    @Test
    void aPhraseDoesNotRunFromOneParagraphIntoTheNext() {
        SignalCatalogue c = catalogue("    allOf: [[seksueel geweld]]\n");
        assertThat(c.analyse(html("<p>Wat is seksueel</p><p>geweld?</p>"))).isEmpty();
    }
}
