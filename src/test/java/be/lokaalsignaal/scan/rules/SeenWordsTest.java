package be.lokaalsignaal.scan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A thread's table of seen words gives for every word what the vocabulary gives, however often it is asked. */
class SeenWordsTest {

    @AfterEach
    void forget() {
        SeenWords.forget();
    }

    private static List<String> words() {
        List<String> out = new ArrayList<>(List.of("de", "stad", "campagne", "campagnes", "jongere", "jongeren",
                "sensibiliseringscampagne", "affichecampagnes", "seksueel", "geweld", "partnergeweld",
                "veiligheidsplan", "veiligheidsplannen", "fuifzaal", "fuiven", "www.stad.be", "z'n", "1712",
                "gedragingen", "123456789", "1234567890", "abcdefghi", "abcdefghij", "\u00e9\u00e9n", "\u65e5\u672c",
                "a".repeat(40), "_a", "abcdefghijklmnopqr", "abcdefghijklmnopqrs", "veiligheidszone", "veiligheidsplanx"));
        Random random = new Random(7);
        String letters = "abcdefghijklmnopqrstuvwxyz0123456789'._";
        for (int n = 0; n < 100_000; n++) {
            StringBuilder w = new StringBuilder();
            int length = 1 + random.nextInt(24);
            for (int i = 0; i < length; i++) {
                w.append(letters.charAt(random.nextInt(random.nextInt(8) == 0 ? letters.length() : 26)));
            }
            out.add(w.toString());
        }
        return out;
    }

    @Test
    void every_word_has_the_catalogue_words_the_vocabulary_gives_when_first_and_when_again_seen() {
        Vocabulary vocabulary = PageWordsTest.vocabulary();
        SeenWords seen = SeenWords.of(vocabulary);
        List<String> words = words();
        int catalogue = 0;
        for (int round = 0; round < 2; round++) {
            for (String w : words) {
                int[] expected = vocabulary.match(w);
                assertThat(seen.match(w.toCharArray(), w.length())).as(w).isEqualTo(expected);
                catalogue += expected.length > 0 ? 1 : 0;
            }
        }
        assertThat(catalogue).as("words that are catalogue words").isGreaterThan(20);
    }

    @Test
    void a_thread_keeps_one_table_per_vocabulary_until_it_forgets() {
        Vocabulary one = PageWordsTest.vocabulary();
        Vocabulary other = PageWordsTest.vocabulary();
        SeenWords first = SeenWords.of(one);
        assertThat(SeenWords.of(one)).isSameAs(first);
        assertThat(SeenWords.of(other)).isNotSameAs(first);
        SeenWords.forget();
        SeenWords fresh = SeenWords.of(other);
        assertThat(fresh.match("campagnes".toCharArray(), 9)).isEqualTo(other.match("campagnes"));
    }
}
