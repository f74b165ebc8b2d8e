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

/**
 * A reader that reads passages: a rule's match it would take away on a long page stands where it scores the page's
 * best passage high enough, as the one item of a council's minutes that tells of the campaign.
 */
class ReaderPassagesInCatalogueTest {

    private static final String CATALOGUE = """
            rules:
              - id: campagne
                kind: CAMPAIGN
                allOf: [[campagne], [straatintimidatie]]
            readers:
              - id: campaign-reader
                kind: CAMPAIGN
                model: readers/test-campaign.tsv
                adds: false
            """;

    /** A reader that counts the town's own words and holds the minister's against a page. */
    private static final String MODEL = """
            # a reader for this test
            kind\tCAMPAIGN
            threshold\t0.5
            bias\t-1
            longest\t5000
            term\tonze\t20
            term\tminister\t-30
            """;

    /** An agenda item of some sixty words, none of them weighed by the model. */
    private static final String ITEM = "<p>Agendapunt. De raad keurt de aanpassing van het retributiereglement voor het "
            + "gebruik van de sporthal goed. De tarieven voor verenigingen blijven gelijk, die voor bedrijven stijgen "
            + "met vijf procent. Het reglement gaat in op de eerste dag van de maand na de bekendmaking. De raad "
            + "stemt met eenentwintig stemmen voor en vier onthoudingen, na een korte toelichting van de schepen.</p>";

    /** Council minutes of ten items, one of them the town's own campaign. */
    private static final String MINUTES = ITEM.repeat(5) + "<p>Onze campagne tegen straatintimidatie start in "
            + "september met affiches aan de stations.</p>" + ITEM.repeat(5);

    @TempDir
    Path dir;

    @BeforeEach
    void write() throws Exception {
        Files.createDirectories(dir.resolve("readers"));
        Files.writeString(dir.resolve("readers/test-campaign.tsv"), MODEL);
    }

    private SignalCatalogue catalogue(String passage) throws Exception {
        Files.writeString(dir.resolve("signals.yml"), CATALOGUE + (passage == null ? "" : "    passage: " + passage
                + "\n"));
        return SignalCatalogue.load(dir.resolve("signals.yml"));
    }

    @Test
    void aRulesMatchOnLongMinutesStandsWhereTheReaderScoresTheItemsPassageHighEnough() throws Exception {
        assertThat(catalogue(null).analyse(html(MINUTES))).as("the page read whole").isEmpty();
        assertThat(catalogue(null).whyNot(html(MINUTES), null).get("campagne"))
                .startsWith("matched, but the reader scored the page 0.4");

        List<RuleMatch> matches = catalogue("100").analyse(html(MINUTES));

        assertThat(matches).extracting(RuleMatch::getRule).containsExactly("campagne");
        MatchedPhrase reader = matches.get(0).getPhrases().stream().filter(p -> p.getRole().equals("reader"))
                .findFirst().orElseThrow();
        assertThat(reader.getPhrase()).matches("score 0\\.4\\d, threshold 0\\.50 \\(a rule's match stands from "
                + "0\\.50\\); a passage of 1\\d\\d words, paragraphs [56] to [67], scored 0\\.[6-9]\\d");
        assertThat(reader.getText()).isEqualTo("onze");
        assertThat(catalogue("100").whyNot(html(MINUTES), null)).doesNotContainKey("campagne");
    }

    @Test
    void aPassageTheReaderScoresLowDoesNotKeepTheRulesMatchAndWhyNotGivesItsScore() throws Exception {
        String minister = ITEM.repeat(5) + "<p>De minister lanceert een campagne tegen straatintimidatie.</p>"
                + ITEM.repeat(5);

        assertThat(catalogue("100").analyse(html(minister))).isEmpty();
        assertThat(catalogue("100").whyNot(html(minister), null).get("campagne"))
                .startsWith("matched, but the reader scored the page 0.")
                .containsPattern("; its best passage of 1\\d\\d words it scored 0\\.\\d\\d$");
    }

    @Test
    void aPageOfFewerThanTwiceThePassagesWordsIsReadWhole() throws Exception {
        SignalCatalogue longPassages = catalogue("400");

        assertThat(longPassages.analyse(html(MINUTES))).isEmpty();
        assertThat(longPassages.whyNot(html(MINUTES), null).get("campagne"))
                .endsWith("; the page is too short for a passage of 400 words");
    }

    @Test
    void aPassageIsFromTheWordsAReaderJudgesUpToHalfTheLongestPageItLearnedFrom() {
        for (String passage : new String[] {"49", "2501", "ja", "120.5"}) {
            assertThatThrownBy(() -> catalogue(passage))
                    .isInstanceOf(CatalogueException.class)
                    .hasMessageContaining("readers[0].passage: expected a number of words from 50 up to half the "
                            + "longest page the model learned from (2500), found '" + passage + "'");
        }
    }
}
