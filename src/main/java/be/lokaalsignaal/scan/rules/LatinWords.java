package be.lokaalsignaal.scan.rules;

import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * The words of a text written in the Latin alphabet, cut and folded exactly as Lucene's standard tokenizer with its
 * ASCII folding and lower-case filters does ({@link DutchWords}), at a fraction of the cost. That tokenizer is a
 * general Unicode word breaker (UAX #29: every script, emoji, combining marks); it costs as much as jsoup's parse of
 * the page. Ordinary Dutch text uses a few dozen characters of it, for which the word-break rules come down to a few
 * lines: letters and digits make words, a letter and a digit join, "_" joins, "." "'" "’" join two letters or two
 * digits ("z'n", "www.stad.be", "1.250"), ":" two letters, "," ";" two digits; every other character breaks.
 *
 * <p>A text with any character outside that set, or with a run of word characters longer than the tokenizer's
 * longest word (255), is not read here at all: {@link #read} says so and the caller reads it with Lucene. Folding
 * is Lucene's own ({@link ASCIIFoldingFilter#foldToASCII}); lower case as Lucene's filter makes it. A test reads
 * generated and real texts both ways and asserts the same words at the same offsets.
 *
 * <p>Not thread-safe: one per reader; it keeps its buffers from text to text.
 */
final class LatinWords {

    /** Lucene's standard tokenizer's longest word; a longer run is cut by it in a way not reproduced here. */
    static final int MAX_WORD = 255;

    private static final byte OUTSIDE = 0;
    /** Letters, digits and underscores: word characters, one range for a quick test. */
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte UNDERSCORE = 3;
    private static final byte BREAK = 4;
    /** Joins two letters (UAX #29 MidLetter). */
    private static final byte MID_LETTER = 5;
    /** Joins two digits (MidNum). */
    private static final byte MID_NUM = 6;
    /** Joins two letters or two digits (MidNumLet, Single_Quote). */
    private static final byte MID_BOTH = 7;

    /** Every UTF-16 unit's class: no range check while reading. */
    private static final byte[] CLASS = new byte[0x10000];

    static {
        for (char c = 0; c < 0x80; c++) {
            CLASS[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' ? LETTER : c >= '0' && c <= '9' ? DIGIT : BREAK;
        }
        CLASS['_'] = UNDERSCORE;
        CLASS[':'] = MID_LETTER;
        CLASS[','] = MID_NUM;
        CLASS[';'] = MID_NUM;
        CLASS['.'] = MID_BOTH;
        CLASS['\''] = MID_BOTH;
        // Latin-1 letters, without × and ÷ (ª, µ and º are letters too, but rare: left to Lucene)
        for (char c = 0xC0; c <= 0xFF; c++) {
            CLASS[c] = c == 0xD7 || c == 0xF7 ? BREAK : LETTER;
        }
        // no-break space, §, «, °, »: break (© and ® are not here: Lucene reads them as emoji, words of their own)
        for (char c : new char[] {0xA0, 0xA7, 0xAB, 0xB0, 0xBB}) {
            CLASS[c] = BREAK;
        }
        // dashes, quotation marks, bullet, ellipsis, euro sign: break; the typographic apostrophes join
        for (char c : new char[] {0x2013, 0x2014, 0x201C, 0x201D, 0x201E, 0x2022, 0x2026, 0x20AC}) {
            CLASS[c] = BREAK;
        }
        CLASS[0x2018] = MID_BOTH;
        CLASS[0x2019] = MID_BOTH;
    }

    /** What {@link #next} found. */
    static final int WORD = 1;
    static final int END = 0;
    static final int GIVE_UP = -1;

    private char[] text = new char[1024];
    private char[] word = new char[1024];
    private char[] folded = new char[4 * MAX_WORD];

    /** The text being read, from up to n, and where reading goes on; offsets are given from its start. */
    private char[] input;
    private int from;
    private int n;
    private int at;
    private boolean first;
    /** The last word found: folded into out[0..outLength), at wordStart..wordEnd of the text. */
    private char[] out;
    private int outLength;
    private int wordStart;
    private int wordEnd;
    private boolean stopBefore;

    /**
     * Gives the sink the words of text with their offsets, as Lucene's standard tokenizer, ASCII folding and
     * lower case would; or returns false, having given it nothing, when the text is not for this reader.
     */
    boolean read(String s, DutchWords.Sink sink) {
        int length = s.length();
        if (length > text.length) {
            text = new char[Math.max(length, 2 * text.length)];
        }
        s.getChars(0, length, text, 0);
        // read twice, the first time for nothing: the reading may give up part-way, this method may not
        start(text, 0, length);
        int r = next();
        while (r == WORD) {
            r = next();
        }
        if (r != END) {
            return false;
        }
        start(text, 0, length);
        while (next() == WORD) {
            sink.word(out, outLength, wordStart, wordEnd);
        }
        return true;
    }

    /**
     * Starts reading text[from..to): {@link #next} then cuts its words one by one, folded, as Lucene's standard
     * tokenizer, ASCII folding and lower case would. A cursor, not a callback: the caller's handling of a word is
     * a direct call, whatever else reads with this class.
     */
    void start(char[] text, int from, int to) {
        if (to - from > word.length) {
            // a run of word characters is cut into it before its length is known to be too long
            word = new char[to - from];
        }
        this.input = text;
        this.from = from;
        this.n = to;
        this.at = from;
        this.first = true;
    }

    /**
     * Cuts the next word ({@link #word}, {@link #length}, {@link #start}, {@link #end}, {@link #stopBefore}):
     * WORD; END after the last; GIVE_UP when the text turns out not to be for this reader, its words so far then
     * to be discarded. One pass over the characters: this is the cost of reading a page.
     */
    int next() {
        byte[] classes = CLASS;
        char[] text = input;
        int n = this.n;
        boolean stop = false;
        int i = at;
        while (i < n) {
            char c = text[i];
            byte k = classes[c];
            if (k == OUTSIDE) {
                return GIVE_UP;
            }
            if (k >= BREAK) {
                stop |= c == '.' || c == '!' || c == '?';
                i++;
                continue;
            }
            int start = i;
            int j = i;
            while (k == UNDERSCORE && ++j < n) {
                k = classes[text[j]];
            }
            if (k != LETTER && k != DIGIT) {
                // underscores that lead to no letter or digit are no word; what follows them is read on
                i = j;
                continue;
            }
            // the word is lower-cased while it is cut: its characters are read once
            char[] w = word;
            for (int u = start; u < j; u++) {
                w[u - start] = '_';
            }
            int all = c = text[j];
            w[j - start] = lower(c);
            j++;
            while (true) {
                while (j < n) {
                    c = text[j];
                    k = classes[c];
                    if (k < LETTER || k > UNDERSCORE) {
                        break;
                    }
                    all |= c;
                    w[j - start] = lower(c);
                    j++;
                }
                if (j + 1 < n && k > BREAK && joins(classes[text[j - 1]], k, classes[text[j + 1]])) {
                    char next = text[j + 1];
                    all |= c | next;
                    w[j - start] = c;
                    w[j + 1 - start] = lower(next);
                    j += 2;
                } else {
                    break;
                }
            }
            if (j - start > MAX_WORD) {
                return GIVE_UP;
            }
            wordStart = start - from;
            wordEnd = j - from;
            if (all < 0x80) {
                out = w;
                outLength = j - start;
            } else {
                fold(text, start, j);
            }
            stopBefore = !first && stop;
            first = false;
            at = j;
            return WORD;
        }
        at = i;
        return END;
    }

    char[] word() {
        return out;
    }

    int length() {
        return outLength;
    }

    int start() {
        return wordStart;
    }

    int end() {
        return wordEnd;
    }

    /** Whether a full stop, "!" or "?" stands between the previous word of the text and this one (never the first). */
    boolean stopBefore() {
        return stopBefore;
    }

    /** Whether a middle character joins the letter, digit or underscore before it to the next character. */
    private static boolean joins(byte previous, byte middle, byte next) {
        return previous == LETTER && next == LETTER && middle != MID_NUM
                || previous == DIGIT && next == DIGIT && middle != MID_LETTER;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** A word with characters outside ASCII, as Lucene's filters: folded whole to ASCII, then lower-cased. */
    private void fold(char[] text, int start, int end) {
        int n = ASCIIFoldingFilter.foldToASCII(text, start, folded, 0, end - start);
        for (int i = 0; i < n; i++) {
            folded[i] = (char) Character.toLowerCase((int) folded[i]);
        }
        out = folded;
        outLength = n;
    }
}
