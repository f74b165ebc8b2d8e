package be.lokaalsignaal.scan.rules;

import static be.lokaalsignaal.scan.rules.MunicipalPages.HALLE;
import static be.lokaalsignaal.scan.rules.MunicipalPages.MECHELEN;
import static be.lokaalsignaal.scan.rules.MunicipalPages.WILLEBROEK;
import static be.lokaalsignaal.scan.rules.MunicipalPages.kinds;
import static be.lokaalsignaal.scan.rules.MunicipalPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.scan.extract.PageContent;
import org.junit.jupiter.api.Test;

/** Whose campaign or measure it is: the municipality's, or someone else's that the page reports. */
class ActorRulesTest {

    @Test
    void theCitysOwnCampaignNamedByItsNameIsACampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Nee is nee</h1><p>Stad Mechelen start opnieuw de "
                + "campagne 'Nee is nee' tegen seksuele intimidatie.</p>"))).containsExactly("CAMPAIGN");
    }

    @Test
    void aCampaignOfTheFlemishMinisterMerelyReportedIsNoCampaignOfTheCity() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Vlaamse campagne</h1><p>Vlaams minister van Gelijke "
                + "Kansen lanceerde vandaag een campagne tegen seksueel geweld.</p>"))).isEmpty();
    }

    @Test
    void theCityJoiningAFlemishCampaignIsACampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De Vlaamse overheid lanceert een campagne tegen seksueel "
                + "geweld. Ook onze stad doet mee en hangt de affiches op tegen seksueel geweld.</p>")))
                .containsExactly("CAMPAIGN");
    }

    @Test
    void aVigilOfAnAssociationWithTheSupportOfAYouthCentreIsNoCampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De vrouwenvereniging houdt een wake tegen seksueel geweld "
                + "met de steun van het jeugdhuis.</p>"))).isEmpty();
    }

    @Test
    void aVigilOfAnAssociationThatEndsItsNameInTheTownsIsNoCampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Vrouwen met Vaart Mechelen houdt op 25 november een wake "
                + "tegen seksueel geweld op de Grote Markt.</p>"))).isEmpty();
    }

    @Test
    void aCampaignOfAnotherMunicipalityIsNewsAboutElsewhere() {
        assertThat(kinds(WILLEBROEK, page("Gemeente Willebroek", "<p>In Boom loopt een campagne tegen "
                + "straatintimidatie rond het station.</p>"))).isEmpty();
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>In Boom loopt een campagne tegen "
                + "straatintimidatie rond het station.</p>"))).isEmpty();
    }

    @Test
    void aClubNamedAfterTheTownIsNotTheTown() {
        assertThat(kinds(HALLE, page("Stad Halle", "<p>De serviceclub Zonta Halle verkoopt rozen voor de actie tegen "
                + "seksueel geweld.</p>"))).isEmpty();
        assertThat(kinds(HALLE, page("Stad Halle", "<p>Orange the World: een wandeling tegen seksueel geweld. Org. "
                + "Zonta Club Halle.</p>"))).isEmpty();
        assertThat(kinds(HALLE, page("Stad Halle", "<p>Orange the World: een wandeling tegen seksueel geweld. Org. "
                + "Stad Halle.</p>"))).containsExactly("CAMPAIGN");
    }

    @Test
    void aTownWhoseNameHoldsAnotherTownsNameIsItselfAndNotTheOther() {
        String tieltWinge = "24135";
        String tielt = "37022";
        String priorities = "<h2>Prioriteiten</h2><p>In het zonaal veiligheidsplan kozen de burgemeesters van de zone "
                + "voor verkeersveiligheid, inbraken, drugs, en intrafamiliaal en seksueel geweld.</p>";
        assertThat(kinds(tieltWinge, page("Gemeente Tielt-Winge", priorities))).containsExactly("SAFETY_PLAN");
        assertThat(kinds(tielt, page("Stad Tielt", "<p>De gemeente Tielt-Winge start een campagne tegen seksueel "
                + "geweld.</p>"))).isEmpty();
        // the register's other such pair
        assertThat(kinds("13031", page("Gemeente Oud-Turnhout", priorities))).containsExactly("SAFETY_PLAN");
    }

    @Test
    void theCityAndANationalBodyActingTogetherIsTheCitysCampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De stad en Sensoa lanceren een campagne tegen seksuele "
                + "intimidatie in de jeugdbewegingen.</p>"))).containsExactly("CAMPAIGN");
    }

    @Test
    void theSitesAddressUnderTheContentDoesNotMakeAReportedCampaignTheMunicipalitys() {
        String html = "<html><body><div class='pagina'><h1>Campagne</h1><p>De campagne 'Handen af' loopt in alle "
                + "provincies tegen seksuele intimidatie.</p><div class='onderaan'><p>Stad Mechelen, Grote Markt 1</p>"
                + "</div></div></body></html>";
        assertThat(kinds(MECHELEN, CatalogueTestPages.html("https://www.mechelen.be/nieuws", html))).isEmpty();
    }

    @Test
    void aPageThatNamesNoOneCountsOnlyWhereTheMunicipalityIsUnknown() {
        String main = "<p>Deze zomer hangen in het centrum affiches tegen straatintimidatie.</p>";
        assertThat(kinds(null, page("Gemeente", main))).containsExactly("CAMPAIGN");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", main))).isEmpty();
    }

    @Test
    void weOnTheMunicipalitysPageWithNoOneElseCreditedIsItsCampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Met onze campagne zeggen we neen tegen "
                + "straatintimidatie.</p>"))).containsExactly("CAMPAIGN");
    }

    @Test
    void weOfANationalOrganisationDescribingItsOwnCampaignsIsNotTheMunicipality() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Sensoa</h1><p>Sensoa is het expertisecentrum voor "
                + "seksuele gezondheid. Elk jaar voeren we campagne tegen grensoverschrijdend gedrag.</p>"))).isEmpty();
    }

    @Test
    void askForAngelaAbroadIsNoNightlifeMeasureButOnTheCitysPageItIs() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>In het Verenigd Koninkrijk kan je in pubs naar Angela "
                + "vragen. Een tv-programma bracht Ask for Angela naar Nederland.</p>"))).isEmpty();
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Voel je je onveilig? Ask for Angela aan de bar van de "
                + "deelnemende cafés.</p>"))).containsExactly("NIGHTLIFE");
    }

    @Test
    void theTownsNameAsAPlaceDoesNotMakeSomeoneElsesActionTheTowns() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Een groep studenten van de campus in Mechelen organiseert "
                + "een actieweek tegen grensoverschrijdend gedrag.</p>"))).isEmpty();
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Stad Mechelen organiseert een actieweek tegen "
                + "grensoverschrijdend gedrag.</p>"))).containsExactly("CAMPAIGN");
    }

    @Test
    void aFederalCampaignThatPointsResidentsToTheCareCentresIsNoCampaignOfTheCity() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De federale staatssecretaris lanceerde een nationale "
                + "campagne tegen seksueel geweld.</p><p>De campagne wijst de weg naar de Zorgcentra na Seksueel Geweld; "
                + "voor inwoners van Mechelen is dat in Antwerpen.</p>"))).isEmpty();
    }

    @Test
    void aSchoolsOwnActionWrittenAsWeIsNoCampaignOfTheTown() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Op onze school maakten de leerlingen affiches tegen "
                + "seksuele intimidatie voor de gangen.</p>"))).isEmpty();
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De studentenraad houdt een actieweek rond "
                + "grensoverschrijdend gedrag.</p>"))).isEmpty();
    }

    @Test
    void aMeasureACouncillorAsksForIsNotTaken() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Een raadslid vroeg of de stad 'Vraag naar Angela' ook in "
                + "de cafés van Mechelen wil invoeren.</p>"))).isEmpty();
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De stad voert 'Vraag naar Angela' in de cafés van "
                + "Mechelen in.</p>"))).containsExactly("NIGHTLIFE");
    }

    @Test
    void aBlockThatNamesNoOneIsTheMunicipalitysWhenThePageNamesOnlyItWithTheTheme() {
        String lead = "<h1>Straatintimidatie</h1><p>Stad Mechelen wil dat iedereen zich veilig voelt en pakt "
                + "straatintimidatie aan.</p>";
        String approach = "<h2>Aanpak</h2><p>Affiches in trams en aan haltes: de campagne tegen straatintimidatie "
                + "loopt tot september.</p>";
        assertThat(kinds(MECHELEN, page("Stad Mechelen", lead + approach))).containsExactly("CAMPAIGN");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", lead + approach + "<p>Meer uitleg bij Sensoa.</p>")))
                .isEmpty();
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Stad Mechelen vernieuwt het marktplein.</p>" + approach)))
                .isEmpty();
    }

    @Test
    void aTrainingTheMunicipalityHasGivenByAnOrganisationsTrainerIsStillTheMunicipalitys() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>In de gratis training van onze dienst Welzijn leer je als "
                + "omstaander ingrijpen bij straatintimidatie. De avonden worden begeleid door een trainer van Sensoa."
                + "</p>"))).containsExactly("CAMPAIGN");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Sensoa geeft een training: als omstaander leer je "
                + "ingrijpen bij straatintimidatie.</p>"))).isEmpty();
    }

    @Test
    void aPlaceNameThatIsAlsoAVerbInLowerCaseIsNoPlace() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De stad geeft het barpersoneel in de studentenbuurt een "
                + "training tegen seksuele intimidatie, waar studenten 's avonds hun drankje halen.</p>")))
                .containsExactly("NIGHTLIFE");
    }

    @Test
    void theSentenceOfTheMeasureThatMatchedSaysWhoseItIsFirst() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h2>Festival</h2><p>De stad regelt het verkeer en neemt "
                + "maatregelen voor de buurt. De organisatie zet zelf een awarenessteam in voor festivalgangers die "
                + "te maken krijgen met ongewenst gedrag.</p>"))).isEmpty();
    }

    @Test
    void whoIsNamedAfterAReportActsNotWhoReports() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De burgemeester antwoordt dat de organisator in zijn eigen "
                + "plan een awarenessteam op de camping voorziet tegen seksuele intimidatie.</p>"))).isEmpty();
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De burgemeester antwoordt dat de preventiedienst een "
                + "awarenessteam op de camping voorziet tegen seksuele intimidatie.</p>"))).containsExactly("NIGHTLIFE");
    }

    @Test
    void aMeasureNamingNoOneOnAPageTitledWithAPlaceAbroadIsWhatIsDoneThere() {
        String main = "<p>In bijna alle pubs hangen affiches: wie lastiggevallen wordt, vraagt aan de bar naar Angela. "
                + "Het personeel is getraind om discreet te helpen.</p>";
        assertThat(kinds(MECHELEN, titled("Werkbezoek aan onze Engelse partnerstad", main))).isEmpty();
        assertThat(kinds(MECHELEN, titled("Veilig uitgaan", main))).containsExactly("NIGHTLIFE");
    }

    private static PageContent titled(String title, String main) {
        return CatalogueTestPages.html("https://www.mechelen.be/nieuws/bericht", "<html><head><title>" + title
                + " | Stad Mechelen</title></head><body><main><h1>" + title + "</h1>" + main + "</main></body></html>");
    }

    @Test
    void aCareCentreVictimsAreReferredToIsNoOneElsesPlan() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Prioriteit 4 van het zonaal veiligheidsplan is seksueel "
                + "geweld, met een betere doorverwijzing naar het Zorgcentrum na Seksueel Geweld.</p>")))
                .containsExactly("SAFETY_PLAN");
    }

    @Test
    void aTownAcrossTheBorderIsElsewhere() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De gemeente Roosendaal start samen met de horeca met "
                + "'Vraag naar Angela' in de cafés op de Markt.</p>"))).isEmpty();
    }

    @Test
    void theTownsNameInAMagazinesRunningTitleIsNotTheTownActing() {
        String filler = " Wie een vraag heeft over het nieuws in dit blad, kan altijd terecht aan het onthaal van het "
                + "stadhuis of bij de dienst communicatie, elke werkdag van negen tot twaalf uur en op afspraak ook in de "
                + "namiddag, per telefoon of per mail.";
        String news = "Vlaanderen start campagne over seksueel geweld. De Vlaamse regering lanceerde in april een "
                + "nieuwe campagne over seksueel geweld.";
        StringBuilder magazine = new StringBuilder();
        for (int page = 1; page <= 3; page++) {
            // a PDF's page: the running title runs into the page's first sentence
            magazine.append("<section><p>Mechelen Leeft - stadsmagazine - mei 2026 ")
                    .append(page == 2 ? news : "Nieuws van de bibliotheek.").append(filler).append("</p></section>");
        }
        assertThat(kinds(MECHELEN, page("Stad Mechelen", magazine.toString()))).isEmpty();
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<section><p>Mechelen Leeft - stadsmagazine - mei 2026 "
                + news + filler + "</p></section>"))).containsExactly("CAMPAIGN");
    }

    @Test
    void anOutsideBodyNamedOnlyInALinkToAnotherPageDoesNotActOnThisOne() {
        String article = "<h1>Veilig uitgaan</h1><p>Stad Mechelen pakt seksuele intimidatie in het uitgaansleven aan."
                + "</p><h2>Affiches</h2><p>In alle cafés op de Grote Markt hangen deze zomer affiches tegen seksuele "
                + "intimidatie.</p>";
        assertThat(kinds(MECHELEN, page("Stad Mechelen", article + "<aside><h2>Lees ook</h2><ul>"
                + "<li><a href='/mobiliteit/nachtbus'>Nachtbus De Lijn</a></li></ul></aside>"))).contains("CAMPAIGN");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", article + "<p>De Lijn rijdt 's nachts extra bussen.</p>")))
                .doesNotContain("CAMPAIGN");
    }

    @Test
    void aBlockThatNamesNoOneIsTheMunicipalitysWhereThePageFirstGivesTheActionToIt() {
        String rest = "<h2>Wat staat erop</h2><p>Op de affiches staat een duidelijke boodschap tegen seksuele intimidatie."
                + "</p><h2>Ook in de stad</h2><p>Het jeugdhuis organiseert zaterdag een quiz.</p>";
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Stad Mechelen hangt deze maand nieuwe affiches op aan de "
                + "bushaltes.</p>" + rest))).contains("CAMPAIGN");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Het jeugdhuis hangt deze maand nieuwe affiches op aan de "
                + "bushaltes.</p>" + rest))).doesNotContain("CAMPAIGN");
    }

    @Test
    void aCampaignAgainstAggressionAtTheCounterIsAnotherTheme() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Stad Mechelen start een campagne tegen agressie en "
                + "grensoverschrijdend gedrag aan het loket.</p>"))).doesNotContain("CAMPAIGN");
    }

    @Test
    void aCampaignForRespectWhoseThemeSentenceIsAboutTheStaffIsAnotherTheme() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Stad Mechelen start de campagne \"Respect voor wie voor jou "
                + "werkt\". Op de affiches staan onze eigen medewerkers.</p><p>\"Grensoverschrijdend gedrag tegenover ons "
                + "personeel aanvaarden we niet,\" zegt de burgemeester.</p>"))).doesNotContain("CAMPAIGN");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Stad Mechelen start de campagne \"Respect voor wie voor jou "
                + "werkt\". Op de affiches staan onze eigen medewerkers.</p><p>\"Seksueel grensoverschrijdend gedrag op "
                + "straat aanvaarden we niet,\" zegt de burgemeester.</p>"))).contains("CAMPAIGN");
    }

    @Test
    void aCampaignAgainstTransgressiveBehaviourTowardsTheCitysOwnStaffIsAnotherTheme() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Het stadsbestuur wil met deze campagne grensoverschrijdend "
                + "gedrag tegenover het eigen personeel duidelijk benoemen.</p>"))).isEmpty();
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Het stadsbestuur wil met deze campagne grensoverschrijdend "
                + "gedrag op straat duidelijk benoemen.</p>"))).containsExactly("CAMPAIGN");
    }

    @Test
    void theFlemishReportingPointForYouthWorkIsNoProjectOfTheMunicipality() {
        String news = "<p>De jeugddienst van de stad maakt het %s voor grensoverschrijdend gedrag bekend bij alle "
                + "jeugdbewegingen.</p>";
        assertThat(kinds(MECHELEN, page("Stad Mechelen", news.formatted("Vlaams Meldpunt")))).doesNotContain("CAMPAIGN");
        assertThat(kinds(MECHELEN, page("Stad Mechelen", news.formatted("nieuwe meldpunt")))).contains("CAMPAIGN");
    }

    @Test
    void aWrittenQuestionAboutTheMunicipalitysActionsIsNoAction() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Welke acties onderneemt de stad tegen seksueel geweld en "
                + "seksuele intimidatie?</p><p>De stad voert op dit moment geen eigen campagne rond seksueel geweld.</p>")))
                .doesNotContain("CAMPAIGN");
    }

    @Test
    void anAldermanWithNothingToAnnounceAnnouncesNoAction() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De politie patrouilleert in de zomer extra. Over specifieke "
                + "acties rond seksuele intimidatie kan ik vandaag niets aankondigen.</p>"))).doesNotContain("CAMPAIGN");
    }

    @Test
    void postersAgainstAggressionTowardsTheStaffAreAnotherTheme() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Vanaf deze week hangen in het stadhuis en de bibliotheek "
                + "affiches tegen grensoverschrijdend gedrag. Met deze campagne vraagt het stadsbestuur aandacht voor "
                + "agressie tegen medewerkers van de stad.</p>"))).doesNotContain("CAMPAIGN");
    }

    @Test
    void postersWhoseThemeSentenceIsAboutAggressionTowardsTheStaffAreAnotherThemeFarFromThePosters() {
        String page = "<p>%s Vorig jaar telde de stad meer dan tachtig meldingen, veel meer dan twee jaar eerder. "
                + "Daarom start de stad vandaag met een nieuwe reeks. Op affiches in het stadhuis, de bibliotheek en het "
                + "recyclagepark vertellen medewerkers van de stad wat ze meemaakten.</p>";
        assertThat(kinds(MECHELEN, page("Stad Mechelen", page.formatted("Onze medewerkers aan het onthaal krijgen "
                + "steeds vaker te maken met agressie en grensoverschrijdend gedrag van bezoekers.")))).isEmpty();
        assertThat(kinds(MECHELEN, page("Stad Mechelen", page.formatted("Inwoners krijgen steeds vaker te maken met "
                + "seksuele intimidatie op straat.")))).containsExactly("CAMPAIGN");
    }

    @Test
    void aCampaignThatTellsTheThemeInItsOwnWordsIsACampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Wie zonder toestemming aanraakt, gaat over de grens. "
                + "Daarom voert de stad deze zomer een campagne met affiches aan de bushaltes.</p>")))
                .contains("CAMPAIGN");
    }

    @Test
    void aBystanderTrainingThatCompaniesCanBookForTheirStaffIsStillForResidents() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De dienst Gelijke Kansen van de stad geeft gratis "
                + "trainingen waarin inwoners leren tussenkomen als omstaander bij straatintimidatie. Bedrijven die een "
                + "training op maat willen voor hun personeel, kunnen contact opnemen.</p>"))).contains("CAMPAIGN");
    }

    @Test
    void joiningWithTheSubjectAfterTheVerbIsStillTheMunicipalitysJoining() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>Van 25 november tot 10 december doen we mee aan Orange the "
                + "World, de internationale actie van UN Women. In onze stad ligt de nadruk op seksuele intimidatie.</p>")))
                .contains("CAMPAIGN");
    }

    @Test
    void whereAMeasureComesFromIsNoOneActingHere() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<h1>Vraag naar Angela</h1><p>In 27 cafés kan je voortaan "
                + "naar Angela vragen. Het systeem komt uit Engeland en wordt in veel steden gebruikt.</p>")))
                .containsExactly("NIGHTLIFE");
    }

    @Test
    void aSurveyThatAsksAboutTrainingsForBarStaffTakesNoMeasure() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De stad vult de bevraging over veilig uitgaan in. De "
                + "vragenlijst peilt onder meer naar opleidingen voor barpersoneel tegen seksueel geweld.</p>"))).isEmpty();
    }

    @Test
    void theTownsFormerMunicipalitiesListedAfterAPlaceWordArePlacesToo() {
        String merelbekeMelle = "44088";
        assertThat(kinds(merelbekeMelle, page("Gemeente Merelbeke-Melle", "<h1>Uitgaan in Gent</h1><p>Veel jongeren uit "
                + "Merelbeke, Melle en de andere deelgemeenten gaan uit in Gent. Goed om te weten: in veel cafés kan je "
                + "aan de bar naar Angela vragen.</p>"))).isEmpty();
        assertThat(kinds(merelbekeMelle, page("Gemeente Merelbeke-Melle", "<p>Melle voert Vraag naar Angela in: in "
                + "veel cafés kan je aan de bar naar Angela vragen.</p>"))).containsExactly("NIGHTLIFE");
    }

    @Test
    void barsNamedByAnotherTownsAdjectiveAreNewsAboutElsewhere() {
        String measure = " cafés volgden een opleiding rond seksuele intimidatie voor het barpersoneel. De stad wil "
                + "het aantal deelnemende cafés nog uitbreiden.</p>";
        assertThat(kinds(WILLEBROEK, page("Gemeente Willebroek", "<p>De Antwerpse" + measure))).isEmpty();
        assertThat(kinds(WILLEBROEK, page("Gemeente Willebroek", "<p>De Willebroekse" + measure)))
                .containsExactly("NIGHTLIFE");
    }

    @Test
    void aCampaignOfTheProvincesSportsServiceIsNotTheMunicipalitys() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De campagne van de provinciale sportdienst tegen "
                + "grensoverschrijdend gedrag bestaat uit affiches en filmpjes voor de clubs.</p>"))).isEmpty();
    }

    @Test
    void aCampaignOfTheSportsFederationsIsNotTheMunicipalitys() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De sportfederaties vernieuwden hun "
                + "sensibiliseringscampagne tegen grensoverschrijdend gedrag. Wij geven de toolkit graag door.</p>")))
                .isEmpty();
    }

    @Test
    void weAsAMunicipalityIsTheMunicipalitysAction() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>De vereniging vroeg ons om hulp. Met deze "
                + "affichecampagne tegen straatintimidatie willen we als stad het signaal geven dat het niet kan.</p>")))
                .containsExactly("CAMPAIGN");
    }

    @Test
    void whoDesignedThePostersIsNotWhoRunsTheCampaign() {
        assertThat(kinds(MECHELEN, page("Stad Mechelen", "<p>In oktober hangen we aan alle sporthallen een affiche "
                + "tegen grensoverschrijdend gedrag. De affiches werden ontworpen door leerlingen van de "
                + "kunstacademie.</p>"))).containsExactly("CAMPAIGN");
    }
}
