package be.lokaalsignaal.scan.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tartarus.snowball.ext.KpStemmer;

/**
 * Dutch text as the rules see it, through Lucene's analysis module. Text is cut into words at Unicode word
 * boundaries (Lucene's standard tokenizer; for text in the Latin alphabet the same cuts by {@link LatinWords}),
 * folded to ASCII and lower case. A single word gets its Dutch stem
 * (Kraaij-Pohlmann, which joins plurals such as jeugdhuizen/jeugdhuis and campagnes/campagne; the catalogue's
 * own word forms first, for what the stemmer does not join) and the catalogue words it ends in as a compound
 * (sensibiliseringscampagne ends in campagne), found by Lucene's dictionary compound splitter.
 *
 * <p>Thread-safe: Lucene's analyzers keep one token stream per thread.
 */
final class DutchWords {

    /** What a page's word is made of: its stem and the catalogue words it ends in as a compound. */
    record Forms(String stem, List<String> heads) {
    }

    /** Receives the folded words of a text with their character offsets in it. */
    interface Sink {
        void word(char[] buffer, int length, int start, int end);
    }

    private final Analyzer surface;
    private final Analyzer forms;
    private final Analyzer formsWithCompounds;
    private final int minHead;

    /**
     * @param wordForms irregular forms the stemmer does not join, folded: form → the form it stands for
     * @param compoundHeads stems of the catalogue words that count as the last part of a compound word
     */
    DutchWords(Map<String, String> wordForms, Collection<String> compoundHeads) {
        this.surface = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(new ASCIIFoldingFilter(tokenizer)));
            }
        };
        // an override stands for its form's stem: 'gedragingen: gedrag' must meet 'gedrag' as the stemmer reads it
        Analyzer plain = formsAnalyzer(null, null);
        Map<String, String> stems = new java.util.LinkedHashMap<>();
        wordForms.forEach((form, meant) -> stems.put(form, stem(plain, meant)));
        StemmerOverrideFilter.StemmerOverrideMap overrides = overrides(stems);
        this.forms = formsAnalyzer(overrides, null);
        CharArraySet dictionary = compoundHeads.isEmpty() ? null : new CharArraySet(compoundHeads, false);
        this.formsWithCompounds = dictionary == null ? forms : formsAnalyzer(overrides, dictionary);
        this.minHead = compoundHeads.stream().mapToInt(String::length).min().orElse(0);
    }

    private static StemmerOverrideFilter.StemmerOverrideMap overrides(Map<String, String> wordForms) {
        if (wordForms.isEmpty()) {
            return null;
        }
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        wordForms.forEach(builder::add);
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the word forms", e);
        }
    }

    private static Analyzer formsAnalyzer(StemmerOverrideFilter.StemmerOverrideMap overrides, CharArraySet dictionary) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new KeywordTokenizer();
                TokenStream stream = tokenizer;
                if (overrides != null) {
                    stream = new StemmerOverrideFilter(stream, overrides);
                }
                stream = new SnowballFilter(stream, new KpStemmer());
                if (dictionary != null) {
                    int min = dictionary.stream().mapToInt(w -> ((char[]) w).length).min().orElse(1);
                    int max = dictionary.stream().mapToInt(w -> ((char[]) w).length).max().orElse(1);
                    stream = new DictionaryCompoundWordTokenFilter(stream, dictionary, min + 1, min, max, false);
                }
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /** Cuts text into folded words; the sink gets each one with its offsets in the text. */
    void words(String text, Sink sink) {
        words(text, sink, new LatinWords());
    }

    /**
     * Cuts text into folded words with a reader's own buffers; the sink gets each one with its offsets in the text.
     * Text in the Latin alphabet is cut by {@link LatinWords}, the same words at a fraction of the cost; any other
     * by Lucene's standard tokenizer.
     */
    void words(String text, Sink sink, LatinWords latin) {
        if (!latin.read(text, sink)) {
            luceneWords(text, sink);
        }
    }

    /** Cuts text into folded words with Lucene's standard tokenizer, ASCII folding and lower case. */
    void luceneWords(String text, Sink sink) {
        try (TokenStream stream = surface.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                sink.word(term.buffer(), term.length(), offset.startOffset(), offset.endOffset());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read text from a string", e);
        }
    }

    /** The folded words of a short text (a phrase of the catalogue). */
    List<String> words(String text) {
        List<String> out = new ArrayList<>();
        words(text, (buffer, length, start, end) -> out.add(new String(buffer, 0, length)));
        return out;
    }

    /** Stem and compound heads of one folded word. */
    Forms forms(String folded) {
        String word = uninflected(folded);
        String stem = null;
        List<String> heads = List.of();
        Analyzer analyzer = word.length() > minHead ? formsWithCompounds : forms;
        try (TokenStream stream = analyzer.tokenStream("", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String t = term.toString();
                if (stem == null) {
                    stem = t;
                } else if (t.length() < stem.length() && stem.endsWith(t)) {
                    // the splitter finds catalogue words anywhere (actie in actieplan); only the last part
                    // says what a Dutch compound is: an actieplan is a plan, a sensibiliseringsactie an actie
                    if (heads.isEmpty()) {
                        heads = new ArrayList<>(2);
                    }
                    heads.add(t);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a word", e);
        }
        return new Forms(stem == null ? word : stem, heads);
    }

    /** The stem of one folded word, without compound parts. */
    String stemOf(String word) {
        return stem(forms, uninflected(word));
    }

    /**
     * An adjective in -baar inflects to -bare ("openbare ruimte", "herkenbare situaties", "middelbare school"), which
     * the stemmer cuts to "...bar": the compound splitter then reads it as ending in "bar", the place to drink. It is
     * read in its -baar form, as the stemmer leaves it.
     */
    private static String uninflected(String word) {
        return word.endsWith("bare") ? word.substring(0, word.length() - 2) + "ar" : word;
    }

    private static String stem(Analyzer analyzer, String word) {
        try (TokenStream stream = analyzer.tokenStream("", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String stem = stream.incrementToken() ? term.toString() : word;
            stream.end();
            return stem;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a word", e);
        }
    }
}
