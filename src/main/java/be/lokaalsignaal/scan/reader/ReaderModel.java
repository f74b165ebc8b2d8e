package be.lokaalsignaal.scan.reader;

import be.lokaalsignaal.scan.extract.PageContent;
import be.lokaalsignaal.topics.SignalKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * www.seksueelgeweld.be") a few words would otherwise weigh as much as a whole page of them.
 */
public final class ReaderModel {

    public static final int MIN_WORDS = 50;

    /** A term of the page and what it added to the score. */
    public record Weighed(String term, double contribution) {
    }

    /**
     * What the reader made of a page: its score, the page's length in words, and the page's terms it weighs with
     * their contributions.
     */
    public record Reading(double score, int words, List<Weighed> weighed) {

        /** Whether the page has words enough for the reader to judge it: it learned from no page shorter. */
        public boolean judges() {
            return words >= MIN_WORDS;
        }
    }

    private final SignalKind kind;
    private final double threshold;
    private final double bias;
    private final Map<String, Double> weights;
    private final List<String> about;
    // for reading a page without making a string of every pair of words: every word of a term by number, the
    // weights of single words by it, of pairs by both numbers
    private final Map<String, Integer> wordIds = new HashMap<>();
    private final List<String> wordsById = new ArrayList<>();
    private final double[] wordWeights;
    private final Map<Long, Double> pairWeights = new HashMap<>();
    // most neighbouring words make no weighed pair: asked first, these spare the boxed look-up
    private final boolean[] firstOfPair;
    private final boolean[] secondOfPair;

    public ReaderModel(SignalKind kind, double threshold, double bias, Map<String, Double> weights, List<String> about) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold " + threshold + " is not between 0 and 1");
        }
        this.kind = kind;
        this.threshold = threshold;
        this.bias = bias;
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
        this.firstOfPair = new boolean[wordsById.size()];
        this.secondOfPair = new boolean[wordsById.size()];
        Arrays.fill(wordWeights, Double.NaN);
        this.weights.forEach((term, w) -> {
            int space = term.indexOf(' ');
            if (space < 0) {
                wordWeights[wordIds.get(term)] = w;
            } else {
                int first = wordIds.get(term.substring(0, space));
                int second = wordIds.get(term.substring(space + 1));
                pairWeights.put(pair(first, second), w);
                firstOfPair[first] = true;
                secondOfPair[second] = true;
            }
        });
    }

    private void id(String word) {
        if (!wordIds.containsKey(word)) {
            wordIds.put(word, wordsById.size());
            wordsById.add(word);
        }
    }

    private static long pair(int first, int second) {
        return ((long) first << 32) | (second & 0xffffffffL);
    }

    public SignalKind kind() {
        return kind;
    }

    public double threshold() {
        return threshold;
    }

    public int size() {
        return weights.size();
    }

    /** The terms the reader weighs. */
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
     * Reads a page as {@link #score(PageTerms.Terms)} scores its terms, without making a string of every pair of its
     * words: on a page of several megabytes those strings cost five times what the whole reading costs now.
     */
    public Reading read(PageContent content, Collection<String> ownNames) {
        boolean[] seenWord = new boolean[wordsById.size()];
        Set<Long> seenPair = new HashSet<>();
        List<int[]> found = new ArrayList<>();
        double[] sum = new double[1];
        int[] length = new int[1];
        PageTerms.read(content, ownNames, (index, words) -> {
            length[0] += words.size();
            int previous = -1;
            for (String word : words) {
                Integer boxed = wordIds.get(word);
                int id = boxed == null ? -1 : boxed;
                if (id >= 0 && !seenWord[id]) {
                    seenWord[id] = true;
                    if (!Double.isNaN(wordWeights[id])) {
                        sum[0] += wordWeights[id];
                        found.add(new int[] {id, -1});
                    }
                }
                if (previous >= 0 && id >= 0 && firstOfPair[previous] && secondOfPair[id]) {
                    long key = pair(previous, id);
                    Double w = pairWeights.get(key);
                    if (w != null && seenPair.add(key)) {
                        sum[0] += w;
                        found.add(new int[] {previous, id});
                    }
                }
                previous = id;
            }
        });
        double scale = scale(length[0]);
        List<Weighed> weighed = new ArrayList<>(found.size());
        for (int[] f : found) {
            String term = f[1] < 0 ? wordsById.get(f[0]) : wordsById.get(f[0]) + ' ' + wordsById.get(f[1]);
            weighed.add(new Weighed(term, weights.get(term) * scale));
        }
        return new Reading(sigmoid(bias + sum[0] * scale), length[0], weighed);
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

    /** Writes the table: comment lines, kind, threshold and bias, then every term with its weight, sorted. */
    public void write(Writer out) throws IOException {
        for (String line : about) {
            out.write("# " + line + "\n");
        }
        out.write("kind\t" + kind.name() + "\n");
        out.write("threshold\t" + number(threshold) + "\n");
        out.write("bias\t" + number(bias) + "\n");
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
                    case "term" -> {
                        String term = field(f, 1, 3, where);
                        if (weights.put(term, Double.parseDouble(f[2])) != null) {
                            throw new IllegalArgumentException(where + ": term '" + term + "' is listed twice");
                        }
                    }
                    default -> throw new IllegalArgumentException(where + ": expected kind, threshold, bias or term, "
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
            return new ReaderModel(kind, threshold, bias, weights, about);
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
