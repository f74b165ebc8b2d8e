package be.lokaalsignaal.scan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The quick reading of Latin text gives exactly the words, folded forms and offsets of Lucene's reading. */
class LatinWordsTest {

    private static final DutchWords DUTCH = new DutchWords(Map.of(), List.of());

    /** Every character the quick reader knows, the ones that join words often, and a few it must leave to Lucene. */
    private static final String ALPHABET = "aAzZeéÉëïöüçñßÆøþÿ019_.:,;'\u2018\u2019 \n\t-/@#*()\"\u00A0§«°»"
            + "\u2013\u2014\u201C\u201D\u201E\u2022\u2026\u20AC×÷";
    private static final String FOREIGN = "©®\u00AD\u00B7ªµº²\u0301\u202F\u2024\u05D0\u30A2\u4E2D\uD83D\uDE00\u20E3";

    private static List<String> lucene(String text) {
        List<String> out = new ArrayList<>();
        DUTCH.luceneWords(text, (b, l, s, e) -> out.add(new String(b, 0, l) + "@" + s + "-" + e));
        return out;
    }

    private static List<String> quick(String text, LatinWords latin) {
        List<String> out = new ArrayList<>();
        boolean read = latin.read(text, (b, l, s, e) -> out.add(new String(b, 0, l) + "@" + s + "-" + e));
        return read ? out : null;
    }

    private static void sameWords(String text, LatinWords latin) {
        List<String> quick = quick(text, latin);
        if (quick != null) {
            assertThat(quick).as("words of %s", text).isEqualTo(lucene(text));
        }
        List<String> either = new ArrayList<>();
        DUTCH.words(text, (b, l, s, e) -> either.add(new String(b, 0, l) + "@" + s + "-" + e));
        assertThat(either).as("words of %s", text).isEqualTo(lucene(text));
    }

    @Test
    void every_known_character_between_letters_and_digits_cuts_as_lucene_does() {
        LatinWords latin = new LatinWords();
        for (char c : ALPHABET.toCharArray()) {
            for (String around : List.of("a%sb", "1%s2", "a%s1", "1%sa", "%s", "%sa", "a%s", "_%s_", "a_%sb", "a%s%sb",
                    "1%s%s2", "É%sé")) {
                String text = around.replace("%s", String.valueOf(c));
                assertThat(quick(text, latin)).as("read quickly: %s", text).isNotNull();
                sameWords(text, latin);
            }
        }
    }

    @Test
    void random_texts_of_joining_characters_cut_as_lucene_does() {
        LatinWords latin = new LatinWords();
        Random random = new Random(20261201);
        int quickly = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int i = 0; i < length; i++) {
                String from = random.nextInt(50) == 0 ? FOREIGN : ALPHABET;
                text.append(from.charAt(random.nextInt(from.length())));
            }
            sameWords(text.toString(), latin);
            quickly += quick(text.toString(), latin) != null ? 1 : 0;
        }
        assertThat(quickly).as("texts read quickly").isGreaterThan(10_000);
    }

    @Test
    void texts_outside_the_latin_alphabet_are_left_to_lucene_whole() {
        LatinWords latin = new LatinWords();
        for (char c : FOREIGN.toCharArray()) {
            String text = "Een campagne " + c + " tegen seksueel geweld";
            assertThat(quick(text, latin)).as("read quickly: %s", text).isNull();
            sameWords(text, latin);
        }
        assertThat(lucene("© 2026 Stad")).as("Lucene reads © as a word of its own").contains("©@0-1");
    }

    @Test
    void a_run_of_word_characters_longer_than_lucenes_longest_word_is_left_to_lucene() {
        LatinWords latin = new LatinWords();
        String run = "a".repeat(LatinWords.MAX_WORD);
        assertThat(quick(run, latin)).hasSize(1);
        String longer = "de " + run + "b.c campagne";
        assertThat(quick(longer, latin)).isNull();
        sameWords(longer, latin);
        sameWords("x" + "1.".repeat(200) + "2", latin);
    }

    @Test
    void the_texts_of_the_accuracy_corpus_and_a_generated_page_cut_as_lucene_does() throws IOException {
        LatinWords latin = new LatinWords();
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/accuracy"))) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        for (Path f : files) {
            for (String line : Files.readString(f).split("\n")) {
                sameWords(line, latin);
            }
        }
        for (String line : MunicipalDutchPage.ofSize(200 * 1024).split("\n")) {
            sameWords(line, latin);
        }
    }
}
