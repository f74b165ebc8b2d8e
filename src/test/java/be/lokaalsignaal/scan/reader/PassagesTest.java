package be.lokaalsignaal.scan.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import be.lokaalsignaal.topics.SignalKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PassagesTest {

    private static final ReaderModel MODEL = new ReaderModel(SignalKind.SAFETY_PLAN, 0.5, -1.0, 5000,
            Map.of("zonaal veiligheidsplan", 8.0, "prioriteit", 5.0, "riolering", -2.0), List.of("a test model"));

    private static final List<String> TITLE = List.of("notulen", "gemeenteraad");

    /** Minutes of ten items of sixty words; the seventh says the zone's plan makes the theme a priority. */
    private static Passages.Page minutes() {
        List<List<String>> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            List<String> item = new ArrayList<>(Collections.nCopies(60, "agendapunt"));
            if (i == 2) {
                item.set(10, "riolering");
            }
            if (i == 6) {
                item.set(20, "zonaal");
                item.set(21, "veiligheidsplan");
                item.set(30, "prioriteit");
            }
            items.add(item);
        }
        return new Passages.Page(TITLE, items, 602);
    }

    private static double sigmoid(double s) {
        return 1 / (1 + Math.exp(-s));
    }

    @Test
    void theBestPassageIsTheTitleWithTheRunOfParagraphsThatHoldsTheItemTheReaderWeighsMost() {
        Passages.Passage best = Passages.best(MODEL, minutes(), 100).orElseThrow();

        // the title and two items of sixty words: the first run from an item on that holds 100 words
        assertThat(best.reading().words()).isEqualTo(122);
        assertThat(best.first()).isLessThanOrEqualTo(6);
        assertThat(best.last()).isGreaterThanOrEqualTo(6).isEqualTo(best.first() + 1);
        assertThat(best.reading().score()).isCloseTo(sigmoid(-1 + 13 / Math.sqrt(122)), within(1e-12));
        assertThat(ReaderModel.strongest(best.reading(), 8)).extracting(ReaderModel.Weighed::term)
                .containsExactly("zonaal veiligheidsplan", "prioriteit");
    }

    @Test
    void thePassageScoresWhatTheWholePageDilutesAboveTheThreshold() {
        Passages.Page minutes = minutes();
        Set<String> all = new HashSet<>(PageTerms.terms(minutes.title()));
        minutes.paragraphs().forEach(p -> all.addAll(PageTerms.terms(p)));
        double page = MODEL.score(new PageTerms.Terms(all, minutes.words(), List.of()));

        assertThat(page).isCloseTo(sigmoid(-1 + 11 / Math.sqrt(602)), within(1e-12));
        assertThat(MODEL.shows(page)).isFalse();
        assertThat(MODEL.shows(Passages.best(MODEL, minutes, 100).orElseThrow().reading().score())).isTrue();
    }

    @Test
    void aPageOfFewerThanTwiceThePassagesWordsHasNone() {
        assertThat(Passages.best(MODEL, minutes(), 302)).isEmpty();
        assertThat(Passages.best(MODEL, minutes(), 301)).isPresent();
    }

    @Test
    void aPassageIsNoShorterThanAPageTheReaderJudges() {
        assertThatThrownBy(() -> Passages.best(MODEL, minutes(), ReaderModel.MIN_WORDS - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a passage of 49 words is shorter than any page a reader judges (50)");
    }
}
