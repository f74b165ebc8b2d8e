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
import java.util.Random;
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

    /**
     * A text that is other texts of the page joined (a section of paragraphs that could not be aligned with them) is
     * read from their words: the same words, catalogue words, offsets and sentences as reading its characters; or
     * not at all, when one of them was left to Lucene or ends on a hyphen the next one could continue.
     */
    @Test
    void a_text_read_from_the_words_of_the_texts_it_joins_has_the_words_of_reading_it() throws IOException {
        Vocabulary vocabulary = vocabulary();
        List<String> texts = new ArrayList<>(texts());
        texts.addAll(List.of("Het nieuwe veiligheids-", "plan is klaar", "...", " De campagne start ", "en de stad?",
                "\u2014 ", "", "we danken de stad!", "De fuif- ", "en de campagne.", "Z'n", "jeugdhuis. ", " . ",
                "campagne", "1712", "de stad", "_ fuif _"));
        PageWords joined = new PageWords(vocabulary);
        joined.addAll(texts);
        PageWords read = new PageWords(vocabulary);
        Random random = new Random(9);
        int compared = 0;
        int refused = 0;
        int kept = 0;
        for (int first = 0; first < texts.size(); first += 1 + random.nextInt(3)) {
            int last = Math.min(texts.size() - 1, first + random.nextInt(6));
            StringBuilder b = new StringBuilder();
            int[] bases = new int[last - first + 1];
            for (int p = first; p <= last; p++) {
                if (p > first) {
                    b.append(random.nextBoolean() ? ' ' : '\n');
                }
                bases[p - first] = b.length();
                b.append(texts.get(p));
            }
            String text = b.toString();
            int t = joined.addJoined(text, first, last, bases);
            if (t < 0) {
                refused++;
                continue;
            }
            int r = read.add(text);
            int from = joined.textFrom(t);
            int base = read.textFrom(r);
            assertThat(joined.textTo(t) - from).as(text).isEqualTo(read.textTo(r) - base);
            assertThat(joined.text(t)).isEqualTo(text);
            for (int w = 0; w < joined.textTo(t) - from; w++) {
                assertThat(joined.ids(from + w)).as("word %d of %s", w, text).isEqualTo(read.ids(base + w));
                assertThat(joined.source(from + w)).isEqualTo(t);
                int[] s = joined.sentenceOf(from + w);
                int[] e = read.sentenceOf(base + w);
                assertThat(new int[] {s[0] - from, s[1] - from}).as("sentence of word %d of %s", w, text)
                        .containsExactly(e[0] - base, e[1] - base);
                if (joined.ids(from + w).length > 0) {
                    kept++;
                    assertThat(joined.start(from + w)).as("word %d of %s", w, text).isEqualTo(read.start(base + w));
                    assertThat(joined.end(from + w)).as("word %d of %s", w, text).isEqualTo(read.end(base + w));
                }
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(10_000);
        assertThat(kept).isGreaterThan(100_000);
        assertThat(refused).isGreaterThan(100);
        for (int id = 0; id < vocabulary.size(); id++) {
            assertThat(joined.count(id)).isGreaterThanOrEqualTo(read.count(id));
        }
    }

    @Test
    void a_text_whose_part_ends_on_a_hyphen_is_not_read_from_the_words_of_its_parts() {
        PageWords words = new PageWords(vocabulary());
        words.add("Het nieuwe veiligheids-");
        words.add("plan is klaar.");
        words.add("De campagne \u00A9 start.");
        assertThat(words.addJoined("Het nieuwe veiligheids-\nplan is klaar.", 0, 1, new int[] {0, 24})).isEqualTo(-1);
        assertThat(words.addJoined("plan is klaar. De campagne \u00A9 start.", 1, 2, new int[] {0, 15})).isEqualTo(-1);
        int t = words.addJoined("plan is klaar.", 1, 1, new int[] {0});
        assertThat(t).isEqualTo(3);
        assertThat(words.sentenceOf(words.textFrom(t))).containsExactly(words.textFrom(t), words.textTo(t));
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

    @Test
    void a_word_a_tables_narrow_column_broke_is_joined_in_the_place_of_its_rest_a_few_columns_on() {
        PageWords words = new PageWords(vocabulary());
        int t = words.add("Actie: zonaal veiligheids- GK / Preventie doorlopend plan met affiches");
        int rest = words.textFrom(t) + 6;
        assertThat(words.text(t).substring(words.start(rest), words.end(rest))).isEqualTo("plan");
        assertThat(words.ids(rest)).isNotEmpty();
        assertThat(words.ids(words.textFrom(t) + 2)).as("the first part stays a word of its own").isEmpty();
    }

    @Test
    void a_part_before_a_hyphen_is_not_joined_with_a_shared_part_a_word_too_far_on_or_into_no_catalogue_word() {
        PageWords words = new PageWords(vocabulary());
        int shared = words.add("De veiligheids- en plan van de stad");
        int far = words.add("Het veiligheids- " + "GK ".repeat(BrokenAddresses.MAX_COLUMN_WORDS) + "plan");
        int noWord = words.add("Het veiligheids- GK jeugdhuis");
        assertThat(words.ids(words.textFrom(shared) + 3)).as("'plan' after 'veiligheids- en'").isEmpty();
        assertThat(words.ids(words.textFrom(far) + 2 + BrokenAddresses.MAX_COLUMN_WORDS)).as("'plan' too far on")
                .isEmpty();
        assertThat(words.ids(words.textFrom(noWord) + 3)).as("'jeugdhuis' stays itself")
                .isNotEmpty().isEqualTo(idsOfAlone("jeugdhuis"));
    }

    @Test
    void only_a_part_that_a_catalogue_word_may_continue_is_kept_for_its_rest() {
        Vocabulary vocabulary = vocabulary();
        assertThat(vocabulary.mayContinue("veiligheids")).as("the start of a stem").isTrue();
        assertThat(vocabulary.mayContinue("fuifzaal")).as("a word matched as a prefix").isTrue();
        assertThat(vocabulary.mayContinue("holebi")).isFalse();
        assertThat(vocabulary.mayContinue("zzz")).as("past the last word").isFalse();
    }

    private static int[] idsOfAlone(String word) {
        PageWords alone = new PageWords(vocabulary());
        return alone.ids(alone.textFrom(alone.add(word)));
    }

    /**
     * The paragraphs of a page are read from their characters joined in one array, each text's part of it; a text
     * read on its own from its copy. Both give the same words at the same offsets, with the same sentences and
     * catalogue words, on the corpus's texts with typographic quotes, ©, very long runs and words broken over lines.
     */
    @Test
    void texts_read_from_their_characters_joined_have_the_words_of_each_read_on_its_own() throws IOException {
        Vocabulary vocabulary = vocabulary();
        List<String> texts = new ArrayList<>(texts());
        texts.addAll(List.of("Het nieuwe veiligheids-", "plan is klaar", "", "\u00AD", "en\u00AD de stad",
                "\u0412\u0435\u0440\u0430 en de campagne", "jeugd- en fuifzalen. Z\u2019n campagne!",
                "2.3 Zonaal veiligheids- GK / Preventie 2026 plan: affiches",
                "x".repeat(LatinWords.MAX_WORD) + " de stad", "de stad " + "x".repeat(LatinWords.MAX_WORD + 1)));
        PageWords joined = new PageWords(vocabulary);
        joined.addAll(texts);
        PageWords own = new PageWords(vocabulary);
        for (String text : texts) {
            own.add(text);
        }
        assertSameWords(joined, own, texts.size());
    }

    /**
     * A page's kept words' arrays go to the next page when it is done: the next page's reading starts from nothing
     * of them.
     */
    @Test
    void a_page_read_in_the_arrays_of_the_one_before_has_the_words_of_a_page_read_afresh() throws IOException {
        Vocabulary vocabulary = vocabulary();
        List<String> texts = texts();
        PageWords before = new PageWords(vocabulary);
        before.addAll(texts.subList(0, texts.size() / 2));
        before.release();
        List<String> next = texts.subList(texts.size() / 3, texts.size());
        PageWords reused = new PageWords(vocabulary);
        PageWords fresh = new PageWords(vocabulary);
        reused.addAll(next);
        fresh.addAll(next);
        assertSameWords(reused, fresh, next.size());
    }

    private static void assertSameWords(PageWords a, PageWords b, int texts) {
        assertThat(a.size()).isEqualTo(b.size());
        for (int t = 0; t < texts; t++) {
            assertThat(a.textFrom(t)).as("text %d", t).isEqualTo(b.textFrom(t));
            assertThat(a.textTo(t)).as("text %d", t).isEqualTo(b.textTo(t));
        }
        for (int w = 0; w < a.size(); w++) {
            assertThat(a.ids(w)).as("word %d", w).isEqualTo(b.ids(w));
            assertThat(a.sentenceOf(w)).as("word %d", w).isEqualTo(b.sentenceOf(w));
            if (a.ids(w).length > 0) {
                assertThat(a.start(w)).as("word %d", w).isEqualTo(b.start(w));
                assertThat(a.end(w)).as("word %d", w).isEqualTo(b.end(w));
            }
        }
        assertThat(a.keptCount()).isEqualTo(b.keptCount());
        for (int id = 0; id < vocabulary().size(); id++) {
            assertThat(a.count(id)).as("catalogue word %d", id).isEqualTo(b.count(id));
            assertThat(a.entries(id)).as("catalogue word %d", id).isEqualTo(b.entries(id));
        }
    }
}
