package be.lokaalsignaal.scan.rules;

import static be.lokaalsignaal.scan.rules.MunicipalPages.CATALOGUE;
import static be.lokaalsignaal.scan.rules.MunicipalPages.MECHELEN;
import static be.lokaalsignaal.scan.rules.MunicipalPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** An analyst asking why a page was not counted gets, per rule, the first condition it did not meet. */
class WhyNotTest {

    @Test
    void aRuleWithoutItsThemeOnThePageSaysSo() {
        Map<String, String> why = CATALOGUE.whyNot(page("Stad Mechelen", "<p>Stad Mechelen start een campagne "
                + "voor meer groen in de straten.</p>"), MECHELEN);
        assertThat(why).containsEntry("campaign-local", "no thema phrase on the page");
    }

    @Test
    void aCampaignOfSomeoneElseSaysWhoseItIs() {
        Map<String, String> why = CATALOGUE.whyNot(page("Stad Mechelen", "<p>Vlaams minister van Gelijke Kansen "
                + "lanceerde vandaag een campagne tegen seksueel geweld.</p>"), MECHELEN);
        assertThat(why.get("campaign-local")).isEqualTo("every group in a block, but the action is OUTSIDE "
                + "'Vlaams minister'");
    }

    @Test
    void anExcludedPhraseIsNamed() {
        Map<String, String> why = CATALOGUE.whyNot(page("Stad Mechelen", "<p>Stad Mechelen geeft een subsidie aan "
                + "de campagne van het jeugdhuis tegen seksueel geweld.</p>"), MECHELEN);
        assertThat(why.get("campaign-local")).isEqualTo("every group in a block that holds exclude 'subsidie aan'");
    }

    @Test
    void aMatchingRuleIsNotListed() {
        Map<String, String> why = CATALOGUE.whyNot(page("Stad Mechelen", "<p>Stad Mechelen start opnieuw de "
                + "campagne 'Nee is nee' tegen seksuele intimidatie.</p>"), MECHELEN);
        assertThat(why).doesNotContainKey("campaign-local").containsKey("safety-plan-theme");
    }
}
