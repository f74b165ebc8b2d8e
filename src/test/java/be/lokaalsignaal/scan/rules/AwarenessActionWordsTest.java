package be.lokaalsignaal.scan.rules;

import static be.lokaalsignaal.scan.rules.MunicipalPages.MECHELEN;
import static be.lokaalsignaal.scan.rules.MunicipalPages.kinds;
import static be.lokaalsignaal.scan.rules.MunicipalPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Awareness actions without the word campagne, and the words that say less on their own. */
class AwarenessActionWordsTest {

    @Test
    void aBystanderTrainingOfTheMunicipalityIsAnAwarenessAction() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De stad organiseert gratis omstanderstrainingen: "
                + "tussenkomen bij straatintimidatie.</p>"))).containsExactly("CAMPAIGN");
    }

    @Test
    void anExhibitionOnSexualViolenceThatTheCityHostsIsAnAwarenessAction() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Stad Mechelen toont in het stadhuis de tentoonstelling "
                + "'Wat droeg jij?' over seksueel geweld.</p>"))).containsExactly("CAMPAIGN");
    }

    @Test
    void anInfoStandInTheParagraphAfterTheThemeIsNoProjectAgainstIt() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h2>Op de kermis</h2><p>De stad zet een aanspreekpunt in "
                + "tegen grensoverschrijdend gedrag.</p><p>Het staat naast de infostand aan de kerk.</p>"))).doesNotContain("CAMPAIGN");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De stad staat met een infostand tegen "
                + "grensoverschrijdend gedrag aan de kerk.</p>"))).containsExactly("CAMPAIGN");
    }

    @Test
    void aTrainingForResidentsAsBystandersIsACampaignButForBarStaffANightlifeMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h2>Ik grijp in</h2><p>Met deze actie leert de stad "
                + "Mechelen inwoners reageren als ze getuige zijn van seksuele intimidatie. Je volgt een training van "
                + "twee uur.</p>"))).containsExactly("CAMPAIGN");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De stad gaf het barpersoneel van de cafés een training: "
                + "ingrijpen bij seksuele intimidatie.</p>"))).containsExactly("NIGHTLIFE");
    }

    @Test
    void aPosterNearAPartyCharterIsNoCampaignButAPosterActionIs() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Wie het fuifcharter van de stad tekent, hangt de affiche "
                + "met de huisregels op tegen seksueel grensoverschrijdend gedrag.</p>"))).doesNotContain("CAMPAIGN");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De stad hangt affiches op tegen seksueel "
                + "grensoverschrijdend gedrag.</p>"))).containsExactly("CAMPAIGN");
    }

    @Test
    void thePostersInAKitTheCityLendsToOrganisersAreNoCampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De stad leent organisatoren een pakket met hesjes, affiches "
                + "en drankdeksels tegen seksueel grensoverschrijdend gedrag.</p>"))).doesNotContain("CAMPAIGN");
    }

    @Test
    void theThemeInAHelpBoxIsNoThemeOfAnAction() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Stad Mechelen start de zomerleesactie. Ben je slachtoffer "
                + "geworden van seksueel geweld? Bel 1712.</p>"))).isEmpty();
    }

    @Test
    void aPartOfACampaignIsNoCityNamedLuik() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Het eerste luik van de campagne van de preventiedienst "
                + "tegen seksuele intimidatie loopt in de cafés.</p>"))).contains("CAMPAIGN");
    }

    @Test
    void postersTheMunicipalityLendsToPartyOrganisersAreNoCampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Wie een fuif organiseert, voorziet een aanspreekpunt voor "
                + "seksueel grensoverschrijdend gedrag. De stad leent gratis hesjes en affiches uit.</p>")))
                .doesNotContain("CAMPAIGN");
    }

    @Test
    void aLitterCampaignOnAPageThatElsewhereReportsHarassmentIsNoCampaignAgainstIt() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h2>Kort</h2><p>Sensoa zet in op toestemming en seksueel "
                + "grensoverschrijdend gedrag.</p><h2>Proper Mechelen</h2><p>Stad Mechelen start de zwerfvuilcampagne "
                + "opnieuw.</p>"))).isEmpty();
    }

    @Test
    void postersTheCityHandsOutToTheCafesOnAPageAboutHarassmentAreACampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Feest met respect</h1><p>Wie uitgaat, mag niet "
                + "lastiggevallen worden.</p><h2>In de cafés</h2><p>De preventiedienst deelde affiches uit aan vijftig "
                + "cafés in het centrum.</p>"))).contains("CAMPAIGN");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Feest met respect</h1><p>Wie uitgaat, mag niet "
                + "lastiggevallen worden.</p><h2>In de cafés</h2><p>De preventiedienst deelde de affiches van het "
                + "charter uit aan vijftig cafés in het centrum.</p>"))).doesNotContain("CAMPAIGN");
    }

    @Test
    void anActionWeekTheCityNamesAsItsOwnBelowALeadOnTheThemeIsACampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Mechelen zegt neen</h1><p>Deze maand staat seksuele "
                + "intimidatie centraal.</p><h2>Het programma</h2><p>Het stadsbestuur organiseert de actieweek met "
                + "workshops in de bibliotheek.</p>"))).containsExactly("CAMPAIGN");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Mechelen zegt neen</h1><p>Deze maand staat seksuele "
                + "intimidatie centraal.</p><h2>Het programma</h2><p>De actieweek heeft workshops in de bibliotheek."
                + "</p>"))).isEmpty();
    }

    @Test
    void aDistrictOfAntwerpenIsTheCity() {
        assertThat(kinds("11002", page("Stad Antwerpen", "<p>Het district hangt affiches tegen straatintimidatie aan "
                + "de tramhaltes.</p>"))).containsExactly("CAMPAIGN");
    }

    @Test
    void aTableOfContentsListsACampaignThatStandsElsewhere() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>In dit nummer: Stad Mechelen opent het zwembad - "
                + "Vlaanderen start campagne over seksueel geweld - werken aan de kaaien</p>"))).isEmpty();
    }

    @Test
    void anActionOnAnotherThemeIsNoActionAgainstHarassment() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De stad houdt opruimacties met scholen, en het Sociaal "
                + "Huis pakt grensoverschrijdend gedrag aan via het CAW.</p>"))).doesNotContain("CAMPAIGN");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De stad houdt stickeracties met scholen tegen "
                + "grensoverschrijdend gedrag.</p>"))).containsExactly("CAMPAIGN");
    }

    @Test
    void aCampaignWhoseSentenceNamesAnotherThemeIsNoCampaignAgainstHarassmentNamedElsewhere() {
        String other = "<h2>Jeugd</h2><p>De jeugddienst organiseert een campagne tegen zwerfvuil op de fuiven.</p>"
                + "<h2>Preventie</h2><p>De preventiedienst herinnert eraan dat seksuele intimidatie nooit oké is.</p>";
        assertThat(kinds(MECHELEN, page("Stad Mechelen", other))).isEmpty();
        // (a campaign at the parties is a nightlife measure as well)
        assertThat(kinds(MECHELEN, page("Stad Mechelen", other.replace(" tegen zwerfvuil", ""))))
                .containsExactly("CAMPAIGN", "NIGHTLIFE");
    }
}
