package be.lokaalsignaal.scan.rules;

import static be.lokaalsignaal.scan.rules.CatalogueTestPages.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lokaalsignaal.avro.MatchedPhrase;
import be.lokaalsignaal.avro.RuleMatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalogue whose campaigns a reader decides: what the rules found counts only where the reader agrees. */
class ReaderInCatalogueTest {

    private static final String CATALOGUE = """
            rules:
              - id: campagne
                kind: CAMPAIGN
                allOf: [[campagne], [straatintimidatie]]
            readers:
              - id: campaign-reader
                kind: CAMPAIGN
                model: readers/test-campaign.tsv
                requires: [straatintimidatie]
                notTitleOrUrl: [veiligheidsplan]
            """;

    /** A reader that counts the town's own words and holds the minister's against a page. */
    private static final String MODEL = """
            # a reader for this test
            kind\tCAMPAIGN
            threshold\t0.5
            bias\t-1
            longest\t300
            term\tonze\t20
            term\tminister\t-30
            term\taffiches\t15
            """;

    /** Enough words around the news for the reader to judge the page (none of them weighed by the model). */
    private static final String FOOTER = "<p>Gemeentehuis, Marktplein 1. Open van maandag tot vrijdag van negen tot "
            + "twaalf uur en op woensdag ook van twee tot zes uur. Bel voor een afspraak naar het algemene nummer of "
            + "mail naar het loket. Volg het nieuws van de gemeente via de nieuwsbrief, de website en de sociale media. "
            + "Toegankelijkheid, privacy en cookies.</p>";

    @TempDir
    Path dir;

    private SignalCatalogue catalogue;

    @BeforeEach
    void write() throws Exception {
        Files.createDirectories(dir.resolve("readers"));
        Files.writeString(dir.resolve("readers/test-campaign.tsv"), MODEL);
        Files.writeString(dir.resolve("signals.yml"), CATALOGUE);
        catalogue = SignalCatalogue.load(dir.resolve("signals.yml"));
    }

    @Test
    void aRulesMatchTheReaderAgreesWithStandsWithTheReadersScoreAndWordsBesideItsEvidence() {
        List<RuleMatch> matches = catalogue.analyse(html("<p>Onze campagne tegen straatintimidatie start.</p>" + FOOTER));

        assertThat(matches).extracting(RuleMatch::getRule).containsExactly("campagne");
        assertThat(matches.get(0).getPhrases()).extracting(MatchedPhrase::getRole).contains("reader");
        MatchedPhrase reader = matches.get(0).getPhrases().stream().filter(p -> p.getRole().equals("reader"))
                .findFirst().orElseThrow();
        assertThat(reader.getPhrase()).matches("score 0\\.\\d\\d, threshold 0\\.50");
        assertThat(reader.getText()).isEqualTo("onze");
    }

    @Test
    void aRulesMatchTheReaderDoesNotAgreeWithIsNotCountedAndWhyNotSaysSo() {
        String page = "<p>De minister lanceert een campagne tegen straatintimidatie.</p>" + FOOTER;

        assertThat(catalogue.analyse(html(page))).isEmpty();
        assertThat(catalogue.whyNot(html(page), null))
                .hasEntrySatisfying("campagne", why -> assertThat(why).startsWith("matched, but the reader scored"))
                .hasEntrySatisfying("campaign-reader", why -> assertThat(why).contains("threshold 0.50"));
    }

    @Test
    void whereTheReaderFindsTheKindAndNoRuleDidItsMatchShowsTheParagraphItsWordsWeighMostIn() {
        List<RuleMatch> matches = catalogue.analyse(html(
                "<p>Nieuws uit de gemeente.</p><p>Onze affiches tegen straatintimidatie hangen in alle bushokjes.</p>"
                        + FOOTER));

        assertThat(matches).extracting(RuleMatch::getRule).containsExactly("campaign-reader");
        assertThat(matches.get(0).getKind()).isEqualTo("CAMPAIGN");
        assertThat(matches.get(0).getSnippet()).isEqualTo("Onze affiches tegen straatintimidatie hangen in alle bushokjes.");
        assertThat(matches.get(0).getPhrases()).singleElement().satisfies(p -> {
            assertThat(p.getRole()).isEqualTo("reader");
            assertThat(p.getText()).isEqualTo("onze, affiches");
        });
    }

    @Test
    void theReaderAddsItsKindOnlyOnAPageThatNamesWhatItRequires() {
        String page = "<p>Nieuws uit de gemeente.</p><p>Onze affiches hangen in alle bushokjes.</p>" + FOOTER;

        assertThat(catalogue.analyse(html(page))).isEmpty();
        assertThat(catalogue.whyNot(html(page), null).get("campaign-reader"))
                .startsWith("the reader scored the page 0.").contains("its strongest words: onze, affiches")
                .endsWith("but the page names none of the phrases it requires to add the kind");
    }

    @Test
    void theReaderAddsNoKindOnAPageWhoseTitleOrUrlHoldsWhatItIsKeptFrom() {
        String body = "<p>Actie 3.1</p><p>Onze affiches tegen straatintimidatie hangen in alle bushokjes.</p>" + FOOTER;
        String plan = "<html><head><title>Lokaal veiligheidsplan 2026-2031</title></head><body>" + body
                + "</body></html>";

        assertThat(catalogue.analyse(html("https://www.gemeente.be/plan", plan))).isEmpty();
        assertThat(catalogue.whyNot(html("https://www.gemeente.be/plan", plan), null).get("campaign-reader"))
                .startsWith("the reader scored the page 0.")
                .endsWith("but it does not add the kind where the title or the URL holds 'veiligheidsplan'");
        assertThat(catalogue.analyse(html("https://www.gemeente.be/veiligheidsplan/acties", "<html><body>" + body
                + "</body></html>"))).isEmpty();
        assertThat(catalogue.analyse(html("https://www.gemeente.be/nieuws", "<html><body>" + body
                + "</body></html>"))).extracting(RuleMatch::getRule).containsExactly("campaign-reader");
    }

    @Test
    void whetherTheReaderMayAddItsKindOnAPageIsAskedOfItsRequiresAndTitleOrUrlAloneNotOfItsScore() {
        SignalCatalogue.Reader reader = catalogue.readers().get(0);
        String minister = "<p>De minister hangt affiches tegen straatintimidatie op.</p>" + FOOTER;

        assertThat(catalogue.mayAdd(reader, html(minister))).as("scored low, but named").isTrue();
        assertThat(catalogue.mayAdd(reader, html("<p>Onze affiches hangen in alle bushokjes.</p>" + FOOTER)))
                .as("scored high, but nothing it requires").isFalse();
        assertThat(catalogue.mayAdd(reader, html("https://www.gemeente.be/veiligheidsplan/acties",
                "<html><body>" + minister + "</body></html>"))).as("kept from by the URL").isFalse();
        assertThatThrownBy(() -> catalogue.withoutReaders().mayAdd(reader, html(minister)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("campaign-reader");
    }

    @Test
    void aReaderThatAddsNothingOnlyTakesAwayWhatTheRulesFound() throws Exception {
        Files.writeString(dir.resolve("signals.yml"), CATALOGUE.replace(
                "requires: [straatintimidatie]\n    notTitleOrUrl: [veiligheidsplan]", "adds: false"));
        SignalCatalogue takesAway = SignalCatalogue.load(dir.resolve("signals.yml"));
        String own = "<p>Nieuws uit de gemeente.</p><p>Onze affiches tegen straatintimidatie hangen in alle bushokjes.</p>"
                + FOOTER;

        assertThat(takesAway.analyse(html(own))).as("the reader finds the kind, no rule does").isEmpty();
        assertThat(takesAway.whyNot(html(own), null).get("campaign-reader"))
                .endsWith("but it only takes away what the rules found: it adds no match of its own");
        assertThat(takesAway.analyse(html("<p>De minister lanceert een campagne tegen straatintimidatie.</p>" + FOOTER)))
                .as("the rules find it, the reader does not").isEmpty();
        assertThat(takesAway.analyse(html("<p>Onze campagne tegen straatintimidatie start.</p>" + FOOTER)))
                .extracting(RuleMatch::getRule).containsExactly("campagne");
    }

    @Test
    void aReaderThatAddsNothingHasNothingToRequire() throws Exception {
        Files.writeString(dir.resolve("signals.yml"), CATALOGUE.replace("notTitleOrUrl: [veiligheidsplan]",
                "adds: false"));
        assertThatThrownBy(() -> SignalCatalogue.load(dir.resolve("signals.yml")))
                .hasMessageContaining("readers[0]: a reader that adds nothing (adds: false) has no requires or "
                        + "notTitleOrUrl");
        Files.writeString(dir.resolve("signals.yml"), CATALOGUE.replace("notTitleOrUrl: [veiligheidsplan]",
                "adds: nee"));
        assertThatThrownBy(() -> SignalCatalogue.load(dir.resolve("signals.yml")))
                .hasMessageContaining("readers[0].adds: expected true, false or a score from the model's threshold "
                        + "(0.5) to 1, found 'nee'");
        Files.writeString(dir.resolve("signals.yml"), CATALOGUE.replace("notTitleOrUrl: [veiligheidsplan]",
                "adds: 0.2"));
        assertThatThrownBy(() -> SignalCatalogue.load(dir.resolve("signals.yml")))
                .hasMessageContaining("readers[0].adds: expected true, false or a score from the model's threshold "
                        + "(0.5) to 1, found '0.2'");
    }

    @Test
    void aReaderThatAddsFromAScoreAddsItsKindOnlyWhereItScoresThePageSoHigh() throws Exception {
        String own = "<p>Nieuws uit de gemeente.</p><p>Onze affiches tegen straatintimidatie hangen in alle bushokjes.</p>"
                + FOOTER;
        Files.writeString(dir.resolve("signals.yml"), CATALOGUE.replace("notTitleOrUrl: [veiligheidsplan]",
                "adds: 0.99"));
        SignalCatalogue sure = SignalCatalogue.load(dir.resolve("signals.yml"));

        assertThat(sure.analyse(html(own))).as("scored above the threshold, below 0.99").isEmpty();
        assertThat(sure.whyNot(html(own), null).get("campaign-reader")).startsWith("the reader scored the page 0.9")
                .endsWith("but it adds a match of its own only from 0.99");
        assertThat(sure.analyse(html("<p>Onze campagne tegen straatintimidatie start.</p>" + FOOTER)))
                .as("what the rules found it keeps from its threshold").extracting(RuleMatch::getRule)
                .containsExactly("campagne");

        Files.writeString(dir.resolve("signals.yml"), CATALOGUE.replace("notTitleOrUrl: [veiligheidsplan]",
                "adds: 0.9"));
        assertThat(SignalCatalogue.load(dir.resolve("signals.yml")).analyse(html(own)))
                .extracting(RuleMatch::getRule).containsExactly("campaign-reader");
    }

    @Test
    void aRulesMatchStandsFromTheScoreTheReaderConfirmsItFromWhileTheReaderAloneStillNeedsItsThreshold()
            throws Exception {
        Files.writeString(dir.resolve("signals.yml"), CATALOGUE.replace("notTitleOrUrl: [veiligheidsplan]",
                "notTitleOrUrl: [veiligheidsplan]\n    confirms: 0.25"));
        SignalCatalogue confirming = SignalCatalogue.load(dir.resolve("signals.yml"));
        // no word of the page weighs: the reader scores it by its bias alone, 0.27
        String plain = "<p>De campagne tegen straatintimidatie start.</p>" + FOOTER;

        assertThat(catalogue.analyse(html(plain))).as("without confirms: below the threshold").isEmpty();
        List<RuleMatch> matches = confirming.analyse(html(plain));
        assertThat(matches).extracting(RuleMatch::getRule).containsExactly("campagne");
        assertThat(matches.get(0).getPhrases()).filteredOn(p -> p.getRole().equals("reader"))
                .extracting(MatchedPhrase::getPhrase)
                .containsExactly("score 0.27, threshold 0.50 (a rule's match stands from 0.25)");
        assertThat(confirming.analyse(html("<p>Nieuws uit de gemeente.</p><p>Tegen straatintimidatie.</p>" + FOOTER)))
                .as("no rule found it: the reader alone adds from its threshold").isEmpty();
        String minister = "<p>De minister lanceert een campagne tegen straatintimidatie.</p>" + FOOTER;
        assertThat(confirming.analyse(html(minister))).isEmpty();
        assertThat(confirming.whyNot(html(minister), null).get("campagne"))
                .startsWith("matched, but the reader scored the page 0.0")
                .contains("(threshold 0.50; a rule's match stands from 0.25)");
    }

    @Test
    void aReaderConfirmsFromAScoreAboveZeroAndUpToItsThreshold() throws Exception {
        for (String confirms : new String[] {"0.6", "0", "ja"}) {
            Files.writeString(dir.resolve("signals.yml"), CATALOGUE.replace("notTitleOrUrl: [veiligheidsplan]",
                    "notTitleOrUrl: [veiligheidsplan]\n    confirms: " + confirms));
            assertThatThrownBy(() -> SignalCatalogue.load(dir.resolve("signals.yml")))
                    .isInstanceOf(CatalogueException.class)
                    .hasMessageContaining("readers[0].confirms: expected a score above 0 and up to the model's "
                            + "threshold (0.5), found '" + confirms + "'");
        }
    }

    @Test
    void aPageTooShortForTheReaderToJudgeIsLeftToTheRules() {
        String page = "<p>De minister lanceert een campagne tegen straatintimidatie.</p>";

        assertThat(catalogue.analyse(html(page))).extracting(RuleMatch::getRule).containsExactly("campagne");
        assertThat(catalogue.analyse(html("<p>Onze affiches hangen in alle bushokjes.</p>"))).isEmpty();
        assertThat(catalogue.whyNot(html("<p>Onze affiches.</p>"), null).get("campaign-reader"))
                .matches("the page has \\d+ words, too few for the reader to judge: the rules decide");
    }

    @Test
    void aPageLongerThanAnyTheReaderLearnedFromIsLeftToTheRules() {
        String page = "<p>De minister lanceert een campagne tegen straatintimidatie.</p>" + FOOTER.repeat(6);

        assertThat(catalogue.analyse(html(page))).extracting(RuleMatch::getRule).containsExactly("campagne");
        assertThat(catalogue.whyNot(html(page), null).get("campaign-reader"))
                .isEqualTo("the page has more words than any page it learned from (300) for the reader to "
                        + "judge: the rules decide");
        assertThat(catalogue.analyse(html("<p>De minister lanceert een campagne tegen straatintimidatie.</p>"
                + FOOTER.repeat(4)))).as("a page of some 250 words").isEmpty();
    }

    @Test
    void aCatalogueWithoutItsReadersIsTheRulesAlone() {
        assertThat(catalogue.withoutReaders().analyse(html("<p>De minister lanceert een campagne tegen "
                + "straatintimidatie.</p>"))).extracting(RuleMatch::getRule).containsExactly("campagne");
    }

    @Test
    void aMissingModelIsNamedWithItsPath() throws Exception {
        Files.delete(dir.resolve("readers/test-campaign.tsv"));

        assertThatThrownBy(() -> SignalCatalogue.load(dir.resolve("signals.yml")))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("readers[0].model")
                .hasMessageContaining("test-campaign.tsv: file not found, nor bundled");
    }

    @Test
    void aModelOfAnotherKindOrASecondReaderOfAKindIsRefused() throws Exception {
        Files.writeString(dir.resolve("readers/test-campaign.tsv"), MODEL.replace("kind\tCAMPAIGN", "kind\tNIGHTLIFE"));
        assertThatThrownBy(() -> SignalCatalogue.load(dir.resolve("signals.yml")))
                .hasMessageContaining("readers[0].model: readers/test-campaign.tsv is a model of NIGHTLIFE, not of CAMPAIGN");

        Files.writeString(dir.resolve("readers/test-campaign.tsv"), MODEL);
        Files.writeString(dir.resolve("signals.yml"), CATALOGUE + """
                  - id: second-reader
                    kind: CAMPAIGN
                    model: readers/test-campaign.tsv
                """);
        assertThatThrownBy(() -> SignalCatalogue.load(dir.resolve("signals.yml")))
                .hasMessageContaining("readers[1].kind: a reader decides one of");

        Files.writeString(dir.resolve("signals.yml"), CATALOGUE.replace("requires: [straatintimidatie]",
                "requires: [\"@nergens\"]"));
        assertThatThrownBy(() -> SignalCatalogue.load(dir.resolve("signals.yml")))
                .hasMessageContaining("readers[0].requires").hasMessageContaining("unknown list '@nergens'");

        Files.writeString(dir.resolve("signals.yml"), CATALOGUE.replace("notTitleOrUrl: [veiligheidsplan]",
                "notTitleOrUrl: [\"@nergens\"]"));
        assertThatThrownBy(() -> SignalCatalogue.load(dir.resolve("signals.yml")))
                .hasMessageContaining("readers[0].notTitleOrUrl").hasMessageContaining("unknown list '@nergens'");
    }

    @Test
    void aBrokenModelIsNamedWithItsLine() throws Exception {
        Files.writeString(dir.resolve("readers/test-campaign.tsv"), MODEL + "term\tcampagne\n");

        assertThatThrownBy(() -> SignalCatalogue.load(dir.resolve("signals.yml")))
                .hasMessageContaining("readers[0].model: readers/test-campaign.tsv line 9: expected 3 fields");
    }

    @Test
    void aCopyOfTheCatalogueWithoutTheTableBesideItReadsTheBundledOne() throws Exception {
        Files.writeString(dir.resolve("signals.yml"), CATALOGUE.replace("readers/test-campaign.tsv",
                "readers/campaign.tsv"));

        assertThat(SignalCatalogue.load(dir.resolve("signals.yml")).readers().get(0).model().size())
                .isEqualTo(SignalCatalogue.bundled().readers().get(0).model().size());
    }

    @Test
    void theBundledCatalogueReadsCampaignsNightlifeMeasuresAndSafetyPlans() {
        assertThat(SignalCatalogue.bundled().readers()).satisfiesExactly(r -> {
            assertThat(r.id()).isEqualTo("campaign-reader");
            assertThat(r.model().kind().name()).isEqualTo("CAMPAIGN");
            assertThat(r.model().size()).isGreaterThan(1000);
        }, r -> {
            assertThat(r.id()).isEqualTo("nightlife-reader");
            assertThat(r.model().kind().name()).isEqualTo("NIGHTLIFE");
            assertThat(r.model().size()).isGreaterThan(1000);
            assertThat(r.requires()).extracting(Phrase::source).contains("ask for angela", "seksueel geweld");
        }, r -> {
            assertThat(r.id()).isEqualTo("safety-plan-reader");
            assertThat(r.model().kind().name()).isEqualTo("SAFETY_PLAN");
            assertThat(r.model().size()).isGreaterThan(1000);
            assertThat(r.addsFrom()).isEqualTo(0.90);
            assertThat(r.requires()).isNotEmpty();
        });
    }
}
