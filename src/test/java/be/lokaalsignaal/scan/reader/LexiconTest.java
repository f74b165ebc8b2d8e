package be.lokaalsignaal.scan.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import be.lokaalsignaal.scan.extract.PageContent;
import be.lokaalsignaal.topics.SignalKind;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LexiconTest {

    private static final Lexicon LEXICON = new Lexicon(List.of("campagne", "onze", "jeugddienst", "sint", "een"));

    private static PageContent page(String title, String... paragraphs) {
        return PageContent.of("https://www.example.be/p", title, List.of(paragraphs), List.of());
    }

    private static String[] words(Lexicon.Cut cut) {
        return Arrays.stream(cut.ids(), 0, cut.words())
                .mapToObj(id -> id == Lexicon.UNKNOWN ? "?" : cut.lexicon().word(id)).toArray(String[]::new);
    }

    @Test
    void aPageIsCutIntoTheNumbersOfItsWordsInLowerCaseWithoutAccentsAndUnknownWordsCount() {
        Lexicon.Cut cut = LEXICON.cut(page(null, "Onze Jeugddienst lanceert één Campagne."), Set.of());

        assertThat(words(cut)).containsExactly("onze", "jeugddienst", "?", "een", "campagne");
        assertThat(cut.words()).isEqualTo(5);
    }

    @Test
    void theMunicipalitysOwnNameBecomesOneWordEvenWhereTheLexiconLacksItsWords() {
        Lexicon.Cut cut = LEXICON.cut(page(null, "De stad Sint-Niklaas en Sint-Niklazenaars: sint niklaas!"),
                Set.of("Sint-Niklaas"));

        assertThat(words(cut)).containsExactly("?", "?", "{gemeente}", "?", "sint", "?", "{gemeente}");
    }

    @Test
    void aWordOfTheNameOutsideTheNameIsItself() {
        Lexicon.Cut cut = LEXICON.cut(page(null, "Sint Jan, Niklaas en Sint-Martens-Latem"),
                Set.of("Sint-Niklaas", "Sint-Martens-Latem", "Latem"));

        assertThat(words(cut)).containsExactly("sint", "?", "?", "?", "{gemeente}");
    }

    @Test
    void theTitleIsTheFirstParagraphAndEveryParagraphStartsWhereTheLastEnded() {
        Lexicon.Cut cut = LEXICON.cut(page("Een campagne", "onze jeugddienst", "", "een"), Set.of());

        assertThat(cut.paragraphs()).isEqualTo(4);
        assertThat(cut.starts()).startsWith(0, 2, 4, 4);
        assertThat(cut.end(3)).isEqualTo(5);
    }

    @Test
    void aReaderGivesAPageCutWithALexiconOfSeveralReadersTheScoreOfItsTerms() {
        ReaderModel model = new ReaderModel(SignalKind.CAMPAIGN, 0.5, -1.0,
                Map.of("campagne", 2.0, "minister", -3.0, "onze jeugddienst", 1.0, "{gemeente}", 0.5,
                        "{gemeente} lanceert", 0.7), List.of("a test model"));
        // another reader's words first: the same word has another number here than in the reader's own lexicon
        Set<String> words = new LinkedHashSet<>(List.of("fuif", "lanceert", "onze", "bar", "jeugddienst"));
        words.addAll(model.terms());
        Lexicon shared = new Lexicon(words);
        PageContent page = page("Campagne in Lier", "Onze jeugddienst start een campagne.",
                "Lier lanceert affiches; de minister zegt niets.", "Onze jeugddienst!");

        ReaderModel.Reading alone = model.read(page, Set.of("Lier"));
        ReaderModel.Reading together = model.read(shared.cut(page, Set.of("Lier")));

        assertThat(together.score()).isCloseTo(model.score(PageTerms.of(page, Set.of("Lier"))), within(1e-12));
        assertThat(together.score()).isCloseTo(alone.score(), within(1e-12));
        assertThat(together.weighed()).extracting(ReaderModel.Weighed::term).containsExactlyInAnyOrder("campagne",
                "{gemeente}", "onze jeugddienst", "minister", "{gemeente} lanceert");
    }

    @Test
    void aReaderRefusesALexiconThatLacksSomeOfItsWords() {
        ReaderModel model = new ReaderModel(SignalKind.CAMPAIGN, 0.5, -1.0, Map.of("campagne", 2.0, "affiche", 1.0),
                List.of());
        Lexicon.Cut cut = new Lexicon(List.of("campagne")).cut(page(null, "een campagne"), Set.of());

        assertThatThrownBy(() -> model.read(cut)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 of the reader's 2 words");
    }

    @Test
    void aReaderRefusesALexiconThatLacksSomeOfItsPairs() {
        ReaderModel model = new ReaderModel(SignalKind.CAMPAIGN, 0.5, -1.0,
                Map.of("campagne", 2.0, "onze campagne", 1.0), List.of());
        Lexicon.Cut cut = new Lexicon(List.of("onze", "campagne")).cut(page(null, "onze campagne"), Set.of());

        assertThatThrownBy(() -> model.read(cut)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 of its 1 pairs");
    }

    @Test
    void aCutListsEachWordAndPairOnceWhereItFirstOccursAndNoPairAcrossParagraphs() {
        Lexicon lexicon = new Lexicon(List.of("onze campagne", "campagne start", "start onze", "een"));

        Lexicon.Cut cut = lexicon.cut(page("Onze campagne", "start onze campagne", "een campagne start"), Set.of());

        assertThat(Arrays.stream(cut.terms()).mapToObj(t -> t >= 0 ? lexicon.word(t) : lexicon.pair(-t - 1)))
                .containsExactly("onze", "campagne", "onze campagne", "start", "start onze", "een",
                        "campagne start");
    }

    @Test
    void aLongWordIsCutWhole() {
        String word = "a".repeat(200);
        Lexicon lexicon = new Lexicon(List.of(word));

        assertThat(words(lexicon.cut(page(null, "x " + word + " y"), Set.of()))).containsExactly("?", word, "?");
    }

    @Test
    void aCutAskedForAtMostSomeWordsStopsOnlyOnceThePageCertainlyHasMore() {
        PageContent five = page("Een campagne", "onze jeugddienst", "campagne");
        PageContent many = page("Een campagne", "onze jeugddienst " + "een campagne ".repeat(5000), "onze");

        assertThat(LEXICON.cut(five, Set.of(), 5)).satisfies(cut -> {
            assertThat(cut.whole()).isTrue();
            assertThat(words(cut)).containsExactly(words(LEXICON.cut(five, Set.of())));
        });
        assertThat(LEXICON.cut(five, Set.of(), 4)).satisfies(cut -> {
            assertThat(cut.whole()).isFalse();
            assertThat(cut.words()).isEqualTo(5);
        });
        assertThat(LEXICON.cut(many, Set.of(), 100)).satisfies(cut -> {
            assertThat(cut.whole()).isFalse();
            assertThat(cut.words()).isEqualTo(101);
            assertThat(cut.paragraphs()).as("stopped in the long paragraph").isEqualTo(2);
        });
    }

    @Test
    void aNameOfSeveralWordsCountsAsOneWordTowardsTheMostAskedFor() {
        PageContent page = page(null, "Sint-Martens-Latem Sint-Martens-Latem Sint-Martens-Latem een");

        Lexicon.Cut cut = LEXICON.cut(page, Set.of("Sint-Martens-Latem"), 4);

        assertThat(cut.whole()).isTrue();
        assertThat(words(cut)).containsExactly("{gemeente}", "{gemeente}", "{gemeente}", "een");
    }

    @Test
    void aReaderDoesNotJudgeAPageCutPartWay() {
        ReaderModel model = new ReaderModel(SignalKind.CAMPAIGN, 0.5, 1.0, 60, Map.of("campagne", 2.0), List.of());
        PageContent page = page(null, "een campagne ".repeat(100));

        ReaderModel.Reading reading = model.read(LEXICON.cut(page, Set.of(), 60));

        assertThat(reading.judges()).isFalse();
        assertThat(reading.words()).isEqualTo(61);
        assertThatThrownBy(() -> model.read(LEXICON.cut(page, Set.of(), 59)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("judges pages of up to 60");
    }
}
