package be.lokaalsignaal.scan.rules;

import static be.lokaalsignaal.scan.rules.MunicipalPages.MECHELEN;
import static be.lokaalsignaal.scan.rules.MunicipalPages.kinds;
import static be.lokaalsignaal.scan.rules.MunicipalPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.scan.extract.PageContent;
import org.junit.jupiter.api.Test;

/**
 * What the words around an action or a plan say: a vacancy, a proposal or an advice, a municipality that says it
 * does not act, someone's own team, a help box, the federal police's themes, a document's running header, a sticker
 * that marks a bar with a label, the neighbours' news.
 */
class ContextRulesTest {

    @Test
    void aJobVacancyThatDescribesSafetyPlanAndCampaignWorkIsNoSignal() {
        assertThat(kinds(MECHELEN, page("Vacature preventiewerker - Stad Mechelen", "<h1>Preventiewerker</h1><p>Je "
                + "werkt mee aan het lokaal integraal veiligheidsplan en je zet sensibiliseringsacties op rond inbraken "
                + "en seksuele intimidatie in het uitgaansleven.</p>"))).isEmpty();
    }

    @Test
    void aProposalToJoinACampaignIsNoCampaignYet() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De gemeenteraad van Mechelen bespreekt een voorstel tot "
                + "aansluiting bij een campagne tegen seksuele intimidatie op fuiven. Het punt wordt uitgesteld.</p>")))
                .isEmpty();
    }

    @Test
    void anAdvisoryCouncilAskingForNightlifeMeasuresIsNoMeasureYet() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De jeugdraad vraagt het college een vorming te "
                + "organiseren voor fuiforganisatoren over grensoverschrijdend gedrag en een aanspreekpunt op grote "
                + "fuiven.</p>"))).isEmpty();
    }

    @Test
    void aCouncillorsQuestionRowsFurtherDownAFlattenedDecisionListDoesNotTurnThePlansRowIntoAQuestion() {
        // a PDF's table has no full stop between its rows: read as one sentence, the interpellation at the end of
        // the list took the theme of the plan's row with it
        assertThat(kinds(MECHELEN, page("Besluitenlijst gemeenteraad - Stad Mechelen",
                "<p>" + decisionList("Interpellatie raadslid over de dienstverlening van De Lijn in de deelgemeenten")
                        + "</p>"))).containsExactly("SAFETY_PLAN");
    }

    @Test
    void aCouncillorsQuestionInThePlansOwnRowStillMakesItAQuestion() {
        assertThat(kinds(MECHELEN, page("Besluitenlijst gemeenteraad - Stad Mechelen", "<p>4 | Interpellatie raadslid "
                + "over het zonaal veiligheidsplan 2026-2031 van de politiezone Mechelen-Willebroek: staat seksueel "
                + "geweld bij de prioriteiten | besproken | - 5 | Goedkeuring notulen | goedgekeurd | eenparig</p>")))
                .isEmpty();
    }

    private static String decisionList(String lastRow) {
        return "Nr | Onderwerp | Beslissing | Stemming 4 | Politiezone Mechelen-Willebroek – zonaal veiligheidsplan "
                + "2026-2031 – kennisname. Prioriteiten: verkeersveiligheid; woninginbraken; drugs; intrafamiliaal en "
                + "seksueel geweld; cybercriminaliteit | kennis genomen | - 5 | Politiezone Mechelen-Willebroek – "
                + "dotatie 2026 | goedgekeurd | 15 ja, 4 onthoudingen 6 | Hulpverleningszone Rivierenland – dotatie "
                + "2026 | goedgekeurd | eenparig 7 | Aankoop grond voor uitbreiding begraafplaats Muizen | goedgekeurd "
                + "| eenparig 8 | Reglement toelage jeugdverenigingen – wijziging | goedgekeurd | eenparig 9 | "
                + "Aanvullend verkeersreglement – zone 30 in de wijk Nekkerspoel | goedgekeurd | eenparig 10 | "
                + "Subsidiereglement voor buurtfeesten en straatfeesten – nieuw reglement | goedgekeurd | eenparig 11 | "
                + "Samenwerkingsovereenkomst met de bibliotheek voor de leesbevordering in de scholen | goedgekeurd | "
                + "eenparig 12 | " + lastRow + " | besproken | -";
    }

    @Test
    void aCampaignTheCitySaysItDoesNotRunItselfIsNoCampaignOfTheCity() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De campagne tegen seksueel geweld is een initiatief van "
                + "de Vlaamse overheid. De stad Mechelen organiseert zelf geen activiteiten rond deze campagne.</p>")))
                .isEmpty();
    }

    @Test
    void aFestivalsOwnTeamIsNoMeasureOfTheMunicipalityThatNamesItselfNearby() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h2>Veiligheid</h2><p>Op het festivalterrein heeft Maanrock "
                + "een eigen awarenessteam voor festivalgangers die ongewenst gedrag meemaken. Voor vragen over het "
                + "verkeer kan je terecht bij de dienst mobiliteit van de stad.</p>"))).isEmpty();
    }

    @Test
    void theCitysOwnAwarenessTeamAtTheFestivalIsStillItsMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Op Maanrock zet de stad een awarenessteam in voor "
                + "festivalgangers die ongewenst gedrag meemaken.</p>"))).containsExactly("NIGHTLIFE");
    }

    @Test
    void aHelpBoxOnTheSafetyPlanPageIsNoThemeOfThePlan() {
        assertThat(kinds(MECHELEN, page("Lokaal veiligheidsplan | Stad Mechelen", "<h1>Lokaal veiligheidsplan</h1><p>Het lokaal "
                + "veiligheidsplan van de stad kiest vijf prioriteiten: inbraken, verkeer, drugs, overlast en fraude.</p>"
                + "<aside><h2>Slachtoffer van geweld?</h2><p>Ben je slachtoffer van seksueel geweld? Bel 1712.</p>"
                + "</aside>"))).isEmpty();
    }

    @Test
    void theFederalPolicesThemesOnThePageOfTheZonesPlanAreNotTheZonesPriorities() {
        assertThat(kinds(MECHELEN, page("Zonaal veiligheidsplan | Stad Mechelen", "<h1>Zonaal veiligheidsplan</h1>"
                + "<p>De zone kiest verkeer, inbraken en drugs.</p><h2>En het Nationaal Veiligheidsplan?</h2><p>Dat "
                + "bevat de thema's waarop de federale politie zich richt, zoals terrorisme en seksueel geweld.</p>")))
                .isEmpty();
    }

    @Test
    void aThemeTheZonesPlanNamesItselfStillCounts() {
        assertThat(kinds(MECHELEN, page("Zonaal veiligheidsplan | Stad Mechelen", "<h1>Zonaal veiligheidsplan</h1>"
                + "<p>De zone kiest verkeer, inbraken en seksueel geweld als prioriteiten.</p>")))
                .containsExactly("SAFETY_PLAN");
    }

    @Test
    void aContextWordBeforeTheRunningFooterOfAPlanSaysNothingOfThePlan() {
        String footer = " Zonaal veiligheidsplan PZ Mechelen-Willebroek 2026-2031 ";
        StringBuilder pages = new StringBuilder();
        for (int p = 1; p <= 3; p++) {
            pages.append("<p>Zonaal veiligheidsplan PZ Mechelen-Willebroek 2026-2031 De zone werkt in deze periode "
                    + "aan verkeersveiligheid, inbraken en drugs, en pakt intrafamiliaal en seksueel geweld aan met een "
                    + "vaste contactpersoon in elk team, met opvolging van elke melding binnen vijf werkdagen en een "
                    + "jaarlijkse evaluatie samen met de partners van het vertrouwenscentrum.").append(footer).append(p)
                    .append("</p>");
        }
        PageContent plan = CatalogueTestPages.html("https://www.mechelen.be/zonaal-veiligheidsplan-2026",
                "<html><head><title>Zonaal veiligheidsplan 2026-2031</title></head><body><main>" + pages
                        + "</main></body></html>");
        assertThat(kinds(MECHELEN, plan)).containsExactly("SAFETY_PLAN");
    }

    @Test
    void aRunningFooterWithThePageNumberAfterSevenWordsIsStillARunningLine() {
        StringBuilder pages = new StringBuilder();
        for (int p = 1; p <= 3; p++) {
            pages.append("<p>De zone pakt intrafamiliaal geweld en seksuele delinquentie aan met een vaste "
                    + "contactpersoon in elk team, met opvolging van elke melding binnen vijf werkdagen en met een "
                    + "jaarlijkse evaluatie samen met de partners. Ze zet ook in op preventie bij grote fuiven en "
                    + "evenementen. ZVP PZ Mechelen 2026-2031 - openbare versie - blz. ").append(p).append("</p>");
        }
        PageContent plan = CatalogueTestPages.html("https://www.mechelen.be/zonaal-veiligheidsplan-2026",
                "<html><head><title>Zonaal veiligheidsplan 2026-2031</title></head><body><main>" + pages
                        + "</main></body></html>");
        assertThat(kinds(MECHELEN, plan)).containsExactly("SAFETY_PLAN");
    }

    @Test
    void aStickerThatMarksATrainedBarIsNoCampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h2>Eerst opleiding, dan sticker</h2><p>De preventiedienst "
                + "van de stad leidt barmedewerkers op over seksuele intimidatie. Daarna krijgt de zaak een sticker aan "
                + "de deur.</p>"))).containsExactly("NIGHTLIFE");
    }

    @Test
    void aCampaignInOneItemOfTheMinutesIsNotReadAgainstTheThemeOfAnother() {
        String items = "<h2>3. Jaarrekening</h2><p>Een raadslid vraagt de kortingen met de UiTPAS bekender te maken. De "
                + "schepen zegt toe dat de dienst Communicatie daarover een campagne in het stadsblad voert.</p><h2>4. "
                + "Meldingen in de jeugdhuizen</h2><p>De raad neemt kennis van het verslag: twee jongeren werden op een "
                + "fuif betast.</p>";
        assertThat(kinds(MECHELEN, page("Stad Mechelen", items))).contains("CAMPAIGN");
        assertThat(kinds(MECHELEN, page("Notulen gemeenteraad | Stad Mechelen", items))).doesNotContain("CAMPAIGN");
    }

    @Test
    void anActionNamedRightByItsThemeIsACampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De jeugddienst lanceert de actie \"Feesten zonder "
                + "grenzen? Nee dus.\" tegen seksueel grensoverschrijdend gedrag.</p>"))).containsExactly("CAMPAIGN");
    }

    @Test
    void askForAngelaInTheZonesPlanIsThePlansAction() {
        assertThat(kinds(MECHELEN, CatalogueTestPages.html("https://www.mechelen.be/zonaal-veiligheidsplan",
                "<html><head><title>Zonaal veiligheidsplan</title></head><body><main><p>Prioriteit 3: seksuele "
                        + "intimidatie in het uitgaansleven. Actie 3.2: het concept Vraag naar Angela wordt uitgerold in "
                        + "de cafés.</p></main></body></html>"))).containsExactly("SAFETY_PLAN");
    }

    @Test
    void askForAngelaReportedFromAnotherCountryIsNewsAboutElsewhere() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Vraag naar Angela</h1><p>In Groot-Brittannië helpt "
                + "het personeel van veel pubs je onopvallend weg als je naar Angela vraagt.</p>"))).isEmpty();
    }

    @Test
    void weVoerenIsAVerbAndNoNewsAboutTheMunicipalityOfVoeren() {
        assertThat(kinds("73111", page("Stad Tongeren-Borgloon", "<p>Actie 6.2.1 We voeren een stadsbrede "
                + "sensibiliseringscampagne tegen seksuele intimidatie op straat.</p>"))).containsExactly("CAMPAIGN");
    }

    @Test
    void weOnAPageWhoseTitleNamesAnOrganisationIsThatOrganisationsWe() {
        PageContent ngo = CatalogueTestPages.html("https://www.mechelen.be/welzijn/partners",
                "<html><head><title>Partners in de kijker: vzw Lijfwijs | Stad Mechelen</title></head><body><main>"
                        + "<h2>Onze campagnes</h2><p>Elk jaar voeren we een campagne tegen seksueel geweld.</p>"
                        + "</main></body></html>");
        assertThat(kinds(MECHELEN, ngo)).isEmpty();
    }

    @Test
    void weOnAPageWhoseTitleNamesNoOneElseIsTheMunicipalitysWe() {
        PageContent own = CatalogueTestPages.html("https://www.mechelen.be/gelijke-kansen/campagne",
                "<html><head><title>Onze campagne | Stad Mechelen</title></head><body><main>"
                        + "<h2>Onze campagnes</h2><p>Elk jaar voeren we een campagne tegen seksueel geweld.</p>"
                        + "</main></body></html>");
        assertThat(kinds(MECHELEN, own)).containsExactly("CAMPAIGN");
    }

    @Test
    void aCampaignTheCitySaysItTakesNoPartInItselfIsNoCampaignOfTheCity() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De stad Mechelen neemt zelf niet deel aan de campagne "
                + "tegen seksueel geweld, maar brengt ze graag onder de aandacht.</p>"))).isEmpty();
    }

    @Test
    void theRulesOfTheElectionFreezeAreNoCampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Tijdens de sperperiode communiceert de stad niet over "
                + "nieuwe campagnes, ook niet over die tegen straatintimidatie.</p>"))).isEmpty();
    }

    @Test
    void filmingSomeoneIsNoFilmAgainstHarassment() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De stad zegt het duidelijk: iemand filmen zonder dat die "
                + "het wil of seksueel getinte opmerkingen maken kan niet.</p>"))).isEmpty();
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De stad maakte een filmpje tegen seksueel getinte "
                + "opmerkingen.</p>"))).containsExactly("CAMPAIGN");
    }

    @Test
    void anAssociationsActionInTheSitesAssociationNewsIsNoCampaignOfTheCity() {
        // the association's name ends in the town's: only the section it stands in tells it is not the town
        assertThat(kinds(MECHELEN, page("Verenigingsnieuws - Stad Mechelen", "<p>Vrouwen Vooruit Mechelen "
                + "organiseert elk jaar een actie rond seksueel geweld.</p>"))).isEmpty();
    }

    @Test
    void aNeighboursCampaignUnderTheRegionalNewsIsNoCampaignOfTheTown() {
        // the neighbour is named in the title only; the page's "de stad" is the neighbour, not the town
        String neighbours = "<p>Sinds deze week hangen in de hele binnenstad affiches tegen seksuele intimidatie op "
                + "straat. De stad organiseert ook trainingen voor omstaanders.</p>";
        assertThat(kinds(MECHELEN, page("Uit de regio: Leuven start campagne - Stad Mechelen", neighbours))).isEmpty();
        assertThat(kinds(MECHELEN, page("Regionieuws - Stad Mechelen", neighbours))).isEmpty();
        assertThat(kinds(MECHELEN, page("Nieuws - Stad Mechelen", neighbours))).containsExactly("CAMPAIGN");
    }

    @Test
    void aPlansActionThatRefersResidentsToHelpIsNoAwarenessAction() {
        assertThat(kinds(MECHELEN, page("Meerjarenplan - Stad Mechelen", "<p>Actie 2.1.2 We verwijzen inwoners met "
                + "vragen over seksueel geweld actief door naar gespecialiseerde hulp.</p>"))).isEmpty();
    }

    @Test
    void aBystanderTrainingOnAPageAboutStreetHarassmentIsACampaignWithTheThemeInAnotherSection() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Straatintimidatie: melden en reageren</h1><p>Stad "
                + "Mechelen wil dat iedereen zich veilig voelt op straat.</p><h2>Leer reageren als omstaander</h2><p>In "
                + "onze gratis workshops van de stad leer je tussen te komen zonder jezelf in gevaar te brengen.</p>")))
                .containsExactly("CAMPAIGN");
    }
}
