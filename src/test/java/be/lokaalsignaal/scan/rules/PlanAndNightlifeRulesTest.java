package be.lokaalsignaal.scan.rules;

import static be.lokaalsignaal.scan.rules.MunicipalPages.MECHELEN;
import static be.lokaalsignaal.scan.rules.MunicipalPages.kinds;
import static be.lokaalsignaal.scan.rules.MunicipalPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which plan it is, and where a nightlife measure is taken. */
class PlanAndNightlifeRulesTest {

    @Test
    void anIndividualSafetyPlanInYouthCareIsNoSafetyPlanSignal() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Na seksueel grensoverschrijdend gedrag maken de "
                + "begeleiders samen met de jongere een veiligheidsplan.</p>"))).isEmpty();
    }

    @Test
    void theNationalSecurityPlanIsNotTheZonesPlan() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Het Nationaal Veiligheidsplan noemt seksueel geweld een "
                + "prioriteit.</p>"))).isEmpty();
    }

    @Test
    void theZonesPrioritiesThatNameTheThemeAreASafetyPlanWithoutTheWord() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De politiezone kiest vier prioriteiten: inbraken, "
                + "verkeer, drugs en zedenfeiten.</p>"))).containsExactly("SAFETY_PLAN");
    }

    @Test
    void theSafetyPlanOfAnotherZoneIsNewsAboutElsewhere() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>In Aalst heeft de politiezone haar zonaal "
                + "veiligheidsplan voorgesteld, met seksueel geweld als prioriteit.</p>"))).isEmpty();
    }

    @Test
    void aStrategicSafetyAndPreventionPlanWithAHyphenCounts() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Het strategisch veiligheids- en preventieplan van de stad "
                + "richt zich op seksuele intimidatie in de publieke ruimte.</p>"))).containsExactly("SAFETY_PLAN");
    }

    @Test
    void aGeneralCampaignThatListsCafesAmongManyPlacesIsNoNightlifeMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Seksuele intimidatie is nooit oké. Niet op straat, niet "
                + "op café, niet op het werk en ook niet online. Daarom voert de stad opnieuw de campagne Nee is nee.</p>")))
                .containsExactly("CAMPAIGN");
    }

    @Test
    void barStaffTrainedByTheCityAgainstHarassmentIsNightlife() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Barpersoneel van de cafés op de Grote Markt volgde een "
                + "opleiding van de stad over seksuele intimidatie.</p>"))).containsExactly("NIGHTLIFE");
    }

    @Test
    void aFestivalDescribingItsOwnAwarenessTeamIsNoMeasureOfTheCity() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>'Op ons festival is er geen plaats voor "
                + "grensoverschrijdend gedrag,' zegt de organisatie. 'Ons awarenessteam is dag en nacht bereikbaar.'</p>")))
                .isEmpty();
    }
}
