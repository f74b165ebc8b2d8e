package be.lokaalsignaal.scan.rules;

import static be.lokaalsignaal.scan.rules.MunicipalPages.HALLE;
import static be.lokaalsignaal.scan.rules.MunicipalPages.MECHELEN;
import static be.lokaalsignaal.scan.rules.MunicipalPages.kinds;
import static be.lokaalsignaal.scan.rules.MunicipalPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Pages that speak of the safety plan and of the theme without the theme being the plan's: a survey for the next plan,
 * an answer that the plan lacks it, a neighbouring zone that has it; and, beside them, the pages that do hold the plan.
 */
class WhatThePlanDoesNotHoldTest {

    @Test
    void aSurveyPageForTheNextPlanIsNoPlanEvenWhereItListsTheTheme() {
        assertThat(kinds(MECHELEN, page("Geef je mening over veiligheid in je buurt", "<h1>Geef je mening over "
                + "veiligheid in je buurt</h1><p>Het nieuwe veiligheidsplan van de stad komt er in 2026. Welke thema's "
                + "verdienen voorrang? Je kiest onder meer uit verkeer, inbraken, drugsoverlast en seksuele "
                + "intimidatie op straat.</p>"))).isEmpty();
    }

    @Test
    void thePlansPageWithoutASurveyInItsTitleStillHoldsThePlan() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Het zonaal veiligheidsplan van onze politiezone telt vier "
                + "prioriteiten: verkeersveiligheid, inbraken, drugs en seksueel geweld.</p>")))
                .containsExactly("SAFETY_PLAN");
    }

    @Test
    void anAnswerThatTheThemeIsNoPriorityOfThePlanKeepsItOut() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Antwoord van de burgemeester. Het zonaal veiligheidsplan "
                + "2025-2031 van onze politiezone richt zich op verkeer, diefstallen en drugs. Seksueel geweld is geen "
                + "prioriteit van het plan, maar elke klacht wordt onderzocht.</p>"))).isEmpty();
    }

    @Test
    void aNeighbouringZoneThatRetainedTheThemeWhereTheOwnZoneDidNotIsNotTheOwnPlan() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Onze politiezone keurde het zonaal veiligheidsplan "
                + "2026-2031 goed, met drie prioriteiten: verkeer, inbraken en drugs. De buurzone maakt van "
                + "intrafamiliaal en seksueel geweld een aparte prioriteit; onze zone deed dat niet.</p>"))).isEmpty();
    }

    @Test
    void minutesThatApproveTheIntegralPlanKeepItsThemeWhenACouncillorAsksAboutIt() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h2>5. Goedkeuring van het integraal veiligheidsplan "
                + "2026-2031</h2><p>Het plan telt vijf speerpunten, waaronder intrafamiliaal geweld, "
                + "seksueel geweld en straatintimidatie.</p><p>Een raadslid vraagt of er ook budget tegenover "
                + "staat. De burgemeester bevestigt dat.</p><p>Besluit: de gemeenteraad keurt het integraal "
                + "veiligheidsplan goed.</p>")))
                .containsExactly("SAFETY_PLAN");
    }

    @Test
    void aCouncillorsQuestionOnThePlanWithoutItsApprovalStillKeepsTheThemeOut() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h2>Vraag van raadslid Peeters</h2><p>Het raadslid vraagt "
                + "waarom seksueel geweld geen speerpunt is in het integraal veiligheidsplan. De burgemeester "
                + "antwoordt dat hij de vraag meeneemt naar de veiligheidsraad.</p>"))).isEmpty();
    }

    @Test
    void theThemeInASentenceAboutTheNeighbouringZonesPlanIsNotTheOwnZones() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Wat staat er in het veiligheidsplan van onze politiezone? "
                + "In de pers ging veel aandacht naar het zonaal veiligheidsplan van de buurzone, die "
                + "intrafamiliaal en seksueel geweld als nieuwe prioriteit opnam.</p>"))).isEmpty();
    }

    @Test
    void aPlanWhosePrioritiesAreNotYetFixedNamesNoTheme() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Onze politiezone werkt aan het nieuwe zonaal "
                + "veiligheidsplan, met verkeer, drugs en seksueel geweld als kandidaat-thema's. De zonale "
                + "veiligheidsraad heeft de prioriteiten nog niet vastgelegd.</p>"))).isEmpty();
    }

    @Test
    void aNeighbouringZoneNamedByItsTownsHasTheThemeWhereTheOwnZonesPlanChoseOtherPriorities() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Het zonaal veiligheidsplan 2026-2031 van onze "
                + "politiezone kiest drie prioriteiten: verkeer, inbraken en drugs. De politiezone Lier (Lier, "
                + "Emblem en Ranst) maakt van intrafamiliaal en seksueel geweld een prioriteit.</p>"))).isEmpty();
    }

    @Test
    void theOwnZonesTownsNamedAsItsGroundKeepThePlansTheme() {
        String plan = "<p>Het zonaal veiligheidsplan van de politiezone telt vier prioriteiten. Een ervan is de aanpak "
                + "van straatintimidatie in de stationsbuurt van Beersel.</p>";
        assertThat(kinds(HALLE, page("Stad Halle", "<p>Politiezone Zennevallei (Beersel - Halle - Sint-Pieters-Leeuw)"
                + "</p>" + plan))).containsExactly("SAFETY_PLAN");
        assertThat(kinds(HALLE, page("Stad Halle", plan))).as("a town the page never lists with its own").isEmpty();
    }

    @Test
    void aTownNamedAsThePlaceOfTheCareCentreLeavesTheThemeTheOwnPlans() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Het zonaal veiligheidsplan van onze politiezone maakt "
                + "van seksueel geweld een prioriteit, met snellere doorverwijzing naar het zorgcentrum in Antwerpen."
                + "</p>"))).containsExactly("SAFETY_PLAN");
    }
}
