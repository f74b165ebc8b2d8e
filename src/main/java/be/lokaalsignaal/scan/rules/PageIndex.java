package be.lokaalsignaal.scan.rules;

import be.lokaalsignaal.scan.extract.PageContent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * The words of one page, read once: every paragraph is cut into words a single time, each word looked up
 * in the catalogue's vocabulary, and the positions of the catalogue words noted. A section (a heading with
 * what follows it, a section element) that is its paragraphs in a row is the range of their words, not
 * read again. Phrases are then found from these positions, once per page for all rules.
 */
final class PageIndex {

    /** A unit the rules look inside: a paragraph, a section, the title or the URL, as a range of words. */
    static final class Block {
        final int index;
        final String text;
        final int from;
        final int to;
        final int firstSource;
        final int[] bases;
        /** The paragraphs a section is made of, first and last; -1 for blocks that are not. */
        final int firstParagraph;
        final int lastParagraph;

        Block(int index, String text, int from, int to, int firstSource, int[] bases) {
            this(index, text, from, to, firstSource, bases, -1, -1);
        }

        Block(int index, String text, int from, int to, int firstSource, int[] bases, int firstParagraph,
              int lastParagraph) {
            this.index = index;
            this.text = text;
            this.from = from;
            this.to = to;
            this.firstSource = firstSource;
            this.bases = bases;
            this.firstParagraph = firstParagraph;
            this.lastParagraph = lastParagraph;
        }

        boolean holds(int start, int end) {
            return start >= from && end <= to;
        }
    }

    private static final int[] NONE = new int[0];
    private static final int PREFIX = 16;
    private static final int MAX_ALIGN_TRIES = 32;

    private final Vocabulary vocabulary;
    private final CharArrayMap<int[]> seen = new CharArrayMap<>(1024, false);
    private final List<String> sources = new ArrayList<>();
    private int size;
    private int[] source;
    private int[] start;
    private int[] end;
    private int[][] ids;
    /** Sentence number of each word: a new one after '.', '!' or '?' and at the start of every text. */
    private int[] sentence;
    private int sentences;
    private final int[][] postings;
    private final int[] postingCounts;
    private final int[][] occurrences;

    final List<Block> blocks = new ArrayList<>();
    final int paragraphs;
    final Block title;
    final Block url;

    PageIndex(PageContent content, Vocabulary vocabulary, int phrases) {
        this.vocabulary = vocabulary;
        this.postings = new int[vocabulary.size()][];
        this.postingCounts = new int[vocabulary.size()];
        this.occurrences = new int[phrases][];
        List<String> texts = content.blocks();
        this.paragraphs = content.paragraphs();
        long chars = 0;
        for (int i = 0; i < paragraphs; i++) {
            chars += texts.get(i).length();
        }
        // Dutch words are about six characters with their space: room for all without growing, mostly
        int room = (int) Math.min(Integer.MAX_VALUE / 2, 64 + chars / 6);
        source = new int[room];
        start = new int[room];
        end = new int[room];
        ids = new int[room][];
        sentence = new int[room];
        for (int i = 0; i < paragraphs; i++) {
            int from = size;
            int src = addSource(texts.get(i));
            blocks.add(new Block(i, texts.get(i), from, size, src, new int[] {0}));
        }
        Map<String, List<Integer>> byPrefix = texts.size() > paragraphs ? prefixes(texts) : Map.of();
        for (int i = paragraphs; i < texts.size(); i++) {
            String text = texts.get(i);
            Block aligned = align(i, text, texts, byPrefix);
            if (aligned != null) {
                blocks.add(aligned);
            } else {
                int from = size;
                int src = addSource(text);
                blocks.add(new Block(i, text, from, size, src, new int[] {0}));
            }
        }
        endAtNextHeading();
        String t = content.title() == null ? "" : content.title();
        int from = size;
        int src = addSource(t);
        this.title = new Block(-1, t, from, size, src, new int[] {0});
        String u = urlWords(content.url());
        from = size;
        src = addSource(u);
        this.url = new Block(-1, u, from, size, src, new int[] {0});
    }

    /** A URL path says what a page is about: /veiligheid/zonaal-veiligheidsplan-2020. */
    private static String urlWords(String url) {
        if (url == null) {
            return "";
        }
        try {
            return URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    // ------------------------------------------------------------------ words

    private int addSource(String text) {
        sentences++;
        int src = sources.size();
        sources.add(text);
        Reader reader = new Reader(src, text);
        vocabulary.dutch().words(text, reader);
        reader.flush();
        return src;
    }

    /** Receives the words of one text; joins a word broken by a hyphen at a line end ("seksu- eel"). */
    private final class Reader implements DutchWords.Sink {
        private final int src;
        private final String text;
        private char[] pending = new char[64];
        private int pendingLength = -1;
        private int pendingStart;
        private int pendingEnd;
        private int lastEnd = -1;

        Reader(int src, String text) {
            this.src = src;
            this.text = text;
        }

        @Override
        public void word(char[] buffer, int length, int wordStart, int wordEnd) {
            if (pendingLength >= 0 && brokenAcrossLines(wordStart, buffer, length)) {
                append(buffer, length);
                pendingEnd = wordEnd;
                return;
            }
            flush();
            pendingLength = 0;
            append(buffer, length);
            pendingStart = wordStart;
            pendingEnd = wordEnd;
        }

        private void append(char[] buffer, int length) {
            if (pendingLength + length > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + length));
            }
            System.arraycopy(buffer, 0, pending, pendingLength, length);
            pendingLength += length;
        }

        /** "veiligheids- plan": a hyphen, white space, then a lower-case word that is not a conjunction. */
        private boolean brokenAcrossLines(int wordStart, char[] buffer, int length) {
            if (pendingEnd >= text.length() || text.charAt(pendingEnd) != '-' || wordStart <= pendingEnd + 1) {
                return false;
            }
            for (int i = pendingEnd + 1; i < wordStart; i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    return false;
                }
            }
            if (!Character.isLowerCase(text.charAt(wordStart))) {
                return false;
            }
            // "jeugd- en fuifzalen", "brand- of inbraakpreventie": the hyphen stands for a shared part
            return !(length == 2 && buffer[0] == 'e' && buffer[1] == 'n'
                    || length == 2 && buffer[0] == 'o' && buffer[1] == 'f'
                    || length == 3 && buffer[0] == 't' && buffer[1] == 'o' && buffer[2] == 't');
        }

        void flush() {
            if (pendingLength < 0) {
                return;
            }
            int[] wordIds = seen.get(pending, 0, pendingLength);
            if (wordIds == null) {
                String w = new String(pending, 0, pendingLength);
                wordIds = vocabulary.match(w);
                seen.put(w, wordIds);
            }
            if (lastEnd >= 0 && endsSentence(text, lastEnd, pendingStart)) {
                sentences++;
            }
            lastEnd = pendingEnd;
            addWord(src, pendingStart, pendingEnd, wordIds);
            pendingLength = -1;
        }
    }

    private static boolean endsSentence(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?') {
                return true;
            }
        }
        return false;
    }

    private void addWord(int src, int wordStart, int wordEnd, int[] wordIds) {
        if (size == source.length) {
            int n = size * 2;
            sentence = Arrays.copyOf(sentence, n);
            source = Arrays.copyOf(source, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            ids = Arrays.copyOf(ids, n);
        }
        source[size] = src;
        sentence[size] = sentences;
        start[size] = wordStart;
        end[size] = wordEnd;
        ids[size] = wordIds;
        for (int id : wordIds) {
            int[] p = postings[id];
            int n = postingCounts[id];
            if (p == null) {
                p = postings[id] = new int[4];
            } else if (n == p.length) {
                p = postings[id] = Arrays.copyOf(p, n * 2);
            }
            p[n] = size;
            postingCounts[id] = n + 1;
        }
        size++;
    }

    // ------------------------------------------------------------------ sections

    private Map<String, List<Integer>> prefixes(List<String> texts) {
        Map<String, List<Integer>> out = new HashMap<>();
        for (int i = 0; i < paragraphs; i++) {
            String p = texts.get(i);
            out.computeIfAbsent(p.substring(0, Math.min(PREFIX, p.length())), k -> new ArrayList<>(1)).add(i);
        }
        return out;
    }

    /** The section as the range of the paragraphs it is made of, joined by one space or line break; or null. */
    private Block align(int index, String section, List<String> texts, Map<String, List<Integer>> byPrefix) {
        int tries = 0;
        int limit = Math.min(PREFIX, section.length());
        for (int len = 1; len <= limit; len++) {
            if (len < limit && !separator(section.charAt(len))) {
                continue;
            }
            List<Integer> candidates = byPrefix.get(section.substring(0, len));
            if (candidates == null) {
                continue;
            }
            for (int first : candidates) {
                if (++tries > MAX_ALIGN_TRIES) {
                    return null;
                }
                Block b = alignFrom(index, section, texts, first);
                if (b != null) {
                    return b;
                }
            }
        }
        return null;
    }

    private Block alignFrom(int index, String section, List<String> texts, int first) {
        int pos = 0;
        int[] bases = new int[4];
        for (int j = first; j < paragraphs; j++) {
            String p = texts.get(j);
            if (!section.startsWith(p, pos)) {
                return null;
            }
            if (j - first == bases.length) {
                bases = Arrays.copyOf(bases, bases.length * 2);
            }
            bases[j - first] = pos;
            pos += p.length();
            if (pos == section.length()) {
                Block firstBlock = blocks.get(first);
                Block lastBlock = blocks.get(j);
                return new Block(index, section, firstBlock.from, lastBlock.to, firstBlock.firstSource,
                        Arrays.copyOf(bases, j - first + 1), first, j);
            }
            if (!separator(section.charAt(pos))) {
                return null;
            }
            pos++;
        }
        return null;
    }

    /**
     * A section ends where another one starts inside it: a heading's section stops at the next heading, of any
     * level. An h1 with everything below it, news items and footer included, is not one block of text.
     */
    private void endAtNextHeading() {
        int[] starts = blocks.stream().filter(b -> b.firstParagraph >= 0).mapToInt(b -> b.firstParagraph)
                .sorted().distinct().toArray();
        for (int i = paragraphs; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.firstParagraph < 0 || b.lastParagraph == b.firstParagraph) {
                continue;
            }
            int k = Arrays.binarySearch(starts, b.firstParagraph) + 1;
            if (k < starts.length && starts[k] <= b.lastParagraph) {
                int last = starts[k] - 1;
                int n = last - b.firstParagraph + 1;
                Block lastBlock = blocks.get(last);
                int[] bases = Arrays.copyOf(b.bases, n);
                String text = b.text.substring(0, bases[n - 1] + lastBlock.text.length());
                blocks.set(i, new Block(b.index, text, b.from, lastBlock.to, b.firstSource, bases, b.firstParagraph,
                        last));
            }
        }
    }

    private static boolean separator(char c) {
        return c == ' ' || c == '\n';
    }

    // ------------------------------------------------------------------ phrases

    int size() {
        return size;
    }

    /** Where the phrase starts, in increasing order; computed once per page. */
    int[] occurrences(Phrase phrase) {
        int[] memo = occurrences[phrase.id()];
        if (memo != null) {
            return memo;
        }
        int[] words = phrase.words();
        int[] first = postings[words[0]];
        int count = postingCounts[words[0]];
        if (first == null) {
            occurrences[phrase.id()] = NONE;
            return NONE;
        }
        int[] out = new int[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            int pos = first[i];
            if (pos + words.length > size) {
                break;
            }
            boolean all = true;
            for (int k = 1; k < words.length && all; k++) {
                all = has(ids[pos + k], words[k]) && source[pos + k] == source[pos];
            }
            if (all) {
                out[n++] = pos;
            }
        }
        int[] result = n == count ? out : Arrays.copyOf(out, n);
        occurrences[phrase.id()] = result;
        return result;
    }

    private static boolean has(int[] wordIds, int id) {
        for (int w : wordIds) {
            if (w == id) {
                return true;
            }
        }
        return false;
    }

    /** The words of the sentence that holds a word, from (inclusive) and to (exclusive). */
    int[] sentenceOf(int word) {
        int from = word;
        while (from > 0 && sentence[from - 1] == sentence[word]) {
            from--;
        }
        int to = word + 1;
        while (to < size && sentence[to] == sentence[word]) {
            to++;
        }
        return new int[] {from, to};
    }

    /** The words of the paragraph (or other text) that holds a word, from (inclusive) and to (exclusive). */
    int[] textOf(int word) {
        int from = word;
        while (from > 0 && source[from - 1] == source[word]) {
            from--;
        }
        int to = word + 1;
        while (to < size && source[to] == source[word]) {
            to++;
        }
        return new int[] {from, to};
    }

    /** The paragraph block holding a word, or -1 for words of sections read on their own, title and URL. */
    int paragraphOf(int word) {
        int lo = 0;
        int hi = paragraphs - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Block b = blocks.get(mid);
            if (word < b.from) {
                hi = mid - 1;
            } else if (word >= b.to) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Where a word starts in the text of a block. */
    int charStart(Block block, int word) {
        return block.bases[source[word] - block.firstSource] + start[word];
    }

    /** Where a word ends in the text of a block. */
    int charEnd(Block block, int word) {
        return block.bases[source[word] - block.firstSource] + end[word];
    }

    /** The words from..to (exclusive) as written on the page. */
    String text(Block block, int from, int to) {
        return block.text.substring(charStart(block, from), charEnd(block, to - 1));
    }

    /** Whether the first letter of a word is written as a capital. */
    boolean capitalised(int word) {
        String s = sources.get(source[word]);
        return Character.isUpperCase(s.charAt(start[word]));
    }
}
