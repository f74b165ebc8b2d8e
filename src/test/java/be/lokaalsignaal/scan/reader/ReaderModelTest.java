package be.lokaalsignaal.scan.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import be.lokaalsignaal.scan.extract.PageContent;
import be.lokaalsignaal.topics.SignalKind;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReaderModelTest {

    private static final ReaderModel MODEL = new ReaderModel(SignalKind.CAMPAIGN, 0.5, -1.0, 2000,
            Map.of("campagne", 2.0, "minister", -3.0, "onze jeugddienst", 1.0, "{gemeente}", 0.5),
            List.of("a test model"));

    private static PageTerms.Terms terms(int words, String... terms) {
        return new PageTerms.Terms(Set.of(terms), words, List.of());
    }

    @Test
    void theScoreIsTheLogisticOfTheBiasAndTheWeightsOverTheRootOfThePagesLength() {
        // (2 + 1) / sqrt(400) - 1 = -0.85
        assertThat(MODEL.score(terms(400, "campagne", "onze jeugddienst", "fuif")))
                .isCloseTo(1 / (1 + Math.exp(0.85)), within(1e-12));
    }

    @Test
    void aShortPageIsDividedAsIfItHadTheLeastNumberOfWords() {
        // (2 + 1) / sqrt(50) - 1, not (2 + 1) / sqrt(3) - 1
        double score = MODEL.score(terms(3, "campagne", "onze jeugddienst"));

        assertThat(score).isCloseTo(1 / (1 + Math.exp(1 - 3 / Math.sqrt(ReaderModel.MIN_WORDS))), within(1e-12));
        assertThat(MODEL.shows(score)).isFalse();
    }

    @Test
    void readingAPageGivesTheScoreOfItsTermsAndTheTermsItWeighs() {
        PageContent page = PageContent.of("https://www.lier.be/nieuws", "Campagne in Lier",
                List.of("Onze jeugddienst start een campagne.", "De minister zegt niets.", "Onze jeugddienst!"),
                List.of());

        ReaderModel.Reading reading = MODEL.read(page, Set.of("Lier"));

        assertThat(reading.score()).isCloseTo(MODEL.score(PageTerms.of(page, Set.of("Lier"))), within(1e-12));
        assertThat(reading.weighed()).extracting(ReaderModel.Weighed::term)
                .containsExactlyInAnyOrder("campagne", "{gemeente}", "onze jeugddienst", "minister");
        assertThat(ReaderModel.strongest(reading, 2)).extracting(ReaderModel.Weighed::term)
                .containsExactly("campagne", "onze jeugddienst");
    }

    @Test
    void theWeightiestParagraphIsTheOneItsTermsAddUpHighestIn() {
        assertThat(MODEL.weightiest(List.of(Set.of("minister", "campagne"), Set.of("campagne", "onze jeugddienst"),
                Set.of("fuif")))).isEqualTo(1);
        assertThat(MODEL.weightiest(List.of(Set.of("minister")))).isEqualTo(-1);
    }

    @Test
    void aWrittenTableIsReadBackTheSame() throws IOException {
        StringWriter out = new StringWriter();
        MODEL.write(out);

        ReaderModel read = ReaderModel.read(new StringReader(out.toString()), "test.tsv");
        StringWriter again = new StringWriter();
        read.write(again);

        assertThat(again.toString()).isEqualTo(out.toString()).startsWith("# a test model\nkind\tCAMPAIGN\n");
        assertThat(read.terms()).containsExactly("campagne", "minister", "onze jeugddienst", "{gemeente}");
        assertThat(read.longest()).isEqualTo(2000);
    }

    @Test
    void aBrokenTableIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> ReaderModel.read(new StringReader("kind\tCAMPAIGN\nthreshold\t0.5\nbias\t0\n"
                + "longest\t20\n"), "campaign.tsv")).hasMessageContaining("longest 20 is below 50 words");
        assertThatThrownBy(() -> ReaderModel.read(new StringReader("kind\tCAMPAIGN\nthreshold\t0.5\nbias\t0\n"
                + "term\tcampagne\ttwee\n"), "campaign.tsv"))
                .hasMessageContaining("campaign.tsv line 4").hasMessageContaining("not a number");
        assertThatThrownBy(() -> ReaderModel.read(new StringReader("kind\tCAMPAIGN\nbias\t0\n"), "campaign.tsv"))
                .hasMessageContaining("campaign.tsv: kind, threshold and bias are required");
        assertThatThrownBy(() -> ReaderModel.read(new StringReader("kind\tCAMPAIGN\nthreshold\t1.5\nbias\t0\n"),
                "campaign.tsv")).hasMessageContaining("threshold 1.5 is not between 0 and 1");
        assertThatThrownBy(() -> ReaderModel.read(new StringReader("weight\t1\n"), "campaign.tsv"))
                .hasMessageContaining("line 1: expected kind, threshold, bias, longest or term");
    }
}
