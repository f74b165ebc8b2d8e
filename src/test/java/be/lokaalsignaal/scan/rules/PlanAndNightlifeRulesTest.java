package be.lokaalsignaal.scan.rules;

import static be.lokaalsignaal.scan.rules.MunicipalPages.MECHELEN;
import static be.lokaalsignaal.scan.rules.MunicipalPages.kinds;
import static be.lokaalsignaal.scan.rules.MunicipalPages.matches;
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

    @Test
    void whatEveryZoneDoesWithTheNationalPlanIsNotTheZonesOwnPlan() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h2>Wat is het Nationaal Veiligheidsplan?</h2><p>Het plan "
                + "van de federale politie noemt onder meer seksueel geweld.</p><p>Elke lokale politiezone houdt in haar "
                + "zonaal veiligheidsplan rekening met dat plan.</p>"))).isEmpty();
    }

    @Test
    void aPageOnAPersonalSafetyPlanSpeaksOfThatPlanInItsOtherSentencesToo() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Samen een veiligheidsplan maken</h1><p>Werd je "
                + "slachtoffer van seksueel geweld? Een medewerker van het Sociaal Huis maakt samen met jou een persoonlijk "
                + "veiligheidsplan.</p>"))).isEmpty();
    }

    @Test
    void aFestivalNamedFurtherOnInThePlanIsAPlaceButAFestivalsOwnPlanIsNoMunicipalPlan() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h2>Integraal veiligheidsplan van de stad</h2><p>Fiche 5: "
                + "evenementen en crowd management tijdens Maanrock.</p><p>Fiche 7: seksuele intimidatie in de publieke "
                + "ruimte.</p>"))).containsExactly("SAFETY_PLAN");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Het veiligheidsplan van Maanrock voorziet een "
                + "vertrouwenspersoon bij seksuele intimidatie.</p>"))).doesNotContain("SAFETY_PLAN");
    }

    @Test
    void aPosterInTheSecondarySchoolsIsNoNightlifeMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De jeugddienst hangt affiches tegen seksuele intimidatie "
                + "in de middelbare scholen.</p>"))).containsExactly("CAMPAIGN");
    }

    @Test
    void cupCoversAgainstDrinkSpikingAtThePartiesAreANightlifeMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Op de fuiven deelt de preventiewerker gratis deksels voor "
                + "bekers uit tegen drink spiking.</p>"))).containsExactly("NIGHTLIFE");
    }

    @Test
    void anAwarenessTeamOnAFestivalsCampSitesIsANightlifeMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De preventiedienst zet een awareness-team in op de "
                + "campings, voor wie ongewenst werd aangeraakt of seksueel werd lastiggevallen.</p>")))
                .containsExactly("NIGHTLIFE");
    }

    @Test
    void aCafeNamedAmongTheStreetAndTheBusIsEverydayLifeNotNightlife() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Zie je dat iemand op straat, op de bus of op café wordt "
                + "lastiggevallen? De stad leert je in een training hoe je kan tussenkomen.</p>")))
                .doesNotContain("NIGHTLIFE");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De jeugddienst geeft de barploegen van de fuiven een "
                + "training over seksueel grensoverschrijdend gedrag.</p>"))).containsExactly("NIGHTLIFE");
    }

    @Test
    void thePosterOfAPartyCharterBelongsToTheNightlifeMeasureNotACampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Fuifcharter</h1><p>Met het charter van de jeugddienst "
                + "volgt je barploeg een vorming over seksueel grensoverschrijdend gedrag op fuiven. Je hangt de "
                + "affiche met de huisregels op aan de bar.</p>"))).containsExactly("NIGHTLIFE");
    }

    @Test
    void thePostersForTheToiletsInAChartersPackageAreTheMeasuresMaterial() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Cafés en jeugdhuizen die het charter tegen seksuele "
                + "intimidatie in het uitgaansleven ondertekenen, krijgen van de stad een pakket. Het bevat vier affiches "
                + "voor in de toiletten, met het codewoord waarmee je het personeel om hulp vraagt.</p>")))
                .containsExactly("NIGHTLIFE");
    }

    @Test
    void theAngelaPostersAndBarCardsTheCityHandsTheBarsAreTheMeasuresMaterial() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De preventiedienst geeft het horecapersoneel een vorming "
                + "over seksuele intimidatie op café, en bezorgt de affiches en de toogkaartjes.</p>")))
                .containsExactly("NIGHTLIFE");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De stad leidt het barpersoneel op om seksuele intimidatie "
                + "te herkennen. In de toiletten hangen affiches met de uitleg.</p>"))).containsExactly("NIGHTLIFE");
    }

    @Test
    void measuresAnAdvisoryCouncilAsksForAreNotTaken() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h2>Advies veilig uitgaan</h2><p>In het advies vraagt de jeugdraad het college om:</p>"
                + "<ul><li>een vorming voor cafébazen te organiseren;</li><li>aanspreekpunten op fuiven in te voeren;"
                + "</li><li>drankdeksels te voorzien tegen drink spiking op grote fuiven.</li></ul>"))).isEmpty();
    }

    @Test
    void aSafetyPlanStillToBeMadeNamesNothingYet() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Het Nationaal Veiligheidsplan noemt drugs en seksueel "
                + "geweld. De politiezone bekijkt bij de opmaak van het volgende zonaal veiligheidsplan welke "
                + "prioriteiten ze overneemt, zoals seksueel geweld.</p>"))).isEmpty();
    }

    @Test
    void whatTheNationalPlanNamesUnderAnotherNameIsNotTheLocalPlansTheme() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Lokaal veiligheidsplan</h1><p>Het lokaal "
                + "veiligheidsplan kiest inbraken en verkeer. Dat nationale plan noemt ook seksueel geweld als "
                + "prioriteit.</p>"))).isEmpty();
    }

    @Test
    void aPageOfTheZonesPrioritiesNamesThePlanInItsLeadAndTheThemeInALaterSection() {
        String sections = "<h1>Onze prioriteiten</h1><p>In ons zonaal veiligheidsplan staan de thema's waar de "
                + "politiezone extra in investeert.</p><h2>1. Verkeer</h2><p>Meer snelheidscontroles.</p>"
                + "<h2>2. Intrafamiliaal geweld en zedenfeiten</h2><p>Elk slachtoffer krijgt een vaste contactpersoon."
                + "</p>";
        assertThat(kinds(MECHELEN, page("Politiezone Mechelen-Willebroek: onze prioriteiten", sections)))
                .containsExactly("SAFETY_PLAN");
        assertThat(kinds(MECHELEN, page("Politiezone Mechelen-Willebroek: nieuws", sections))).isEmpty();
    }

    @Test
    void aNightlifeActionListedUnderTheZonalPlanIsThePlans() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h2>Kennisname</h2><p>De gemeenteraad neemt kennis van het "
                + "zonaal veiligheidsplan. De prioriteiten zijn:</p><ul><li>verkeer;</li><li>seksueel "
                + "grensoverschrijdend gedrag, met een aanspreekpunt en sensibilisering op fuiven.</li></ul>")))
                .containsExactly("SAFETY_PLAN");
    }

    @Test
    void weOnAPageThatNamesTheOrganiserIsTheOrganiser() {
        String text = "<p>Onze barmedewerkers weten wat te doen als je naar Angela vraagt.</p>";
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<dl><dt>Organisator</dt><dd>Zomerzand vzw</dd></dl>" + text)))
                .isEmpty();
        assertThat(kinds(MECHELEN, page("Stad Mechelen", text))).containsExactly("NIGHTLIFE");
    }

    @Test
    void aCouncillorsQuestionAnsweredWithThePlansProcedureIsNoPriorityOfThePlan() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h3>12. Vraag van raadslid An Peeters over straatintimidatie"
                + "</h3><p>Het raadslid wijst op meisjes die aan de bushaltes worden nageroepen en vraagt een campagne. "
                + "De burgemeester antwoordt dat de politie twee klachten kreeg. Over de prioriteiten van het zonaal "
                + "veiligheidsplan beslist de zonale veiligheidsraad; hij brengt de vraag daar ter sprake.</p>")))
                .isEmpty();
    }

    @Test
    void aCouncillorsQuestionInTheDiscussionOfThePlansOwnItemLeavesThePlanItsTheme() {
        String item = "<h3>6. Politiezone Mechelen-Willebroek - zonaal veiligheidsplan 2026-2031 - kennisname</h3>"
                + "<p>Het plan weerhoudt vier prioriteiten: verkeersveiligheid, woninginbraken, drugs en "
                + "zedenfeiten, met een vaste zedenrechercheur en registratie van straatintimidatie.</p>"
                + "<p>Een raadslid vraagt hoe de zone meldingen van straatintimidatie zal tellen. De korpschef verwijst "
                + "naar het meldpunt van de stad.</p>";
        assertThat(kinds(MECHELEN, page("Stad Mechelen", item + "<p>De gemeenteraad neemt kennis van het zonaal "
                + "veiligheidsplan.</p>"))).containsExactly("SAFETY_PLAN");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", item))).isEmpty();
    }

    @Test
    void aSurveyForAPlanStillInTheMakingNamesNoPriorityYet() {
        assertThat(kinds(MECHELEN, page("Bevraging nieuw veiligheidsplan", "<p>Het nieuwe zonaal veiligheidsplan is "
                + "nog in de maak. De stad en de politiezone leggen de prioriteiten pas vast na de bevraging.</p>"
                + "<p>Je kiest uit onder meer:</p><ul><li>inbraken in woningen;</li><li>seksuele intimidatie op "
                + "straat;</li><li>drugsoverlast.</li></ul><p>Vul de bevraging in voor 1 oktober.</p>"))).isEmpty();
    }

    @Test
    void aMeasureInASectionOnWhatThePlanHoldsIsThePlans() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h2>Wat staat er in het plan?</h2><ul><li>vorming over "
                + "seksueel grensoverschrijdend gedrag voor het personeel van de stadsfeesten;</li><li>meer verlichting."
                + "</li></ul>"))).doesNotContain("NIGHTLIFE");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h2>Wat doet de stad?</h2><ul><li>vorming over "
                + "seksueel grensoverschrijdend gedrag voor het personeel van de stadsfeesten;</li><li>meer verlichting."
                + "</li></ul>"))).contains("NIGHTLIFE");
    }

    @Test
    void aSchoolsSafetyPlanPageIsNoMunicipalPlanEvenWhereItsAddressSaysVeiligheidsplan() {
        assertThat(kinds(MECHELEN, page("Veilig op school: ons schoolveiligheidsplan", "<h2>Pesten en "
                + "grensoverschrijdend gedrag</h2><p>We werken met het Vlaggensysteem.</p>"))).isEmpty();
    }

    @Test
    void anEventsPlanMadeWithTheEmergencyServicesIsTheOrganisersNotTheMunicipalitys() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Tegen seksuele intimidatie staat ons team klaar. Samen met "
                + "de hulpdiensten maakten we een veiligheidsplan op, met extra verlichting op de camping.</p>")))
                .doesNotContain("SAFETY_PLAN");
    }

    @Test
    void aZoneWorkingForSevenMunicipalitiesStillHasItsOwnPlan() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De politiezone werkt voor zeven steden en gemeenten. Het "
                + "zonaal veiligheidsplan kiest seksuele delinquentie als prioriteit.</p>"))).contains("SAFETY_PLAN");
    }

    @Test
    void aHelpLineOnThePlansPageIsNoThemeOfThePlan() {
        assertThat(kinds(MECHELEN, page("Zonaal veiligheidsplan", "<p>Het zonaal veiligheidsplan kiest verkeer en "
                + "inbraken.</p><p>Praten over seksueel geweld kan anoniem en gratis via 1712.</p>"))).isEmpty();
    }

    @Test
    void anIntegralPlanWorkingWithCareServicesIsStillTheMunicipalitysPlan() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>In het integraal veiligheidsplan werken politie, justitie en "
                + "hulpverlening samen rond seksueel geweld.</p>"))).containsExactly("SAFETY_PLAN");
    }

    @Test
    void stewardsAndBouncersTrainedOnHarassmentAreANightlifeMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Alle stewards van de stad en de portiers van de tenten "
                + "kregen een vorming over seksueel intimiderend gedrag.</p>"))).containsExactly("NIGHTLIFE");
    }

    @Test
    void theZonesMunicipalitiesListedWithTheTownsOwnNameAreNoOneElsesPlan() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Het zonaal veiligheidsplan legt vast welke fenomenen "
                + "voorrang krijgen in Mechelen, Bonheiden en Sint-Katelijne-Waver: seksueel geweld, drugs en verkeer."
                + "</p>"))).containsExactly("SAFETY_PLAN");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Het zonaal veiligheidsplan legt vast welke fenomenen "
                + "voorrang krijgen in Bonheiden en Sint-Katelijne-Waver: seksueel geweld, drugs en verkeer.</p>")))
                .isEmpty();
    }

    @Test
    void aCampaignInAPlansSectionWhoseHeadingDoesNotNameTheSafetyPlanIsACampaign() {
        String section = "<h2>Een veilige stad</h2><p>Actie 3.1: Stad Mechelen voert een campagne tegen seksuele "
                + "intimidatie.</p><p>Actie 3.2: camera's aan de invalswegen.</p><p>Actie 3.3: we actualiseren het "
                + "lokaal veiligheidsplan.</p>";
        assertThat(kinds(MECHELEN, page("Stad Mechelen", section))).contains("CAMPAIGN");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h2>Het lokaal veiligheidsplan</h2><p>Actie 3.1: Stad "
                + "Mechelen voert een campagne tegen seksuele intimidatie.</p>"))).doesNotContain("CAMPAIGN");
    }

    @Test
    void aTrainingTheCityOffersGivenByACareCentreIsTheCitysMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De stad biedt alle cafébazen een opleiding aan, gegeven "
                + "door de preventiedienst en het Zorgcentrum na Seksueel Geweld, over seksuele intimidatie.</p>")))
                .containsExactly("NIGHTLIFE");
    }

    @Test
    void aCouncillorsProposalForPostersAndTrainingInTheBarsIsNotTaken() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Het raadslid stelt voor dat de stad dit concept samen met "
                + "de horeca invoert, stickers en affiches voorziet en een vorming organiseert voor het personeel van "
                + "cafés, met aandacht voor seksuele intimidatie.</p>"))).isEmpty();
    }

    @Test
    void aMeasureNamedInACouncillorsQuestionIsAskedForNotTaken() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Het raadslid wijst op klachten over betasten op de "
                + "kermis. Zij vraagt of de stad daarvan op de hoogte is, of er klachten zijn bij de politie en of de "
                + "stad maatregelen overweegt, zoals een aanspreekpunt op fuiven tegen ongewenst gedrag.</p>")))
                .isEmpty();
    }

    @Test
    void aThemeAskedAboutInTheZonalPlanIsNotAThemeOfThePlan() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Het raadslid wil weten of het college iets plant, en "
                + "vraagt of het thema seksuele intimidatie is opgenomen in het zonaal veiligheidsplan.</p>")))
                .isEmpty();
    }

    @Test
    void aBoardWithNoPlansForAskForAngelaTakesNoMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Het college heeft momenteel geen plannen om "
                + "'Vraag naar Angela' in Mechelen in te voeren.</p>"))).isEmpty();
    }

    @Test
    void aMeasureStillBeingLookedAtInTheHorecaMeetingIsNotTaken() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Veel jongeren worden op café lastiggevallen. In het "
                + "horecaoverleg van de stad wordt bekeken of een gelijkaardige aanpak in de Mechelse cafés zinvol is."
                + "</p>"))).isEmpty();
    }

    @Test
    void theZonesPrioritiesAndACrimeTableFurtherDownThePageAreNoPriorityOnTheTheme() {
        StringBuilder table = new StringBuilder();
        for (String row : new String[] {"Diefstallen 1912 1806", "Woninginbraken 171 143", "Geweld 498 512",
                "Partnergeweld 241 236", "Drugsfeiten 612 655", "Oplichting en fraude 734 811",
                "Verkeersongevallen 201 184", "Vandalisme 320 301", "Winkeldiefstal 150 162", "Fietsdiefstal 402 388",
                "Zedenfeiten 58 49"}) {
            table.append(row).append(". ");
        }
        String prioriteiten = "<p>De politiezone had in het zonaal veiligheidsplan vier prioriteiten: verkeersveiligheid, "
                + "drugs, woninginbraken en overlast. Hieronder de belangrijkste resultaten van het voorbije jaar, met "
                + "het aantal controles, de dossiers en de preventieadviezen die de wijkinspecteurs gaven. Er waren meer "
                + "alcoholcontroles dan vorig jaar, minder letselongevallen, elf opgerolde drugsplantages en veel minder "
                + "inbraken in de wijken waar de buurtinformatienetwerken actief zijn.</p>";
        assertThat(matches(MECHELEN, page("Jaarverslag politiezone", "<h2>Prioriteiten en cijfers</h2>" + prioriteiten
                + "<p>Criminaliteitsbeeld. " + table + "</p>"))).extracting(m -> m.getRule().toString()).isEmpty();
        assertThat(kinds(MECHELEN, page("Politiezone", "<p>De politiezone kiest vier prioriteiten: verkeer, drugs, "
                + "inbraken en zedenfeiten.</p>"))).containsExactly("SAFETY_PLAN");
    }

    @Test
    void aTrainingBuiltOnANgosMaterialIsStillTheYouthServicesMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De barploeg van elke fuif volgt vooraf een vorming. "
                + "De jeugddienst organiseert die gratis, met materiaal van Sensoa, over seksueel grensoverschrijdend "
                + "gedrag op fuiven.</p>"))).containsExactly("NIGHTLIFE");
    }

    @Test
    void dranouterIsAVillageAsWellAsAFestivalSoPostersInItsHallsAreNoNightlifeMeasure() {
        assertThat(kinds(MECHELEN, page("Gemeente Heuvelland", "<p>De welzijnsdienst van de gemeente hangt affiches "
                + "tegen seksueel geweld in de dorpszalen van Kemmel, Dranouter en Loker.</p>")))
                .doesNotContain("NIGHTLIFE");
    }

    @Test
    void barVolunteersOfTheYouthHousesTrainedByTheYouthServiceAreItsNightlifeMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De jeugddienst gaf drie avonden over seksueel "
                + "grensoverschrijdend gedrag. Elk jeugdhuis duidt nu een vertrouwenspersoon achter de toog aan.</p>")))
                .containsExactly("NIGHTLIFE");
    }

    @Test
    void aYouthHousesOwnCampaignIsStillNotTheCitysCampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Het jeugdhuis start een campagne tegen seksuele "
                + "intimidatie.</p>"))).doesNotContain("CAMPAIGN");
    }

    @Test
    void theAngelaPosterInTheBarsToiletsBelongsToTheMeasureNotToACampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De stad pakt seksuele intimidatie in het uitgaansleven "
                + "aan, samen met de uitbaters en de politie. Wie zich onveilig voelt, kan aan de toog hulp vragen. In "
                + "de toiletten van elke bar hangt de affiche met uitleg over Angela.</p>")))
                .doesNotContain("CAMPAIGN");
    }

    @Test
    void whereVictimsCanGoIsHelpNotAPriorityOfTheZonesPlan() {
        assertThat(kinds(MECHELEN, page("Politiezone", "<p>Het zonaal veiligheidsplan kiest voor verkeer, drugs en "
                + "inbraken. Slachtoffers van zedenfeiten kunnen altijd terecht bij de lokale recherche.</p>")))
                .doesNotContain("SAFETY_PLAN");
    }

    @Test
    void aSchoolsSafetyPlanTitledWithItsAbbreviationIsNotTheMunicipalitys() {
        assertThat(kinds(MECHELEN, page("Veiligheidsplan GBS De Klimop", "<p>Dit veiligheidsplan beschrijft hoe het "
                + "team optreedt bij brand, een ongeval en grensoverschrijdend gedrag.</p>"))).doesNotContain("SAFETY_PLAN");
    }

    @Test
    void aCouncillorsProposedPriorityIsNotTheZonesPriority() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Ze stelt voor dat de burgemeester in de zonale "
                + "veiligheidsraad pleit voor een prioriteit rond seksuele intimidatie.</p>")))
                .doesNotContain("SAFETY_PLAN");
    }

    @Test
    void aMeasureThePlanProvidesForIsThePlans() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Stad en politie stellen om de zes jaar een "
                + "veiligheidsplan op.</p><h2>De prioriteiten</h2><p>Seksueel grensoverschrijdend gedrag. Het plan "
                + "voorziet onder meer:</p><ul><li>opleidingen voor horecapersoneel en portiers tegen seksuele "
                + "intimidatie;</li></ul>"))).doesNotContain("NIGHTLIFE");
    }

    @Test
    void drinkCoversHandedOutAtThePartiesAgainstDrinkSpikingAreANightlifeMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Op de zomerfuiven krijgen feestvierders gratis een "
                + "drankhoesje. De preventiedienst van de stad wil zo het risico op drink spiking verkleinen.</p>")))
                .containsExactly("NIGHTLIFE");
    }

    @Test
    void aCampaignAboutHarassmentOnTheWayToSchoolAndAtTheFairIsNoNightlifeMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Jongeren vertelden over nafluiten op weg naar school en op "
                + "de kermis. Daarom start de stad een sensibiliseringscampagne.</p>"))).doesNotContain("NIGHTLIFE");
    }

    @Test
    void aBoardThatFirstAsksWhetherTheBarsWantItTakesNoMeasureYet() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Er waren dit jaar meldingen van ongewenst gedrag in het "
                + "uitgaanscentrum. Het college wil eerst met de horecasector bekijken of er draagvlak is voor een "
                + "opleiding van het personeel.</p>"))).doesNotContain("NIGHTLIFE");
    }

    @Test
    void aTrainingForBarVolunteersWhoseContentsStandUnderTheirOwnHeadingIsNightlife() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Vorming: achter de toog</h1><p>De jeugddienst van "
                + "Mechelen organiseert een gratis vorming voor barvrijwilligers van fuiven.</p><h2>Inhoud</h2><ul><li>Wat "
                + "is drink spiking?</li><li>Wat doe je als iemand lastiggevallen werd?</li></ul>")))
                .containsExactly("NIGHTLIFE");
    }

    @Test
    void aPartyRuleWithAHelpLineUnderAnotherHeadingIsNoNightlifeMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Fuiven in stadszalen</h1><p>De stad vraagt elke "
                + "organisator een aanspreekpunt voor de buren aan te duiden op zijn fuif.</p><h2>Hulp nodig?</h2><p>Ben je "
                + "slachtoffer van seksueel geweld? Bel 1712.</p><h2>Problemen?</h2><p>Bij vechtpartijen of ander ongewenst "
                + "gedrag bel je de politie.</p>"))).isEmpty();
    }

    @Test
    void aReadAlsoListOfOtherPagesHoldsNoMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Stad Mechelen zegt neen tegen straatintimidatie</h1>"
                + "<p>Nafluiten en betasten horen niet thuis in onze straten.</p><h2>Lees ook</h2><ul><li><a href=\"/m\">"
                + "Meldpunt discriminatie</a></li><li><a href=\"/u\">Veilig uitgaan</a></li></ul>")))
                .doesNotContain("NIGHTLIFE");
    }

    @Test
    void theNationalPlansPhenomenaListedOnThePageOfTheZonesPlanAreNotItsPriorities() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Ons veiligheidsbeleid</h1><p>Het zonaal veiligheidsplan van "
                + "de politiezone volgt het federale kader. Dat noemt onder meer terrorisme, drugs, mensenhandel, "
                + "intrafamiliaal geweld en seksueel geweld. De zone kiest zelf verkeer en inbraken.</p>"))).isEmpty();
    }

    @Test
    void aZonesTableThatTakesUpSexualViolenceIsItsPlanEvenWithTheFederalPhenomenaBelow() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Zonaal veiligheidsplan</h1><p>Seksuele intimidatie in "
                + "het uitgaansleven: aandachtspunt, met registratie van meldingen en overleg met de preventiedienst van "
                + "de stad. Mensenhandel: federale opvolging.</p>"))).containsExactly("SAFETY_PLAN");
    }

    @Test
    void aSafetyPlanOfTheCitysPlaygroundIsNoMunicipalPlan() {
        assertThat(kinds(MECHELEN, page("Veiligheidsplan speelpleinwerking 2025", "<h1>Veiligheidsplan speelpleinwerking"
                + "</h1><p>De jeugddienst van Mechelen volgt bij grensoverschrijdend gedrag de integriteitsprocedure.</p>")))
                .doesNotContain("SAFETY_PLAN");
    }

    @Test
    void aPlanWrittenInLineWithTheFederalFrameworkNoteIsStillTheTownsPlan() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Veiligheids- en preventieplan 2026-2031</h1><p>Het "
                + "veiligheidsplan volgt de kadernota integrale veiligheid. Fenomeen 4: intrafamiliaal geweld en seksueel "
                + "geweld, met acties van de preventiedienst van de stad.</p>"))).containsExactly("SAFETY_PLAN");
    }

    @Test
    void askForAngelaInTheBarsOfATownAcrossTheBorderIsThatTownsMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Uitgaan over de grens</h1><p>In heel wat bars in Rijsel "
                + "hangt een affiche van de actie 'Demandez Angela'. Wie zich er onveilig voelt, kan aan de toog naar "
                + "'Angela' vragen: het personeel helpt je dan discreet, belt een taxi of de politie.</p>")))
                .doesNotContain("NIGHTLIFE");
    }

    @Test
    void aBoardThatFirstWantsToKnowWhetherTheBarsAgreeTakesNoMeasureYet() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Een raadslid vroeg naar seksuele intimidatie in het "
                + "uitgaansleven. De schepen antwoordde: 'We willen eerst weten of de uitbaters het zien zitten en welke "
                + "opleiding daarvoor nodig is.'</p>"))).doesNotContain("NIGHTLIFE");
    }
    @Test
    void aPartyRegulationThatMakesTheOrganiserNameAContactPointIsTheTownsMeasure() {
        assertThat(kinds(MECHELEN, page("Fuifreglement", "<h1>Fuifreglement</h1><p>Wie een fuif organiseert in een zaal "
                + "van de stad, volgt dit reglement.</p><p>Artikel 4. De organisator duidt een aanspreekpunt aan voor "
                + "bezoekers die te maken krijgen met seksuele intimidatie, herkenbaar aan een fluohesje.</p>")))
                .containsExactly("NIGHTLIFE");
    }

    @Test
    void aPermitThatRequiresAContactPointOfTheOrganiserIsTheTownsMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>In de evenementenvergunning van de stad staat voortaan dat "
                + "de organisator op elke fuif een aanspreekpunt voorziet voor wie zich lastiggevallen voelt.</p>")))
                .containsExactly("NIGHTLIFE");
    }

    @Test
    void permitNewsThatTellsOfTheFestivalsOwnTeamIsNoMeasureOfTheTown() {
        assertThat(kinds(MECHELEN, page("Vergunning voor het festival", "<h1>Vergunning voor het festival</h1><p>Het "
                + "college van burgemeester en schepenen verleende de vergunning. Het festival zet een eigen "
                + "awarenessteam in voor wie te maken krijgt met grensoverschrijdend gedrag.</p>"))).isEmpty();
    }

    @Test
    void theTownsAwarenessTeamOnItsFestivalsPageCountsWithTheFestivalNamedOnlyInTheTitle() {
        assertThat(kinds(MECHELEN, page("Veilig op Maanrock", "<h1>Veilig op Maanrock</h1><p>De stad Mechelen zet dit "
                + "jaar een awarenessteam in, herkenbaar aan de oranje hesjes.</p><p>Wie zich lastiggevallen voelt, "
                + "spreekt hen aan.</p>"))).containsExactly("NIGHTLIFE");
    }

    @Test
    void theFestivalOrganisersAwarenessTeamOnTheTownsInfoPageIsNotTheTowns() {
        assertThat(kinds(MECHELEN, page("Maanrock: info voor buurtbewoners", "<h1>Maanrock</h1><p>De stad Mechelen "
                + "regelt het verkeer. Volgens de organisator staat er op het terrein een awarenessteam klaar voor wie "
                + "zich lastiggevallen voelt.</p>"))).isEmpty();
    }

    @Test
    void aPosterThatTellsTheBarsStaffWereTrainedBelongsToTheTraining() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De stad leidt barpersoneel op rond seksueel "
                + "grensoverschrijdend gedrag. Elke deelnemende zaak krijgt een affiche voor aan de toog met de boodschap "
                + "dat het personeel is opgeleid.</p>"))).containsExactly("NIGHTLIFE");
    }

    @Test
    void thePartyKitTheYouthServiceLendsEveryOrganiserIsANightlifeMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De jeugddienst wil grensoverschrijdend gedrag op feestjes "
                + "voorkomen. Elke fuiforganisator in een zaal van de stad krijgt voortaan een fuifkoffer mee, met "
                + "fluohesjes en bekerhoesjes.</p>"))).containsExactly("NIGHTLIFE");
    }

    @Test
    void postersHandedToTheBarsWithDrinkCoversBelongToTheMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Tegen ongewenste intimiteiten op de kermis delen de "
                + "preventiewerkers hoesjes uit voor over je glas. Ook de cafés rond de Markt kregen een doos hoesjes en "
                + "een affiche.</p>"))).containsExactly("NIGHTLIFE");
    }

    @Test
    void aPartyHallsConditionThatTheOrganiserAppointsAContactPersonIsTheTownsMeasure() {
        assertThat(kinds(MECHELEN, page("Fuifzaal huren - Stad Mechelen", "<h2>Voorwaarden voor fuiven</h2><p>Bij "
                + "elke fuif in de zaal gelden naast de algemene huurvoorwaarden deze afspraken: de muziek stopt om 3 uur "
                + "en er wordt geen sterkedrank geschonken. De organisator duidt een aanspreekpersoon aan voor "
                + "bezoekers die lastiggevallen worden.</p>"))).containsExactly("NIGHTLIFE");
    }
}
