package be.lokaalsignaal.scan.rules;

import java.util.Arrays;

/**
 * Which of a page's paragraphs a section (a heading with what follows it, a section element, a PDF page) is made
 * of, so that its words are the paragraphs' range and not read again: compared as arrays with the paragraphs'
 * characters, found from where the page's source says the section starts, by the paragraphs that begin as it
 * does, or by its first line wherever that stands. An answer is {first, last, where each paragraph starts in the
 * section...}.
 */
final class SectionRuns {

    private static final int PREFIX = 16;
    private static final int MAX_ALIGN_TRIES = 32;
    /** Paragraphs tried as a section's first for reading it from their words; any that it is will do. */
    private static final int MAX_LINE_TRIES = 8;
    /** Spaces and line breaks tried as the end of a section's first paragraph: a heading's or a table cell's. */
    private static final int MAX_LINE_SPLITS = 32;
    /** The last characters of a paragraph that tell it from others of its length and beginning (a number, a date). */
    private static final int LINE_END = 4;

    /** The paragraphs' characters, each followed by a line break. */
    private final JoinedTexts joined;
    private final int paragraphs;
    private char[] sectionChars = new char[1024];
    /** Where sections may start: paragraphs by their first characters ({@link #prefixes}). */
    private Chains prefixes;
    /** Each paragraph's hash of its first characters. */
    private int[] prefixHash;
    /** Paragraphs by their length and first and last characters, for reading a section from its paragraphs' words. */
    private Chains lines;

    SectionRuns(JoinedTexts joined, int paragraphs) {
        this.joined = joined;
        this.paragraphs = paragraphs;
    }

    /** The paragraphs by a hash of their first characters (up to 16), for finding where a section starts. */
    private void prefixes() {
        prefixes = new Chains(paragraphs);
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
            prefixes.add(key(h, len), i);
        }
    }

    /** Hash and length of a prefix, never 0. */
    private static long key(int h, int len) {
        return 1L << 40 | (h & 0xFFFFFFFFL) << 5 | len;
    }

    /**
     * The paragraphs the section is made of, joined by one space or line break: the first and last paragraph and
     * where each starts in the section; or null. Looked for first from the paragraph the page's source says it
     * starts at (a heading's section at the heading), then among the paragraphs that begin as it does.
     */
    int[] aligned(String section, int start) {
        boolean loaded = false;
        if (start >= 0 && start < paragraphs) {
            load(section);
            loaded = true;
            int[] run = runFrom(section.length(), start);
            if (run != null) {
                return run;
            }
        }
        if (prefixes == null) {
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
            for (int first = prefixes.first(key(h, len)); first >= 0; first = prefixes.next(first)) {
                if (++tries > MAX_ALIGN_TRIES) {
                    return null;
                }
                if (!loaded) {
                    load(section);
                    loaded = true;
                }
                int[] run = runFrom(section.length(), first);
                if (run != null) {
                    return run;
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

    /**
     * Paragraphs that the section is, joined by one space or line break each, found by the section's first paragraph
     * (its text up to a space or line break, by length, first and last characters): the first and last paragraph and
     * where each starts in the section; or null. Any such paragraphs have the same words.
     */
    int[] byFirstLine(String section) {
        if (lines == null) {
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
            for (int first = lines.first(lineKey(h, length)); first >= 0 && tries < MAX_LINE_TRIES;
                    first = lines.next(first)) {
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
        if (prefixes == null) {
            prefixes();
        }
        lines = new Chains(paragraphs);
        char[] chars = joined.chars();
        for (int i = paragraphs - 1; i >= 0; i--) {
            int from = joined.from(i);
            int length = joined.to(i) - from;
            int h = prefixHash[i];
            // and the last: many lines share their beginning ("Verslag gemeenteraad zitting 112")
            for (int k = Math.max(PREFIX, length - LINE_END); k < length; k++) {
                h = 31 * h + chars[from + k];
            }
            lines.add(lineKey(h, length), i);
        }
    }

    /** Hash of the first and last characters and the length of a line, never 0. */
    private static long lineKey(int h, int length) {
        return (h & 0xFFFFFFFFL) << 32 | 1L << 31 | length;
    }

    /**
     * Whether the section, loaded, is the paragraphs from first on, joined by one space or line break each: the first
     * and last paragraph and where each starts in the section, or null.
     */
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

    private static boolean separator(char c) {
        return c == ' ' || c == '\n';
    }

    /**
     * Paragraphs by a key (never 0), those of one key chained in page order: a table of keys with the first paragraph
     * of each, and for every paragraph the next one of its key.
     */
    private static final class Chains {
        private final long[] keys;
        private final int[] first;
        private final int[] next;

        Chains(int paragraphs) {
            int size = Integer.highestOneBit(Math.max(8, 2 * paragraphs - 1)) << 1;
            keys = new long[size];
            first = new int[size];
            next = new int[paragraphs];
        }

        /** Puts a paragraph in front of the others of its key: added from the last paragraph to the first. */
        void add(long key, int paragraph) {
            int slot = slot(key);
            if (keys[slot] == 0) {
                keys[slot] = key;
                next[paragraph] = -1;
            } else {
                next[paragraph] = first[slot];
            }
            first[slot] = paragraph;
        }

        /** The first paragraph of a key, or -1. */
        int first(long key) {
            int slot = slot(key);
            return keys[slot] == 0 ? -1 : first[slot];
        }

        /** The next paragraph of the same key, or -1. */
        int next(int paragraph) {
            return next[paragraph];
        }

        /** The slot of a key: its own or the first empty one after it. */
        private int slot(long key) {
            int mask = keys.length - 1;
            int s = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
            while (keys[s] != 0 && keys[s] != key) {
                s = (s + 1) & mask;
            }
            return s;
        }
    }
}
