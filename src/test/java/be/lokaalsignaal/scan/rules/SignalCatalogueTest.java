package be.lokaalsignaal.scan.rules;

import static be.lokaalsignaal.scan.rules.CatalogueTestPages.html;
import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.scan.extract.PageContent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The bundled catalogue's rules on realistic municipal pages, positive and negative (the rules alone, as MunicipalPages). */
class SignalCatalogueTest {

    private static final SignalCatalogue CATALOGUE = SignalCatalogue.bundled().withoutReaders();

    private static Set<String> kinds(PageContent page) {
        Set<String> kinds = new TreeSet<>();
        for (RuleMatch m : CATALOGUE.analyse(page)) {
            kinds.add(m.getKind());
        }
        return kinds;
    }

    private static Set<String> kinds(String body) {
        return kinds(html(body));
    }

    // --- SITE_LINK and SITE_MENTION ---

    @Test
    void linkToTheWatchedSiteIsASiteLink() {
        assertThat(kinds("<p>Meer info op <a href='https://www.seksueelgeweld.be/'>seksueelgeweld.be</a></p>"))
                .containsExactly("SITE_LINK");
    }

    @Test
    void linkWithoutWwwOtherSchemeOrUpperCaseIsASiteLink() {
        assertThat(kinds("<a href='HTTP://SeksueelGeweld.BE'>hulp</a>")).containsExactly("SITE_LINK");
        assertThat(kinds("<a href='http://www.seksueelgeweld.be/slachtoffer'>hulp</a>")).containsExactly("SITE_LINK");
        assertThat(kinds("<a href='https://chat.seksueelgeweld.be'>chat</a>")).containsExactly("SITE_LINK");
    }

    @Test
    void linkBehindRedirectWrapperCountsAsSiteLink() {
        PageContent page = html("<a href='/redirect?url=https%3A%2F%2Fwww.seksueelgeweld.be'>Hulp</a>");
        assertThat(kinds(page)).containsExactly("SITE_LINK");
        assertThat(CATALOGUE.watchedLinks(page)).containsExactly("https://www.seksueelgeweld.be/");
    }

    @Test
    void lookAlikeHostsAreNeitherLinksNorMentions() {
        assertThat(kinds("<a href='https://seksueelgeweld.be.example.org/'>a</a>"
                + "<a href='https://nietseksueelgeweld.be/'>b</a><a href='https://seksueelgeweld.bel/'>c</a>"
                + "<p>Zie nietseksueelgeweld.be of seksueelgeweld.be.example.org of seksueelgeweld.berlin</p>"))
                .isEmpty();
    }

    @Test
    void addressInTextWithoutLinkIsAMention() {
        assertThat(kinds("<p>Slachtoffer? Surf naar www.seksueelgeweld.be of bel 1712.</p>"))
                .containsExactly("SITE_MENTION");
        assertThat(kinds("<p>Info: SEKSUEELGEWELD.BE.</p>")).containsExactly("SITE_MENTION");
    }

    @Test
    void anAddressBrokenAtALinesEndByAHyphenIsAMention() {
        assertThat(kinds("<p>Op de affiches staat een verwijzing naar seksueel-\ngeweld.be voor info en de chat.</p>"))
                .containsExactly("SITE_MENTION");
        assertThat(kinds("<p>Op de affiches staat een verwijzing naar nietseksueel-\ngeweld.be.</p>")).isEmpty();
        // the end of another host a line broke after its hyphen is no address of its own
        assertThat(kinds("<p>De website staat online op www.ookditis-\nseksueelgeweld.be.</p>")).isEmpty();
    }

    @Test
    void anAddressBrokenAtALinesEndWithoutAHyphenIsAMentionWhereWwwPrecedesIt() {
        assertThat(kinds("<p>Info en chat voor slachtoffers: www.seksueel\ngeweld.be, of bel 1712.</p>"))
                .containsExactly("SITE_MENTION");
        assertThat(kinds("<p>Surf naar Www.seksueelgeweld.\nbe voor hulp.</p>")).containsExactly("SITE_MENTION");
        assertThat(kinds("<p>HULP: WWW.SEKSUEEL\nGEWELD.BE</p>")).containsExactly("SITE_MENTION");
        assertThat(kinds("<p>Meer over www.seksueel geweld.be.example.org en seksueel geweld.be op school.</p>"))
                .isEmpty();
        assertThat(kinds("<p>Zie www.seksueel geweld vandaag en www.nietseksueel geweld.be.</p>")).isEmpty();
    }

    @Test
    void anAddressATablesCellWrappedAfterADotIsAMentionWithTheRowsOtherColumnsBetweenItsParts() {
        // a table's row as a PDF's text gives it: the cell's "be" comes after the row's next column
        assertThat(kinds("<p>Infosite seksueel geweld www.seksueelgeweld. altijd online be Bij acute nood: 112.</p>"))
                .containsExactly("SITE_MENTION");
        assertThat(kinds("<p>Hulp na seksueel 050 00 00 00 www.seksueel- ZSG 24/7, geweld (ZSG West- geweld.be chat</p>"))
                .containsExactly("SITE_MENTION");
        // the rest must be a word of its own, within a few words, right after one of the host's dots or a hyphen
        assertThat(kinds("<p>Infosite www.seksueelgeweld. altijd online bereikbaar</p>")).isEmpty();
        assertThat(kinds("<p>Infosite www.seksueelgeweld. " + "woord ".repeat(BrokenAddresses.MAX_COLUMN_WORDS + 1)
                + "be</p>")).isEmpty();
        assertThat(kinds("<p>Infosite www.seksueel- chat geweld.bel ons</p>")).isEmpty();
        assertThat(kinds("<p>Infosite www.seksueelgeweld. online be.example.org</p>")).isEmpty();
    }

    @Test
    void anAddressWithoutWwwThatANarrowColumnWrappedInsideItsNameIsAMention() {
        // the cell's two lines as a PDF's text gives them, the next row's first columns between
        assertThat(kinds("<p>Zorgcentrum dag en nacht https://seksueelgewe Seksueel Geweld aangifte ld.be/aangifte</p>"))
                .containsExactly("SITE_MENTION");
        assertThat(kinds("<p>Hulp na verkrachting seksueel ook als het lang geleden is geweld.be</p>"))
                .containsExactly("SITE_MENTION");
        // the rest must start a word and end the host; the first part must end a word, no other address between
        assertThat(kinds("<p>Hulp na verkrachting seksueel ook als het lang geleden is stopgeweld.be</p>")).isEmpty();
        assertThat(kinds("<p>Over seksueel geweld: zie geweld.bel of nietseksueelgewe ld.be</p>")).isEmpty();
        assertThat(kinds("<p>Centrum seksueel www.1712.be geweld.be</p>")).isEmpty();
        assertThat(kinds("<p>Hulp: https://seksueel geweld.be</p>")).containsExactly("SITE_MENTION");
        // the cell's own hyphen at the break
        assertThat(kinds("<p>Infosite Alles over seksueel seksueelge- seksueel geweld: wat het is weld.be</p>"))
                .containsExactly("SITE_MENTION");
        assertThat(kinds("<p>Hulp seksueel " + "woord ".repeat(BrokenAddresses.MAX_COLUMN_WORDS + 1) + "geweld.be</p>"))
                .isEmpty();
    }

    @Test
    void anAddressATablesCellWrappedInsideAWordIsAMentionWithTheRowsOtherColumnsBetweenItsParts() {
        // a narrow column breaks a long address anywhere, without a hyphen: "https://www.seksueelge" ends the row's
        // line, and the next line's other columns stand before "weld.be/hulp-zoeken"
        assertThat(kinds("<p>Zorgcentrum na 24/7 open https://www.seksueelge (ook lang geleden) Geweld Gent "
                + "weld.be/hulp-zoeken Tienervragen</p>")).containsExactly("SITE_MENTION");
        assertThat(kinds("<p>Seksueel geweld ZSG Gent chat, bel of ga WWW.SEKSUEELGE langs WELD.BE</p>"))
                .containsExactly("SITE_MENTION");
        // the joined address must still be the host: not a longer one, not another site, not beyond a few words
        assertThat(kinds("<p>Steunpunt www.seksueelgeweld geweld bij kinderen vlaanderen.org Vlaanderen vzw</p>"))
                .isEmpty();
        assertThat(kinds("<p>Sociale kaart www.seksueelge Nederland chat weld.nl</p>")).isEmpty();
        assertThat(kinds("<p>Actiegroep www.stopsek vrijwilligers sueelgeweld.be</p>")).isEmpty();
        assertThat(kinds("<p>Infosite www.seksueel " + "woord ".repeat(BrokenAddresses.MAX_COLUMN_WORDS + 1)
                + "geweld.be</p>")).isEmpty();
        assertThat(kinds("<p>Infosite www.seksueel chat geweld.bel ons</p>")).isEmpty();
    }

    @Test
    void mentionOnAPageThatAlsoLinksIsOnlyALink() {
        assertThat(kinds("<p>Surf naar <a href='https://www.seksueelgeweld.be'>www.seksueelgeweld.be</a></p>"))
                .containsExactly("SITE_LINK");
    }

    @Test
    void emailAddressAtTheDomainIsNotAMentionOfTheWebsite() {
        assertThat(kinds("<p>Mail naar info@seksueelgeweld.be</p>")).isEmpty();
    }

    @Test
    void mentionInsideAScriptOrCommentDoesNotCount() {
        assertThat(kinds("<script>var u='www.seksueelgeweld.be'</script><!-- www.seksueelgeweld.be --><p>Welkom</p>"))
                .isEmpty();
    }

    @Test
    void snippetsAreShortAndHoldTheEvidence() {
        String filler = "Dit is een lange inleiding over het welzijnsbeleid van onze gemeente. ".repeat(20);
        List<RuleMatch> matches = CATALOGUE.analyse(html("<p>" + filler + "Surf naar www.seksueelgeweld.be. " + filler + "</p>"));
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.getSnippet()).hasSizeLessThanOrEqualTo(300).contains("www.seksueelgeweld.be");
            assertThat(m.getRule()).isEqualTo("seksueelgeweld-mention");
        });
    }

    // --- CAMPAIGN ---

    @Test
    void localCampaignAgainstSexualHarassmentIsACampaign() {
        assertThat(kinds("<h1>Nee is nee</h1><p>Met de campagne ‘Nee is nee’ zegt onze stad luid en duidelijk "
                + "neen tegen seksuele intimidatie op straat, op het werk en online.</p>")).containsExactly("CAMPAIGN");
    }

    @Test
    void awarenessCampaignAgainstStreetHarassmentIsACampaign() {
        assertThat(kinds("<p>Deze zomer hangen in het centrum affiches tegen straatintimidatie. "
                + "De sensibiliseringscampagne loopt tot eind september.</p>")).containsExactly("CAMPAIGN");
    }

    @Test
    void campaignWordsInTheHeadingAndThemeInTheParagraphBelowMatchAsASection() {
        assertThat(kinds("<h2>Onze campagne</h2><p>Samen tegen grensoverschrijdend gedrag in de jeugdbeweging.</p>"))
                .containsExactly("CAMPAIGN");
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        assertThat(kinds("<p>CAMPAGNE TEGEN SEKSUËLE INTIMIDATIE</p>")).containsExactly("CAMPAIGN");
    }

    @Test
    void campaignAgainstLitterIsNoCampaignAgainstSexualViolence() {
        assertThat(kinds("<h1>Mooimakers</h1><p>Met de campagne ‘Vuilbak of buitenspel’ trekken we ten strijde "
                + "tegen zwerfvuil en sluikstorten. Doe mee aan de opruimactie op zaterdag!</p>")).isEmpty();
    }

    @Test
    void pageThatOnlyGivesThe1712HelpLineIsNoCampaign() {
        assertThat(kinds("<h1>Hulplijnen</h1><p>Heb je vragen over geweld, misbruik of kindermishandeling? "
                + "Bel gratis en anoniem naar 1712.</p><p>Slachtoffer van seksueel geweld? Het Zorgcentrum na "
                + "Seksueel Geweld helpt je dag en nacht.</p>")).isEmpty();
    }

    @Test
    void campaignAndThemeInDifferentNewsItemsDoNotMakeACampaign() {
        assertThat(kinds("<article><h2>Zwerfvuil</h2><p>Nieuwe campagne tegen zwerfvuil.</p></article>"
                + "<article><h2>Hulp</h2><p>Slachtoffer van seksueel geweld? Bel 1712.</p></article>")).isEmpty();
    }

    @Test
    void theFlemishActionPlanIsNotALocalCampaign() {
        assertThat(kinds("<p>Het Vlaamse actieplan ter bestrijding van seksueel geweld werd in 2020 goedgekeurd.</p>"))
                .isEmpty();
    }

    @Test
    void electionCampaignIsExcluded() {
        assertThat(kinds("<p>Tijdens de verkiezingscampagne was er debat over grensoverschrijdend gedrag.</p>"))
                .isEmpty();
    }

    // --- SAFETY_PLAN ---

    @Test
    void safetyPlanThatNamesSexualViolenceIsASafetyPlan() {
        assertThat(kinds("<h2>Zonaal veiligheidsplan 2020-2025</h2><p>De politiezone kiest vijf prioriteiten: "
                + "woninginbraken, verkeersveiligheid, drugs, intrafamiliaal geweld en seksueel geweld.</p>"))
                .containsExactly("SAFETY_PLAN");
    }

    @Test
    void safetyPlanDocumentWithTheThemeFarFromItsTitleIsASafetyPlan() {
        String pages = "<p>Inleiding en omgevingsanalyse van de zone.</p>".repeat(30);
        assertThat(kinds(html("https://www.gemeente.be/documenten/integraal-veiligheidsplan-2025.pdf",
                "<title>Integraal veiligheidsplan 2025-2030</title>" + pages
                        + "<p>Prioriteit 4: aanpak van seksuele intimidatie in de publieke ruimte.</p>")))
                .containsExactly("SAFETY_PLAN");
    }

    @Test
    void safetyPlanAboutBurglaryOnlyIsNoSafetyPlanSignal() {
        assertThat(kinds("<h1>Zonaal veiligheidsplan</h1><p>Prioriteiten: woninginbraken, fietsdiefstal, "
                + "verkeersveiligheid en drugsoverlast. Intrafamiliaal geweld blijft een aandachtspunt.</p>"))
                .isEmpty();
    }

    // --- NIGHTLIFE ---

    @Test
    void awarenessInBarsAgainstSexualHarassmentIsNightlife() {
        assertThat(kinds("<p>Samen met de horeca start de stad een sensibilisering tegen seksuele intimidatie "
                + "in het uitgaansleven: barpersoneel krijgt een opleiding.</p>")).contains("NIGHTLIFE");
    }

    @Test
    void askForAngelaIsNightlifeOnItsOwn() {
        assertThat(kinds("<p>Voel je je niet veilig op je date? Ask for Angela aan de toog.</p>"))
                .containsExactly("NIGHTLIFE");
    }

    @Test
    void safePartyLabelAgainstTransgressiveBehaviourIsNightlife() {
        assertThat(kinds("<p>Jeugdhuizen met het Safe Party-label hebben een aanspreekpunt voor wie "
                + "grensoverschrijdend gedrag meemaakt op een fuif.</p>")).contains("NIGHTLIFE");
    }

    @Test
    void closingHoursOfCafesAreNoNightlifeMeasure() {
        assertThat(kinds("<h1>Sluitingsuur cafés</h1><p>Cafés en dancings sluiten om 3 uur. Tijdens de kermis "
                + "geldt een vrij sluitingsuur. Bij nachtlawaai treedt de politie op als maatregel.</p>")).isEmpty();
    }
}
