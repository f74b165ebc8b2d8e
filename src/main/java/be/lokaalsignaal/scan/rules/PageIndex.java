package be.lokaalsignaal.scan.rules;

import be.lokaalsignaal.scan.extract.PageContent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The blocks of one page over its words ({@link PageWords}), read once: the paragraphs in one pass; a section (a
 * heading with what follows it, a section element, a PDF page) that is its paragraphs in a row is the range of
 * their words, not read again. Phrases are found from the catalogue words' positions, once per page for all rules.
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
    private static final int[] AT_START = {0};
    /** A page with more paragraphs than fit in these bits has its sections read whole, as it always had. */
    private static final int PARAGRAPH_BITS = 27;
    private static final int PREFIX = 16;
    private static final int MAX_ALIGN_TRIES = 32;
    /** Paragraphs tried as a section's first for reading it from their words; any that it is will do. */
    private static final int MAX_LINE_TRIES = 8;
    /** Spaces and line breaks tried as the end of a section's first paragraph: a heading's or a table cell's. */
    private static final int MAX_LINE_SPLITS = 32;
    /** The last characters of a paragraph that tell it from others of its length and beginning (a number, a date). */
    private static final int LINE_END = 4;
    /** Characters after a word looked through for the question mark that ends its sentence. */
    private static final int MAX_QUESTION = 400;
    /** Characters of an explanation in brackets that {@link #figuresAfter} looks past. */
    private static final int MAX_BRACKETS = 200;

    private final PageWords words;
    /** The paragraphs' characters, each followed by a line break; while aligning sections. */
    private JoinedTexts joined;
    private char[] sectionChars = new char[1024];
    /** Where sections may start: paragraphs by their first characters ({@link #prefixes}). */
    private long[] prefixKeys;
    private int[] prefixFirst;
    private int[] nextOfPrefix;
    /** Each paragraph's hash of its first characters. */
    private int[] prefixHash;
    private final int[][] occurrences;
    /** Paragraphs by their length and first and last characters, for reading a section from its paragraphs' words. */
    private long[] lineKeys;
    private int[] lineFirst;
    private int[] nextOfLine;
    /** The text number of the first paragraph. */
    private int firstText;

    final List<Block> blocks;
    final int paragraphs;
    final Block title;
    final Block url;

    PageIndex(PageContent content, Vocabulary vocabulary, int phrases) {
        this.words = new PageWords(vocabulary);
        this.occurrences = new int[phrases][];
        List<String> texts = content.blocks();
        this.blocks = new ArrayList<>(texts.size());
        this.paragraphs = content.paragraphs();
        JoinedTexts paragraphText = JoinedTexts.of(texts.subList(0, paragraphs));
        int first = words.addAll(texts.subList(0, paragraphs), paragraphText);
        this.firstText = first;
        for (int i = 0; i < paragraphs; i++) {
            blocks.add(new Block(i, texts.get(i), words.textFrom(first + i), words.textTo(first + i), first + i,
                    AT_START));
        }
        boolean aligning = texts.size() > paragraphs && paragraphs < 1 << PARAGRAPH_BITS;
        if (aligning) {
            joined = paragraphText;
        }
        for (int i = paragraphs; i < texts.size(); i++) {
            String text = texts.get(i);
            Block aligned = aligning ? align(i, text, content.sectionStart(i - paragraphs)) : null;
            blocks.add(aligned != null ? aligned : aligning ? wholeFromParagraphs(i, text) : whole(i, text));
        }
        joined = null;
        paragraphText.release();
        endAtNextHeading();
        this.title = whole(-1, content.title() == null ? "" : content.title());
        this.url = whole(-1, urlWords(content.url()));
    }

    /** A text read on its own as a block. */
    private Block whole(int index, String text) {
        int t = words.add(text);
        return new Block(index, text, words.textFrom(t), words.textTo(t), t, AT_START);
    }

    /**
     * A section read on its own, from the words of paragraphs it is made of when it is some (found by its first
     * line, wherever they stand): the council minutes of a long page are hundreds of sections whose beginning too
     * many paragraphs share to be aligned, and reading their characters again costs as much as aligning them would
     * save. The words are the same as read from the characters ({@link PageWords#addJoined}), and the block is
     * still a text of its own.
     */
    private Block wholeFromParagraphs(int index, String section) {
        int[] run = paragraphRun(section);
        if (run != null) {
            int first = run[0];
            int last = run[1];
            int t = words.addJoined(section, firstText + first, firstText + last, Arrays.copyOfRange(run, 2,
                    run.length));
            if (t >= 0) {
                return new Block(index, section, words.textFrom(t), words.textTo(t), t, AT_START);
            }
        }
        return whole(index, section);
    }

    /**
     * Paragraphs that the section is, joined by one space or line break each, found by the section's first paragraph
     * (its text up to a space or line break, by length, first and last characters): the first and last paragraph and
     * where each starts in the section; or null. Any such paragraphs have the same words.
     */
    private int[] paragraphRun(String section) {
        if (lineKeys == null) {
            lines();
        }
        boolean loaded = false;
        int tries = 0;
        int n = section.length();
        // the first paragraph ends at a space or line break, or the section is one paragraph
        int splits = 0;
        for (int length = 1; length <= n && tries < MAX_LINE_TRIES; length++) {
            if (length < n && !separator(section.charAt(length))) {
                continue;
            }
            if (++splits > MAX_LINE_SPLITS && length < n) {
                break;
            }
            int h = 0;
            for (int k = 0, m = Math.min(PREFIX, length); k < m; k++) {
                h = 31 * h + section.charAt(k);
            }
            for (int k = Math.max(PREFIX, length - LINE_END); k < length; k++) {
                h = 31 * h + section.charAt(k);
            }
            int slot = lineSlot(lineKey(h, length));
            if (lineKeys[slot] == 0) {
                continue;
            }
            for (int first = lineFirst[slot]; first >= 0 && tries < MAX_LINE_TRIES; first = nextOfLine[first]) {
                tries++;
                if (!loaded) {
                    load(section);
                    loaded = true;
                }
                int[] run = runFrom(n, first);
                if (run != null) {
                    return run;
                }
            }
        }
        return null;
    }

    /** The paragraphs by their length and first and last characters, as {@link #prefixes}; built when first needed. */
    private void lines() {
        if (prefixKeys == null) {
            prefixes();
        }
        int size = Integer.highestOneBit(Math.max(8, 2 * paragraphs - 1)) << 1;
        lineKeys = new long[size];
        lineFirst = new int[size];
        nextOfLine = new int[paragraphs];
        char[] chars = joined.chars();
        for (int i = paragraphs - 1; i >= 0; i--) {
            int from = joined.from(i);
            int length = joined.to(i) - from;
            int h = prefixHash[i];
            // and the last: many lines share their beginning ("Verslag gemeenteraad zitting 112")
            for (int k = Math.max(PREFIX, length - LINE_END); k < length; k++) {
                h = 31 * h + chars[from + k];
            }
            long key = lineKey(h, length);
            int slot = lineSlot(key);
            if (lineKeys[slot] == 0) {
                lineKeys[slot] = key;
                nextOfLine[i] = -1;
            } else {
                nextOfLine[i] = lineFirst[slot];
            }
            lineFirst[slot] = i;
        }
    }

    /** Hash of the first and last characters and the length of a line, never 0. */
    private static long lineKey(int h, int length) {
        return (h & 0xFFFFFFFFL) << 32 | 1L << 31 | length;
    }

    private int lineSlot(long key) {
        int mask = lineKeys.length - 1;
        int s = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (lineKeys[s] != 0 && lineKeys[s] != key) {
            s = (s + 1) & mask;
        }
        return s;
    }

    /** As {@link #alignFrom}, the first and last paragraph and the bases, or null. */
    private int[] runFrom(int n, int first) {
        char[] chars = sectionChars;
        int pos = 0;
        int[] run = new int[6];
        for (int j = first; j < paragraphs; j++) {
            int from = joined.from(j);
            int length = joined.to(j) - from;
            if (pos + length > n || !Arrays.equals(chars, pos, pos + length, joined.chars(), from, from + length)) {
                return null;
            }
            if (j - first + 2 == run.length) {
                run = Arrays.copyOf(run, run.length * 2);
            }
            run[j - first + 2] = pos;
            pos += length;
            if (pos == n) {
                run[0] = first;
                run[1] = j;
                return Arrays.copyOf(run, j - first + 3);
            }
            if (!separator(chars[pos])) {
                return null;
            }
            pos++;
        }
        return null;
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

    // ------------------------------------------------------------------ sections

    /**
     * The paragraphs by a hash of their first characters (up to 16), for finding where a section starts: a table of
     * keys with the first paragraph of each, and for every paragraph the next one of its key, in page order.
     */
    private void prefixes() {
        int size = Integer.highestOneBit(Math.max(8, 2 * paragraphs - 1)) << 1;
        prefixKeys = new long[size];
        prefixFirst = new int[size];
        nextOfPrefix = new int[paragraphs];
        prefixHash = new int[paragraphs];
        char[] chars = joined.chars();
        // from the last paragraph to the first: each is put in front of the later ones of its key
        for (int i = paragraphs - 1; i >= 0; i--) {
            int from = joined.from(i);
            int len = Math.min(PREFIX, joined.to(i) - from);
            int h = 0;
            for (int k = 0; k < len; k++) {
                h = 31 * h + chars[from + k];
            }
            prefixHash[i] = h;
            long key = key(h, len);
            int slot = prefixSlot(key);
            if (prefixKeys[slot] == 0) {
                prefixKeys[slot] = key;
                nextOfPrefix[i] = -1;
            } else {
                nextOfPrefix[i] = prefixFirst[slot];
            }
            prefixFirst[slot] = i;
        }
    }

    /** Hash and length of a prefix, never 0. */
    private static long key(int h, int len) {
        return 1L << 40 | (h & 0xFFFFFFFFL) << 5 | len;
    }

    /** The slot of a key in the table of prefixes: its own or the first empty one after it. */
    private int prefixSlot(long key) {
        int mask = prefixKeys.length - 1;
        int s = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (prefixKeys[s] != 0 && prefixKeys[s] != key) {
            s = (s + 1) & mask;
        }
        return s;
    }

    /**
     * The section as the range of the paragraphs it is made of, joined by one space or line break; or null. Looked
     * for first from the paragraph the page's source says it starts at (a heading's section at the heading), then
     * among the paragraphs that begin as it does.
     */
    private Block align(int index, String section, int start) {
        boolean loaded = false;
        if (start >= 0 && start < paragraphs) {
            load(section);
            loaded = true;
            Block b = alignFrom(index, section, start);
            if (b != null) {
                return b;
            }
        }
        if (prefixKeys == null) {
            prefixes();
        }
        int tries = 0;
        int limit = Math.min(PREFIX, section.length());
        int h = 0;
        for (int len = 1; len <= limit; len++) {
            h = 31 * h + section.charAt(len - 1);
            if (len < limit && !separator(section.charAt(len))) {
                continue;
            }
            int slot = prefixSlot(key(h, len));
            if (prefixKeys[slot] == 0) {
                continue;
            }
            for (int first = prefixFirst[slot]; first >= 0; first = nextOfPrefix[first]) {
                if (++tries > MAX_ALIGN_TRIES) {
                    return null;
                }
                if (!loaded) {
                    load(section);
                    loaded = true;
                }
                Block b = alignFrom(index, section, first);
                if (b != null) {
                    return b;
                }
            }
        }
        return null;
    }

    private void load(String section) {
        if (section.length() > sectionChars.length) {
            sectionChars = new char[Math.max(section.length(), 2 * sectionChars.length)];
        }
        section.getChars(0, section.length(), sectionChars, 0);
    }

    /** Whether the section, loaded, is the paragraphs from first on, joined by one space or line break each. */
    private Block alignFrom(int index, String section, int first) {
        int n = section.length();
        char[] chars = sectionChars;
        int pos = 0;
        int[] bases = new int[4];
        for (int j = first; j < paragraphs; j++) {
            int from = joined.from(j);
            int length = joined.to(j) - from;
            if (pos + length > n || !Arrays.equals(chars, pos, pos + length, joined.chars(), from, from + length)) {
                return null;
            }
            if (j - first == bases.length) {
                bases = Arrays.copyOf(bases, bases.length * 2);
            }
            bases[j - first] = pos;
            pos += length;
            if (pos == n) {
                Block firstBlock = blocks.get(first);
                Block lastBlock = blocks.get(j);
                return new Block(index, section, firstBlock.from, lastBlock.to, firstBlock.firstSource,
                        Arrays.copyOf(bases, j - first + 1), first, j);
            }
            if (!separator(chars[pos])) {
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
        boolean[] starts = new boolean[paragraphs];
        for (int i = paragraphs; i < blocks.size(); i++) {
            if (blocks.get(i).firstParagraph >= 0) {
                starts[blocks.get(i).firstParagraph] = true;
            }
        }
        for (int i = paragraphs; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.firstParagraph < 0 || b.lastParagraph == b.firstParagraph) {
                continue;
            }
            int next = b.firstParagraph + 1;
            while (next <= b.lastParagraph && !starts[next]) {
                next++;
            }
            if (next <= b.lastParagraph) {
                int last = next - 1;
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

    /** Done with the page: its words' arrays go to the next page, and the page is not asked again. */
    void release() {
        words.release();
    }

    // ------------------------------------------------------------------ phrases

    int size() {
        return words.size();
    }

    /** Where the phrase starts, in increasing order; computed once per page. */
    int[] occurrences(Phrase phrase) {
        int[] memo = occurrences[phrase.id()];
        if (memo != null) {
            return memo;
        }
        int[] w = phrase.words();
        // driven by the phrase's rarest word: "de stad" by "stad", not by every "de" on the page
        int rare = 0;
        for (int k = 1; k < w.length; k++) {
            if (words.count(w[k]) < words.count(w[rare])) {
                rare = k;
            }
        }
        int count = words.count(w[rare]);
        if (count == 0) {
            occurrences[phrase.id()] = NONE;
            return NONE;
        }
        int[] out = new int[count];
        int n = 0;
        int[] entries = words.entries(w[rare]);
        for (int i = 0; i < count; i++) {
            int entry = entries[i];
            int pos = words.keptPosition(entry) - rare;
            // the phrase's other words are catalogue words too: kept entries next to the rare word's, in one text
            boolean all = entry - rare >= 0 && entry - rare + w.length <= words.keptCount();
            for (int k = 0; k < w.length && all; k++) {
                int e = entry - rare + k;
                all = k == rare || words.keptPosition(e) == pos + k && Postings.contains(words.keptIds(e), w[k]);
            }
            if (all && w.length > 1) {
                int t = words.source(pos + rare);
                all = words.textFrom(t) <= pos && pos + w.length <= words.textTo(t);
            }
            if (all) {
                out[n++] = pos;
            }
        }
        int[] result = n == count ? out : Arrays.copyOf(out, n);
        occurrences[phrase.id()] = result;
        return result;
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

    /** Where a catalogue word starts in the text of a block. */
    int charStart(Block block, int word) {
        return block.bases[words.source(word) - block.firstSource] + words.start(word);
    }

    /** Where a catalogue word ends in the text of a block. */
    int charEnd(Block block, int word) {
        return block.bases[words.source(word) - block.firstSource] + words.end(word);
    }

    /** The catalogue words from..to (exclusive) as written on the page. */
    String text(Block block, int from, int to) {
        return block.text.substring(charStart(block, from), charEnd(block, to - 1));
    }

    /** Whether the first letter of a catalogue word is written as a capital. */
    boolean capitalised(int word) {
        return Character.isUpperCase(words.text(words.source(word)).charAt(words.start(word)));
    }

    /** The words of the sentence that holds a catalogue word, from (inclusive) and to (exclusive). */
    int[] sentenceOf(int word) {
        return words.sentenceOf(word);
    }

    /** The words of a word's sentence and of up to n sentences before and after it in its text. */
    int[] sentencesAround(int word, int n) {
        return words.sentencesAround(word, n);
    }

    /**
     * Whether a row of figures follows a catalogue word in its text: past an explanation in brackets, two numbers or
     * more ("Zedenfeiten (aanranding, verkrachting)   38   41   35"; a word inside the brackets heads the row as
     * well). A year or a single count is not a row.
     */
    boolean figuresAfter(int word) {
        String text = words.text(words.source(word));
        int i = skipSpace(text, words.end(word));
        int open = openBracketBefore(text, words.start(word));
        if (open < 0 && i < text.length() && text.charAt(i) == '(') {
            open = i;
        }
        if (open >= 0) {
            int close = i;
            int last = Math.min(text.length(), open + MAX_BRACKETS);
            while (close < last && text.charAt(close) != ')') {
                close++;
            }
            if (close >= last) {
                return false;
            }
            i = skipSpace(text, close + 1);
        }
        int numbers = 0;
        while (numbers < 2 && i < text.length()) {
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            if (!figure(text, i, end)) {
                break;
            }
            numbers++;
            i = skipSpace(text, end);
        }
        return numbers >= 2;
    }

    /**
     * Whether the sentence of a catalogue word ends in a question mark: the first of ".", "!", "?" after it, in its
     * line, is a "?". A line that ends without one ends no question (a heading, a PDF's line broken mid-sentence),
     * so a question broken over two lines of a PDF counts as none: the rule then reads it as it always did.
     */
    boolean inQuestion(int word) {
        String text = words.text(words.source(word));
        for (int i = words.end(word), n = Math.min(text.length(), i + MAX_QUESTION); i < n; i++) {
            char c = text.charAt(i);
            if (c == '?') {
                return true;
            }
            if (c == '.' || c == '!' || c == '\n') {
                return false;
            }
        }
        return false;
    }

    /** The bracket still open at a place of the text, at most {@link #MAX_BRACKETS} characters before it; -1 if none. */
    private static int openBracketBefore(String text, int at) {
        for (int i = at - 1; i >= 0 && i >= at - MAX_BRACKETS; i--) {
            char c = text.charAt(i);
            if (c == ')') {
                return -1;
            }
            if (c == '(') {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A count or a share as a table writes it: 38, 1.204, 12,5, -3, +8%, 27%. */
    private static boolean figure(String text, int from, int to) {
        boolean digit = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!(c == '.' || c == ',' || c == '%' || (i == from && (c == '-' || c == '+')))) {
                return false;
            }
        }
        return digit;
    }

    /** The words of the paragraph (or other text) that holds a catalogue word. */
    int[] textOf(int word) {
        return words.textOf(word);
    }
}
