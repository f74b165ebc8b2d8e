package be.lokaalsignaal.scan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.scan.extract.HtmlExtractor;
import be.lokaalsignaal.scan.extract.PageContent;
import be.lokaalsignaal.scan.url.SiteScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A page's words as the rules see them: read quickly where the text is Latin, they are the words of Lucene's
 * reading, with the same numbers, catalogue words, offsets, texts and sentences.
 */
class PageWordsTest {

    static Vocabulary vocabulary() {
        Vocabulary.Builder builder = new Vocabulary.Builder(new DutchWords(Map.of(), List.of()));
        for (String phrase : List.of("campagne", "*campagne", "sensibilisering*", "*geweld*", "seksueel geweld",
                "veiligheidsplan", "fuif*", "jeugdhuis", "de stad", "het college", "wij", "we", "onze", "en",
                "met de steun van", "www.stad.be", "z'n", "1712", "gedragingen")) {
            builder.phrase(phrase, false);
        }
        builder.phrase("=jongere", true);
        return builder.build(new DutchWords(Map.of("gedragingen", "gedrag"), builder.compoundHeads()));
    }

    private static List<String> texts() throws IOException {
        List<String> out = new ArrayList<>();
        String url = "https://www.stad.be/nieuws";
        out.addAll(HtmlExtractor.extract(MunicipalDutchPage.ofSize(100 * 1024), url, SiteScope.ofUrl(url)).blocks());
        List<Path> pages;
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/accuracy"))) {
            pages = s.filter(p -> p.toString().endsWith(".html")).toList();
        }
        for (Path p : pages) {
            String html = Files.readString(p);
            for (String variant : List.of(html, html.replace("'", "\u2019").replace(" - ", " \u2013 "),
                    html.replace("<p>", "<p>\u00A9 "))) {
                PageContent content = HtmlExtractor.extract(variant, url, SiteScope.ofUrl(url));
                out.addAll(content.blocks());
            }
        }
        out.add("Het veiligheids-\nplan en de sensibiliserings- campagne: jeugd- en fuifzalen, z'n 1.712 www.stad.be");
        // texts the quick reading gives up on part-way: a character it leaves to Lucene, a run too long for a word
        out.add("De campagne start. We danken de stad en het college \u00A9 2026 Stad, met de steun van de fuifzalen.");
        out.add("De sensibiliseringscampagne van de stad: " + "a".repeat(LatinWords.MAX_WORD + 1) + " en de fuif.");
        return out;
    }

    @Test
    void read_quickly_a_pages_words_are_those_of_lucenes_reading() throws IOException {
        Vocabulary vocabulary = vocabulary();
        PageWords quick = new PageWords(vocabulary, true);
        PageWords lucene = new PageWords(vocabulary, false);
        List<String> texts = texts();
        quick.addAll(texts);
        lucene.addAll(texts);
        assertThat(quick.size()).isEqualTo(lucene.size()).isGreaterThan(100_000);
        for (int t = 0; t < texts.size(); t++) {
            assertThat(quick.textFrom(t)).as("text %d", t).isEqualTo(lucene.textFrom(t));
            assertThat(quick.textTo(t)).as("text %d", t).isEqualTo(lucene.textTo(t));
        }
        int kept = 0;
        for (int w = 0; w < quick.size(); w++) {
            assertThat(quick.ids(w)).as("word %d", w).isEqualTo(lucene.ids(w));
            if (quick.ids(w).length > 0) {
                kept++;
                assertThat(quick.source(w)).as("word %d", w).isEqualTo(lucene.source(w));
                assertThat(quick.start(w)).as("word %d", w).isEqualTo(lucene.start(w));
                assertThat(quick.end(w)).as("word %d", w).isEqualTo(lucene.end(w));
                assertThat(quick.sentenceOf(w)).as("word %d", w).isEqualTo(lucene.sentenceOf(w));
            }
        }
        assertThat(kept).isGreaterThan(10_000);
        for (int id = 0; id < vocabulary.size(); id++) {
            assertThat(quick.count(id)).as("catalogue word %s", vocabulary.word(id)).isEqualTo(lucene.count(id));
        }
    }

    @Test
    void a_word_broken_over_two_lines_is_one_word_with_the_text_and_sentence_of_its_first_part() {
        PageWords words = new PageWords(vocabulary());
        words.add("Intro.");
        int t = words.add("Het nieuwe veiligheids-\nplan is klaar. De campagne start.");
        int plan = words.textFrom(t) + 2;
        assertThat(words.ids(plan)).isNotEmpty();
        assertThat(words.source(plan)).isEqualTo(t);
        assertThat(words.text(t).substring(words.start(plan), words.end(plan))).isEqualTo("veiligheids-\nplan");
        assertThat(words.sentenceOf(plan)).containsExactly(words.textFrom(t), words.textFrom(t) + 5);
        assertThat(words.sentenceOf(plan + 5)).containsExactly(words.textFrom(t) + 5, words.textTo(t));
    }
}
