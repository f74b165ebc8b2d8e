package be.lokaalsignaal.scan.rules;

import static be.lokaalsignaal.scan.rules.MunicipalPages.MECHELEN;
import static be.lokaalsignaal.scan.rules.MunicipalPages.kinds;
import static be.lokaalsignaal.scan.rules.MunicipalPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The municipality's awareness events (an evening, a lecture, a play, a workshop, a training it offers) are campaigns
 * whether or not the page calls them one; the same events of someone else, of the own staff or of a party's crew are
 * not (the rule campaign-local-event, without the readers).
 */
class AwarenessEventsTest {

    @Test
    void anEveningTheSportsServiceOffersCoachesOnTransgressiveBehaviourIsACampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Vormingsavond voor trainers</h1><p>De sportdienst van "
                + "de stad organiseert op 12 maart een vormingsavond over seksueel grensoverschrijdend gedrag in de "
                + "sport. Trainers en begeleiders van Mechelse clubs schrijven gratis in.</p>")))
                .containsExactly("CAMPAIGN");
    }

    @Test
    void aPlayOnConsentAndSexualBoundariesTheYouthServiceOffersPupilsIsACampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Theater in de klas</h1><p>De jeugddienst van de stad "
                + "biedt alle tweedejaars de theatervoorstelling 'Grijs' aan, over toestemming en seksuele grenzen, "
                + "met een nagesprek in de klas.</p>"))).containsExactly("CAMPAIGN");
    }

    @Test
    void consentAloneIsNoThemeOfAWorkshop() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Fotoworkshop in de bib</h1><p>De stad organiseert een "
                + "workshop portretfotografie. Van wie op de foto's staat, vragen we vooraf de toestemming.</p>")))
                .isEmpty();
    }

    @Test
    void aLectureAnAssociationHoldsIsNotTheCitysCampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Lezing</h1><p>Femma organiseert een lezing over "
                + "seksueel geweld en toestemming in het ontmoetingscentrum.</p>"))).doesNotContain("CAMPAIGN");
    }

    @Test
    void theTrainingAnAwarenessTeamFollowedIsThePartysMeasureNotACampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Veilig feesten op de kermis</h1><p>De jeugddienst zet "
                + "een awarenessteam in op de kermisfuif. De vrijwilligers volgden een vorming voor aanspreekpunten "
                + "over seksuele intimidatie.</p>"))).doesNotContain("CAMPAIGN");
    }

    @Test
    void aTrainingForTheCitysOwnStaffIsNoAwarenessAction() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Personeelsnieuws</h1><p>De stad organiseert een "
                + "training voor leidinggevenden over ongewenst seksueel gedrag op het werk. Alle personeelsleden met "
                + "een team volgen ze dit voorjaar.</p>"))).doesNotContain("CAMPAIGN");
    }
}
