package be.lokaalsignaal.scan.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lokaalsignaal.topics.SignalKind;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReaderTrainerTest {

    /** Pages of ten parts: the town's own campaigns say "onze campagne", the minister's are reported. */
    private static List<ReaderTrainer.Example> pages() {
        List<ReaderTrainer.Example> out = new ArrayList<>();
        for (int part = 0; part < 10; part++) {
            for (int i = 0; i < 6; i++) {
                String filler = "woord" + (part * 6 + i);
                out.add(new ReaderTrainer.Example("own-" + part + "-" + i,
                        terms("onze", "campagne", "onze campagne", "affiches", filler), true, "part" + part));
                out.add(new ReaderTrainer.Example("minister-" + part + "-" + i,
                        terms("de", "minister", "campagne", "de minister", "affiches", filler), false, "part" + part));
            }
        }
        return out;
    }

    private static PageTerms.Terms terms(String... terms) {
        return new PageTerms.Terms(Set.of(terms), terms.length, List.of());
    }

    private static final ReaderTrainer.Settings SETTINGS = new ReaderTrainer.Settings(4, 2);

    @Test
    void aTrainedReaderTellsTheTownsOwnCampaignFromOneReported() {
        ReaderModel model = ReaderTrainer.train(SignalKind.CAMPAIGN, pages(), SETTINGS, 0.5, List.of());

        assertThat(model.shows(model.score(terms("onze", "campagne", "onze campagne", "affiches")))).isTrue();
        assertThat(model.shows(model.score(terms("de", "minister", "campagne", "de minister", "affiches")))).isFalse();
    }

    @Test
    void aTermOnFewerPagesThanTheMinimumIsNotWeighed() {
        // every filler word is on two pages, the town's and the minister's of one part
        ReaderModel model = ReaderTrainer.train(SignalKind.CAMPAIGN, pages(), new ReaderTrainer.Settings(4, 3), 0.5,
                List.of());

        assertThat(model.terms()).contains("onze campagne", "de minister").noneMatch(t -> t.startsWith("woord"));
    }

    @Test
    void theSamePagesAndSettingsGiveTheSameTable() throws IOException {
        StringWriter first = new StringWriter();
        ReaderTrainer.train(SignalKind.CAMPAIGN, pages(), SETTINGS, 0.5, List.of()).write(first);
        StringWriter second = new StringWriter();
        ReaderTrainer.train(SignalKind.CAMPAIGN, pages(), SETTINGS, 0.5, List.of()).write(second);

        assertThat(second.toString()).isEqualTo(first.toString());
    }

    @Test
    void crossValidationScoresEveryPageByAReaderThatDidNotSeeItsPart() {
        List<ReaderTrainer.Example> pages = new ArrayList<>(pages());
        // a part whose own campaigns say only what the other parts' reported ones say: a reader that saw it would
        // learn its pages; one that did not reads them as reported
        for (int i = 0; i < 4; i++) {
            pages.add(new ReaderTrainer.Example("odd-" + i, terms("de", "minister", "campagne", "de minister"), true,
                    "part-odd"));
        }
        double[] scores = ReaderTrainer.crossValidate(SignalKind.CAMPAIGN, pages, SETTINGS, 5);

        assertThat(scores).hasSize(pages.size()).doesNotContain(Double.NaN);
        for (int i = pages.size() - 4; i < pages.size(); i++) {
            assertThat(scores[i]).as("page %s", pages.get(i).name()).isLessThan(0.5);
        }
    }

    @Test
    void trainingNeedsPagesWithAndWithoutTheKind() {
        List<ReaderTrainer.Example> only = pages().stream().filter(ReaderTrainer.Example::positive).toList();

        assertThatThrownBy(() -> ReaderTrainer.train(SignalKind.CAMPAIGN, only, SETTINGS, 0.5, List.of()))
                .hasMessageContaining("pages with and without CAMPAIGN");
        assertThatThrownBy(() -> ReaderTrainer.crossValidate(SignalKind.CAMPAIGN, pages(), SETTINGS, 11))
                .hasMessageContaining("10 groups of pages cannot make 11 folds");
    }
}
