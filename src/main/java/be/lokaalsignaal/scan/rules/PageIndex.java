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
    /** Characters after a word looked through for the question mark that ends its sentence. */
    private static final int MAX_QUESTION = 400;
    /** Characters of an explanation in brackets that {@link #figuresAfter} looks past. */
    private static final int MAX_BRACKETS = 200;

    private final PageWords words;
    private final int[][] occurrences;
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
        SectionRuns runs = aligning ? new SectionRuns(paragraphText, paragraphs) : null;
        for (int i = paragraphs; i < texts.size(); i++) {
            String text = texts.get(i);
            Block aligned = aligning ? aligned(i, text, runs.aligned(text, content.sectionStart(i - paragraphs)))
                    : null;
            blocks.add(aligned != null ? aligned : aligning ? wholeFromParagraphs(i, text, runs) : whole(i, text));
        }
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
    private Block wholeFromParagraphs(int index, String section, SectionRuns runs) {
        int[] run = runs.byFirstLine(section);
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

    /** The section as the range of the paragraphs it is made of ({@link SectionRuns}), or null. */
    private Block aligned(int index, String section, int[] run) {
        if (run == null) {
            return null;
        }
        Block first = blocks.get(run[0]);
        return new Block(index, section, first.from, blocks.get(run[1]).to, first.firstSource,
                Arrays.copyOfRange(run, 2, run.length), run[0], run[1]);
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
