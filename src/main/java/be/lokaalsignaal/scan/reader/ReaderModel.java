package be.lokaalsignaal.scan.reader;

import be.lokaalsignaal.scan.extract.PageContent;
import be.lokaalsignaal.topics.SignalKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;

/**
 * A reader of one signal kind: a logistic regression over a page's {@link PageTerms}, trained on the labelled
 * corpus. A page shows the kind when its score reaches the threshold. Written as a plain table, one term and its
 * weight a line, so that a reviewer can look up what a word counts for. Immutable and thread-safe.
 *
 * <p>The score is {@code 1 / (1 + e^-(bias + sum of the weights of the page's terms / sqrt(number of words)))}:
 * dividing by the root of the page's length keeps a long page from scoring high on many weak words. A page of fewer
 * than {@value #MIN_WORDS} words is divided as if it had that many: on a line or two ("Hulp nodig? Surf naar
 * www.seksueelgeweld.be") a few words would otherwise weigh as much as a whole page of them. A page shorter than
 * that, or longer than the longest the reader learned from, it does not judge: one paragraph on the theme in a report
 * of fifty pages weighs next to nothing divided by the root of the whole, and the reader has never seen such a page.
 */
public final class ReaderModel {

    public static final int MIN_WORDS = 50;

    /** A term of the page and what it added to the score. */
    public record Weighed(String term, double contribution) {
    }

    /**
     * What the reader made of a page: its score, the page's length in words, the most words of a page it learned
     * from, the page's terms it weighs with their contributions, and whether the page is written in another language
     * ({@link PageLanguage}).
     */
    public record Reading(double score, int words, int longest, List<Weighed> weighed, boolean foreign) {

        /**
         * Whether the reader can judge the page: of a length it learned from (no page shorter or longer), and in
         * Dutch, the language of every page it learned from.
         */
        public boolean judges() {
            return words >= MIN_WORDS && words <= longest && !foreign;
        }
    }

    private final SignalKind kind;
    private final double threshold;
    private final double bias;
    private final int longest;
    private final Map<String, Double> weights;
    private final List<String> about;
    // for reading a page without making a string of every pair of words: every word of a term by number, the
    // weights of single words by it
    private final Map<String, Integer> wordIds = new HashMap<>();
    private final List<String> wordsById = new ArrayList<>();
    private final double[] wordWeights;
    // pairs as terms (found by the numbers of a lexicon: Translation)
    private final double[] pairWeights;
    private final String[] pairTerms;
    // its own words, built when a page is first read by this reader alone: in a catalogue, readers share one
    private volatile Lexicon own;
    private volatile Translation translation;

    /** A reader that judges pages of any length from {@value #MIN_WORDS} words. */
    public ReaderModel(SignalKind kind, double threshold, double bias, Map<String, Double> weights, List<String> about) {
        this(kind, threshold, bias, Integer.MAX_VALUE, weights, about);
    }

    /**
     * @param longest the most words of a page the reader learned from: it judges no longer page
     */
    public ReaderModel(SignalKind kind, double threshold, double bias, int longest, Map<String, Double> weights,
                       List<String> about) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold " + threshold + " is not between 0 and 1");
        }
        if (longest < MIN_WORDS) {
            throw new IllegalArgumentException("longest " + longest + " is below " + MIN_WORDS + " words");
        }
        this.kind = kind;
        this.threshold = threshold;
        this.bias = bias;
        this.longest = longest;
        this.weights = new TreeMap<>(weights);
        this.about = List.copyOf(about);
        for (String term : this.weights.keySet()) {
            int space = term.indexOf(' ');
            if (space < 0) {
                id(term);
            } else {
                id(term.substring(0, space));
                id(term.substring(space + 1));
            }
        }
        this.wordWeights = new double[wordsById.size()];
        Arrays.fill(wordWeights, Double.NaN);
        int pairs = (int) this.weights.keySet().stream().filter(t -> t.indexOf(' ') >= 0).count();
        this.pairWeights = new double[pairs];
        this.pairTerms = new String[pairs];
        int n = 0;
        for (Map.Entry<String, Double> e : this.weights.entrySet()) {
            String term = e.getKey();
            int space = term.indexOf(' ');
            if (space < 0) {
                wordWeights[wordIds.get(term)] = e.getValue();
            } else {
                pairWeights[n] = e.getValue();
                pairTerms[n] = term;
                n++;
            }
        }
    }

    private void id(String word) {
        if (!wordIds.containsKey(word)) {
            wordIds.put(word, wordsById.size());
            wordsById.add(word);
        }
    }

    public SignalKind kind() {
        return kind;
    }

    public double threshold() {
        return threshold;
    }

    /** The most words of a page the reader learned from ({@link Integer#MAX_VALUE} where the table does not say). */
    public int longest() {
        return longest;
    }

    public int size() {
        return weights.size();
    }

    /** What a term weighs before its page's length divides it: 0 for a term the reader does not weigh. */
    public double weight(String term) {
        return weights.getOrDefault(term, 0.0);
    }

    /** The terms the reader weighs, words and pairs: what a {@link Lexicon} shared by several readers numbers. */
    public Set<String> terms() {
        return Collections.unmodifiableSet(weights.keySet());
    }

    /** The score of a page by its terms and its length in words. */
    public double score(PageTerms.Terms terms) {
        double sum = 0;
        for (String t : terms.all()) {
            Double w = weights.get(t);
            if (w != null) {
                sum += w;
            }
        }
        return sigmoid(bias + sum * scale(terms.words()));
    }

    /** What a term's weight counts for on a page of this many words. */
    public static double scale(int words) {
        return 1 / Math.sqrt(Math.max(words, MIN_WORDS));
    }

    /**
     * Reads a page as {@link #score(PageTerms.Terms)} scores its terms, cutting it with this reader's own lexicon: for
     * one reader alone; {@link #read(Lexicon.Cut)} reads a page cut once for several.
     */
    public Reading read(PageContent content, Collection<String> ownNames) {
        Lexicon lexicon = own;
        if (lexicon == null) {
            lexicon = new Lexicon(weights.keySet());
            own = lexicon;
        }
        return read(lexicon.cut(content, ownNames, longest));
    }

    /**
     * Reads a page as {@link #score(PageTerms.Terms)} scores its terms, without making a string of a word or a pair of
     * them: on a page of several megabytes those strings cost several times what the whole reading costs now.
     */
    public Reading read(Lexicon.Cut cut) {
        if (!cut.whole()) {
            if (cut.words() <= longest) {
                throw new IllegalArgumentException("the page was cut at " + cut.words() + " words, but the reader "
                        + "judges pages of up to " + longest);
            }
            // cut part-way because the page is longer than any the reader judges
            return new Reading(Double.NaN, cut.words(), longest, List.of(), false);
        }
        Translation t = translation(cut.lexicon());
        double[] weightOf = t.wordWeight();
        double[] pairWeightOf = t.pairWeight();
        int[] terms = cut.terms();
        // what was weighed, in page order, as the cut gives its terms; made into terms only when asked (on most
        // pages a reader reads it does not find its kind)
        int[] weighed = new int[terms.length];
        int n = 0;
        double sum = 0;
        for (int code : terms) {
            double w = code >= 0 ? weightOf[code] : pairWeightOf[-code - 1];
            if (!Double.isNaN(w)) {
                sum += w;
                weighed[n++] = code;
            }
        }
        double scale = scale(cut.words());
        return new Reading(sigmoid(bias + sum * scale), cut.words(), longest,
                new WeighedTerms(t, weighed, n, scale), cut.foreign());
    }

    /** A page's weighed terms as {@link Weighed}, each made when asked for. */
    private static final class WeighedTerms extends AbstractList<Weighed> implements RandomAccess {
        private final Translation weights;
        private final int[] codes;
        private final int size;
        private final double scale;

        WeighedTerms(Translation weights, int[] codes, int size, double scale) {
            this.weights = weights;
            this.codes = codes;
            this.size = size;
            this.scale = scale;
        }

        @Override
        public Weighed get(int i) {
            Objects.checkIndex(i, size);
            int code = codes[i];
            if (code >= 0) {
                return new Weighed(weights.lexicon().word(code), weights.wordWeight()[code] * scale);
            }
            int q = -code - 1;
            return new Weighed(weights.lexicon().pair(q), weights.pairWeight()[q] * scale);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** This reader's weights by the numbers of a lexicon, made once per lexicon. */
    private Translation translation(Lexicon of) {
        Translation t = translation;
        if (t == null || t.lexicon() != of) {
            t = translationOf(of);
            // the last lexicon read with: a catalogue reads every page with the same one
            translation = t;
        }
        return t;
    }

    private Translation translationOf(Lexicon of) {
        double[] wordWeight = new double[of.size()];
        Arrays.fill(wordWeight, Double.NaN);
        int known = 0;
        for (int u = 0; u < wordWeight.length; u++) {
            Integer local = wordIds.get(of.word(u));
            if (local != null) {
                known++;
                wordWeight[u] = wordWeights[local];
            }
        }
        double[] pairWeight = new double[of.pairs()];
        Arrays.fill(pairWeight, Double.NaN);
        int pairsKnown = 0;
        for (int q = 0; q < pairTerms.length; q++) {
            int n = of.pair(pairTerms[q]);
            if (n >= 0) {
                pairsKnown++;
                pairWeight[n] = pairWeights[q];
            }
        }
        if (known < wordsById.size() || pairsKnown < pairTerms.length) {
            // a word or pair the lexicon lacks would be read as unknown: a lower score, silently
            throw new IllegalArgumentException("the lexicon lacks " + (wordsById.size() - known) + " of the reader's "
                    + wordsById.size() + " words and " + (pairTerms.length - pairsKnown) + " of its "
                    + pairTerms.length + " pairs");
        }
        return new Translation(of, wordWeight, pairWeight);
    }

    /** This reader's weights by the numbers of a lexicon: NaN where it weighs no such word or pair. */
    private record Translation(Lexicon lexicon, double[] wordWeight, double[] pairWeight) {
    }

    public boolean shows(double score) {
        return score >= threshold;
    }

    /** Of a reading, the terms that weigh most towards the kind (positive weights only), strongest first. */
    public static List<Weighed> strongest(Reading reading, int n) {
        return reading.weighed().stream().filter(w -> w.contribution() > 0)
                .sorted(Comparator.comparingDouble(Weighed::contribution).reversed().thenComparing(Weighed::term))
                .limit(n).toList();
    }

    /** Of these sets of terms (a page's paragraphs), the index of the one whose weights add up highest; -1 if none. */
    public int weightiest(List<Set<String>> parts) {
        int best = -1;
        double top = 0;
        for (int i = 0; i < parts.size(); i++) {
            double sum = 0;
            for (String t : parts.get(i)) {
                sum += weights.getOrDefault(t, 0.0);
            }
            if (sum > top) {
                top = sum;
                best = i;
            }
        }
        return best;
    }

    private static double sigmoid(double s) {
        return 1 / (1 + Math.exp(-s));
    }

    /**
     * Writes the table: comment lines, kind, threshold, bias and the longest page learned from (where known), then
     * every term with its weight, sorted.
     */
    public void write(Writer out) throws IOException {
        for (String line : about) {
            out.write("# " + line + "\n");
        }
        out.write("kind\t" + kind.name() + "\n");
        out.write("threshold\t" + number(threshold) + "\n");
        out.write("bias\t" + number(bias) + "\n");
        if (longest != Integer.MAX_VALUE) {
            out.write("longest\t" + longest + "\n");
        }
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            out.write("term\t" + e.getKey() + "\t" + number(e.getValue()) + "\n");
        }
    }

    static String number(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }

    /**
     * Reads a table written by {@link #write}.
     *
     * @throws IllegalArgumentException naming the source and the line at fault
     */
    public static ReaderModel read(Reader in, String source) throws IOException {
        BufferedReader lines = new BufferedReader(in);
        SignalKind kind = null;
        Double threshold = null;
        Double bias = null;
        int longest = Integer.MAX_VALUE;
        Map<String, Double> weights = new TreeMap<>();
        List<String> about = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = lines.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                about.add(line.substring(1).strip());
                continue;
            }
            String[] f = line.split("\t", -1);
            String where = source + " line " + n;
            try {
                switch (f[0]) {
                    case "kind" -> kind = SignalKind.parse(field(f, 1, 2, where));
                    case "threshold" -> threshold = Double.parseDouble(field(f, 1, 2, where));
                    case "bias" -> bias = Double.parseDouble(field(f, 1, 2, where));
                    case "longest" -> longest = Integer.parseInt(field(f, 1, 2, where));
                    case "term" -> {
                        String term = field(f, 1, 3, where);
                        if (weights.put(term, Double.parseDouble(f[2])) != null) {
                            throw new IllegalArgumentException(where + ": term '" + term + "' is listed twice");
                        }
                    }
                    default -> throw new IllegalArgumentException(where + ": expected kind, threshold, bias, longest or term, "
                            + "not '" + f[0] + "'");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": not a number: " + e.getMessage());
            }
        }
        if (kind == null || threshold == null || bias == null) {
            throw new IllegalArgumentException(source + ": kind, threshold and bias are required");
        }
        try {
            return new ReaderModel(kind, threshold, bias, longest, weights, about);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
    }

    private static String field(String[] f, int i, int count, String where) {
        if (f.length != count) {
            throw new IllegalArgumentException(where + ": expected " + count + " fields separated by tabs, found "
                    + f.length);
        }
        return f[i];
    }
}
