package be.lokaalsignaal.scan.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The words of one page, numbered in reading order across its texts (paragraphs, sections read on their own,
 * title, URL). Every word gets a number, so that phrases are words in a row; only the words that are catalogue
 * words are kept with their offsets, and listed per catalogue word: on an ordinary page that is a few in ten
 * (the catalogue has "de", "we", "en"). The text and sentence of a kept word follow from its number.
 */
final class PageWords {

    private static final int[] NONE = new int[0];

    private final Vocabulary vocabulary;
    private final DutchWords dutch;
    private final SeenWords seen;
    private final LatinWords latin = new LatinWords();
    private final Reader reader = new Reader();
    /** All words read so far: the number the next word gets. */
    private int size;

    /**
     * The kept words' arrays of a page done with them ({@link #release}), for the next page: a 5 MB page keeps some
     * 400,000 words, 6 MB of arrays that would be allocated (outside the thread's buffer), zeroed and doubled as they
     * fill, for every page. One spare for all threads, as {@link JoinedTexts}'s.
     */
    private static final AtomicReference<Kept> SPARE = new AtomicReference<>();
    /** The most kept words whose arrays are kept for the next page: 16 MB. */
    private static final int MAX_SPARE = 1 << 20;
    /**
     * How far a sentence reaches either side of a word: a list or a table that a PDF flattened runs on for a page
     * with no full stop between its rows ("... intrafamiliaal en seksueel geweld | kennis genomen | - 5 | ... 11 |
     * Interpellatie raadslid ..."), and a row's words are not the next rows' sentence.
     */
    private static final int REACH = 60;

    private record Kept(int[] position, long[] span, int[] lists) {
    }

    private int kept;
    private int[] position;
    /** Where a kept word starts (high half) and ends (low half) in its text. */
    private long[] span;
    /** The number of a kept word's list of catalogue words ({@link SeenWords#list}). */
    private int[] lists;

    private final List<String> texts = new ArrayList<>();
    private int[] textFrom = new int[64];
    private int[] textTo = new int[64];
    /**
     * Per text, for reading a text that is other texts of the page joined ({@link #addJoined}) from their words:
     * its kept entries and sentence starts (from, to), where its first word starts and its last ends, and whether it
     * was read quickly with no hyphen right after its last word (a word that a following text could continue).
     */
    private int[] keptFrom = new int[64];
    private int[] keptTo = new int[64];
    private int[] sentencesFrom = new int[64];
    private int[] sentencesTo = new int[64];
    private int[] firstWordStart = new int[64];
    private int[] lastWordEnd = new int[64];
    private boolean[] joinable = new boolean[64];

    private int[] sentenceStart = new int[256];
    private int sentences;

    /**
     * How often each list of catalogue words was kept, by its number, counted as the words come: one pass less for
     * postings, and one increment a word instead of one per catalogue word it is ("de" is two).
     */
    private int[] listCounts = new int[64];
    /** Where each catalogue word occurs, once the page is read (null until asked, and after each word read). */
    private Postings postings;

    /** Whether texts in the Latin alphabet are read by {@link LatinWords}; else every text by Lucene (for tests). */
    private final boolean quick;

    PageWords(Vocabulary vocabulary) {
        this(vocabulary, true);
    }

    PageWords(Vocabulary vocabulary, boolean quick) {
        this.quick = quick;
        this.vocabulary = vocabulary;
        this.dutch = vocabulary.dutch();
        this.seen = SeenWords.of(vocabulary);
        Kept spare = SPARE.getAndSet(null);
        if (spare == null) {
            spare = new Kept(new int[1024], new long[1024], new int[1024]);
        }
        this.position = spare.position();
        this.span = spare.span();
        this.lists = spare.lists();
    }

    /**
     * Hands the kept words' arrays on to the next page, unless a spare is there already: this page's words are not
     * asked for after this (its kept words are forgotten).
     */
    void release() {
        if (position.length <= MAX_SPARE) {
            SPARE.compareAndSet(null, new Kept(position, span, lists));
        }
        position = new int[0];
        span = new long[0];
        lists = new int[0];
        kept = 0;
        postings = null;
    }

    int size() {
        return size;
    }

    /** Reads one text; returns its number. */
    int add(String text) {
        return read(text, null, 0, 0);
    }

    /** Reads a text, from chars[from..to) when chars is not null (its characters, not copied); returns its number. */
    private int read(String text, char[] chars, int from, int to) {
        int t = startText(text);
        int keptBefore = kept;
        int sentencesBefore = sentences;
        if (chars == null) {
            reader.start(text);
        } else {
            reader.start(chars, from, to);
        }
        boolean quickly = quick && readQuickly();
        if (!quickly) {
            // given up part-way: the words read quickly so far are forgotten, Lucene reads the text from its start
            size = textFrom[t];
            for (int k = keptBefore; k < kept; k++) {
                listCounts[lists[k]]--;
            }
            kept = keptBefore;
            sentences = sentencesBefore;
            if (chars == null) {
                reader.start(text);
            } else {
                reader.start(chars, from, to);
            }
            dutch.luceneWords(text, reader);
        }
        reader.finish();
        endText(t, quickly && !reader.hyphenAfterLast());
        firstWordStart[t] = reader.firstStart;
        lastWordEnd[t] = reader.lastEmittedEnd;
        return t;
    }

    private int startText(String text) {
        int t = texts.size();
        texts.add(text);
        if (t == textFrom.length) {
            int n = t * 2;
            textFrom = Arrays.copyOf(textFrom, n);
            textTo = Arrays.copyOf(textTo, n);
            keptFrom = Arrays.copyOf(keptFrom, n);
            keptTo = Arrays.copyOf(keptTo, n);
            sentencesFrom = Arrays.copyOf(sentencesFrom, n);
            sentencesTo = Arrays.copyOf(sentencesTo, n);
            firstWordStart = Arrays.copyOf(firstWordStart, n);
            lastWordEnd = Arrays.copyOf(lastWordEnd, n);
            joinable = Arrays.copyOf(joinable, n);
        }
        textFrom[t] = size;
        keptFrom[t] = kept;
        sentencesFrom[t] = sentences;
        newSentence();
        return t;
    }

    private void endText(int t, boolean canBeJoined) {
        textTo[t] = size;
        keptTo[t] = kept;
        sentencesTo[t] = sentences;
        joinable[t] = canBeJoined;
    }

    /**
     * Reads a text that is the texts first..last of this page joined by one white-space character each, text p
     * starting at bases[p - first], from their words instead of its characters; returns its number, or -1 (nothing
     * read) when one of them cannot be joined so. The words are those {@link #add} would give the joined text: read
     * quickly, a text's words are cut within it, and between two texts only three things depend on both: a sentence
     * ends between them when ".", "!" or "?" stands between the one's last word and the other's first; a word the
     * next text's first word continues over the line break ("seksu-" + "eel") is ruled out by {@link #joinable}; and
     * only the joined text's first word starts it without a sentence end of its own.
     */
    int addJoined(String text, int first, int last, int[] bases) {
        for (int p = first; p <= last; p++) {
            if (!joinable[p]) {
                return -1;
            }
        }
        int t = startText(text);
        int previousEnd = -1;
        for (int p = first; p <= last; p++) {
            int words = textTo[p] - textFrom[p];
            if (words == 0) {
                // no word: its characters only stand between the words before and after it
                continue;
            }
            int base = bases[p - first];
            int shift = size - textFrom[p];
            if (previousEnd >= 0 && endsSentence(text, previousEnd, base + firstWordStart[p])) {
                newSentence();
            }
            for (int s = sentencesFrom[p] + 1; s < sentencesTo[p]; s++) {
                sentenceAt(sentenceStart[s] + shift);
            }
            int from = keptFrom[p];
            int n = keptTo[p] - from;
            if (kept + n > position.length) {
                int capacity = Math.max(kept + n, kept * 2);
                position = Arrays.copyOf(position, capacity);
                span = Arrays.copyOf(span, capacity);
                lists = Arrays.copyOf(lists, capacity);
            }
            long baseSpan = (long) base << 32 | base;
            for (int k = from; k < from + n; k++) {
                position[kept] = position[k] + shift;
                span[kept] = span[k] + baseSpan;
                lists[kept] = lists[k];
                kept++;
                listCounts[lists[k]]++;
            }
            size += words;
            previousEnd = base + lastWordEnd[p];
        }
        postings = null;
        // its words' offsets are not its own text's reading: not joined again
        endText(t, false);
        return t;
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

    /** Reads the reader's text with {@link LatinWords}; false when it gives up on it. */
    private boolean readQuickly() {
        LatinWords cut = latin;
        cut.start(reader.text, reader.base, reader.base + reader.length);
        int r = cut.next();
        while (r == LatinWords.WORD) {
            reader.word(cut.word(), cut.length(), cut.start(), cut.end(), cut.stopBefore());
            r = cut.next();
        }
        return r == LatinWords.END;
    }

    /** Reads texts one after the other; returns the number of the first. */
    int addAll(List<String> list) {
        JoinedTexts joined = JoinedTexts.of(list);
        try {
            return addAll(list, joined);
        } finally {
            joined.release();
        }
    }

    /** Reads texts one after the other from their characters joined; returns the number of the first. */
    int addAll(List<String> list, JoinedTexts joined) {
        int first = texts.size();
        // about one word in twelve characters is a catalogue word ("de", "en"): grown once, not doubled ten times
        int expected = Math.min(1 << 20, joined.from(joined.count()) / 12);
        if (expected > position.length) {
            position = Arrays.copyOf(position, expected);
            span = Arrays.copyOf(span, expected);
            lists = Arrays.copyOf(lists, expected);
        }
        char[] chars = joined.chars();
        for (int i = 0; i < list.size(); i++) {
            read(list.get(i), chars, joined.from(i), joined.to(i));
        }
        return first;
    }

    // ------------------------------------------------------------------ reading

    /**
     * Receives the words of a text, from {@link LatinWords} or Lucene; joins a word broken by a hyphen at a line end
     * ("seksu- eel").
     *
     * <p>A table's narrow column breaks a word too, and its text comes out row by row: the rest of the row's columns
     * stand between the two parts ("campagne tegen straat- GK / 2026-2027 intimidatie (*): affiches"). Such a rest is
     * joined when it is one of the next {@link BrokenAddresses#MAX_COLUMN_WORDS} words and the joined word is a
     * catalogue word that the rest alone is not: nothing else tells a table's rest from the next column's word, and a
     * join that makes no catalogue word ("samen- GK doorlopend") is left. A part no catalogue word starts with is not
     * kept at all ({@link Vocabulary#mayContinue}): looking up twelve joins after every such hyphen cost the rules half
     * again on a long page.
     */
    private final class Reader implements DutchWords.Sink {
        /** A text read on its own is copied here. */
        private char[] own = new char[1024];
        /** The text's characters (text[base..base + length)): read char by char around every word. */
        private char[] text = own;
        private int base;
        private int length;
        /** Where the last word Lucene gave ended, for finding sentence ends between its words; -1 before the first. */
        private int lastEnd;
        private char[] pending = new char[64];
        private int pendingLength = -1;
        private int pendingStart;
        private int pendingEnd;
        private boolean pendingStop;
        /** The first part of a word broken at a hyphen that the next word did not continue; -1 for none. */
        private char[] dangling = new char[64];
        private int danglingLength = -1;
        /** Words read since the dangling part. */
        private int danglingAfter;
        /** Where the text's first emitted word starts and its last emitted word ends; -1 before the first. */
        int firstStart;
        int lastEmittedEnd;
        /** Where the last word cut from the text ends, -1 before the first. */
        private int lastCutEnd;

        void start(String s) {
            length = s.length();
            if (length > own.length) {
                own = new char[Math.max(length, 2 * own.length)];
            }
            s.getChars(0, length, own, 0);
            text = own;
            base = 0;
            restart();
        }

        /** A text that stands at chars[from..to), not copied. */
        void start(char[] chars, int from, int to) {
            text = chars;
            base = from;
            length = to - from;
            restart();
        }

        private void restart() {
            this.lastEnd = -1;
            this.pendingLength = -1;
            this.danglingLength = -1;
            this.firstStart = -1;
            this.lastEmittedEnd = -1;
            this.lastCutEnd = -1;
        }

        /** Whether a hyphen stands right after the text's last word: a text after it could continue that word. */
        boolean hyphenAfterLast() {
            return lastCutEnd >= 0 && lastCutEnd < length && text[base + lastCutEnd] == '-';
        }

        @Override
        public void word(char[] buffer, int length, int wordStart, int wordEnd) {
            boolean stop = lastEnd >= 0 && endsSentence(lastEnd, wordStart);
            lastEnd = wordEnd;
            word(buffer, length, wordStart, wordEnd, stop);
        }

        /** A word and whether a sentence ends between the text's previous word and it. */
        void word(char[] buffer, int length, int wordStart, int wordEnd, boolean stopBefore) {
            lastCutEnd = wordEnd;
            if (pendingLength >= 0) {
                if (brokenAcrossLines(wordStart, buffer, length)) {
                    append(buffer, length);
                    pendingEnd = wordEnd;
                    if (!hyphenFollows(wordEnd)) {
                        emitPending();
                    }
                    return;
                }
                if (!sharedPart(buffer, length) && vocabulary.mayContinue(new String(pending, 0, pendingLength))) {
                    dangle();
                }
                emitPending();
            }
            if (danglingLength >= 0 && !hyphenFollows(wordEnd) && joinsDangling(buffer, length, wordStart, wordEnd,
                    stopBefore)) {
                return;
            }
            if (hyphenFollows(wordEnd)) {
                pendingLength = 0;
                append(buffer, length);
                pendingStart = wordStart;
                pendingEnd = wordEnd;
                pendingStop = stopBefore;
                return;
            }
            emit(buffer, length, wordStart, wordEnd, stopBefore);
        }

        void finish() {
            emitPending();
        }

        private boolean hyphenFollows(int wordEnd) {
            return wordEnd + 1 < length && text[base + wordEnd] == '-' && Character.isWhitespace(text[base + wordEnd + 1]);
        }

        /** "veiligheids- plan": a hyphen, white space, then a lower-case word that is not a conjunction. */
        private boolean brokenAcrossLines(int wordStart, char[] buffer, int length) {
            for (int i = pendingEnd + 1; i < wordStart; i++) {
                if (!Character.isWhitespace(text[base + i])) {
                    return false;
                }
            }
            if (!Character.isLowerCase(text[base + wordStart])) {
                return false;
            }
            return !sharedPart(buffer, length);
        }

        /** "jeugd- en fuifzalen", "brand- of inbraakpreventie": the hyphen stands for a part the next word shares. */
        private boolean sharedPart(char[] buffer, int length) {
            return length == 2 && buffer[0] == 'e' && buffer[1] == 'n'
                    || length == 2 && buffer[0] == 'o' && buffer[1] == 'f'
                    || length == 3 && buffer[0] == 't' && buffer[1] == 'o' && buffer[2] == 't';
        }

        private void dangle() {
            if (pendingLength > dangling.length) {
                dangling = new char[pendingLength];
            }
            System.arraycopy(pending, 0, dangling, 0, pendingLength);
            danglingLength = pendingLength;
            danglingAfter = 0;
        }

        /**
         * Emits the dangling part joined with this word, in this word's place, when it is the rest a table's column
         * broke off (see the class comment); forgets the part once it is joined or too far back.
         */
        private boolean joinsDangling(char[] buffer, int length, int wordStart, int wordEnd, boolean stopBefore) {
            if (++danglingAfter > BrokenAddresses.MAX_COLUMN_WORDS) {
                danglingLength = -1;
                return false;
            }
            if (!Character.isLowerCase(text[base + wordStart])) {
                return false;
            }
            int n = danglingLength + length;
            char[] joined = Arrays.copyOf(dangling, Math.max(n, dangling.length));
            System.arraycopy(buffer, 0, joined, danglingLength, length);
            int[] alone = seen.match(buffer, length);
            if (!addsWords(seen.match(joined, n), alone)) {
                return false;
            }
            danglingLength = -1;
            emit(joined, n, wordStart, wordEnd, stopBefore);
            return true;
        }

        private void append(char[] buffer, int length) {
            if (pendingLength + length > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + length));
            }
            System.arraycopy(buffer, 0, pending, pendingLength, length);
            pendingLength += length;
        }

        private void emitPending() {
            if (pendingLength >= 0) {
                int n = pendingLength;
                pendingLength = -1;
                emit(pending, n, pendingStart, pendingEnd, pendingStop);
            }
        }

        private void emit(char[] buffer, int length, int wordStart, int wordEnd, boolean stopBefore) {
            if (stopBefore) {
                newSentence();
            }
            if (firstStart < 0) {
                firstStart = wordStart;
            }
            lastEmittedEnd = wordEnd;
            addWord(wordStart, wordEnd, seen.listOf(buffer, length));
        }

        /** Whether the sorted catalogue words of a joined word hold one that those of its rest alone do not. */
        private boolean addsWords(int[] joined, int[] alone) {
            int j = 0;
            for (int id : joined) {
                while (j < alone.length && alone[j] < id) {
                    j++;
                }
                if (j == alone.length || alone[j] != id) {
                    return true;
                }
            }
            return false;
        }

        private boolean endsSentence(int from, int to) {
            for (int i = base + from; i < base + to; i++) {
                char c = text[i];
                if (c == '.' || c == '!' || c == '?') {
                    return true;
                }
            }
            return false;
        }
    }

    private void sentenceAt(int word) {
        if (sentences == sentenceStart.length) {
            sentenceStart = Arrays.copyOf(sentenceStart, sentences * 2);
        }
        sentenceStart[sentences++] = word;
    }

    private void newSentence() {
        if (sentences == sentenceStart.length) {
            sentenceStart = Arrays.copyOf(sentenceStart, sentences * 2);
        }
        sentenceStart[sentences++] = size;
    }

    private void addWord(int wordStart, int wordEnd, int list) {
        if (kept == position.length) {
            int n = kept * 2;
            position = Arrays.copyOf(position, n);
            span = Arrays.copyOf(span, n);
            lists = Arrays.copyOf(lists, n);
        }
        if (list >= listCounts.length) {
            listCounts = Arrays.copyOf(listCounts, Math.max(list + 1, 2 * listCounts.length));
        }
        // written for every word and kept only for a catalogue word (half the words, in no order a branch could
        // foresee); list 0's count is never read
        position[kept] = size;
        span[kept] = (long) wordStart << 32 | wordEnd;
        lists[kept] = list;
        kept += list != 0 ? 1 : 0;
        listCounts[list]++;
        postings = null;
        size++;
    }

    private Postings postings() {
        if (postings == null) {
            postings = new Postings(seen, vocabulary.size(), lists, kept, listCounts);
        }
        return postings;
    }

    /** How often a catalogue word occurs on the page. */
    int count(int id) {
        return postings().count(id);
    }

    /** The kept entries of a catalogue word's {@link #count} occurrences, in reading order. */
    int[] entries(int id) {
        return postings().entries(id);
    }

    /** How many words are kept: entries 0 up to it, in reading order. */
    int keptCount() {
        return kept;
    }

    /** The number of the word of a kept entry. */
    int keptPosition(int entry) {
        return position[entry];
    }

    /** The catalogue words of a kept entry. */
    int[] keptIds(int entry) {
        return seen.list(lists[entry]);
    }

    // ------------------------------------------------------------------ looking up

    /** The kept entry of a word, or -1 when it is no catalogue word. */
    private int find(int word) {
        int k = Arrays.binarySearch(position, 0, kept, word);
        return k < 0 ? -1 : k;
    }

    /** The catalogue words a word is; empty for most. */
    int[] ids(int word) {
        int k = find(word);
        return k < 0 ? NONE : seen.list(lists[k]);
    }

    /** The text a word stands in: the last text that starts at or before it (texts without words start there too). */
    int source(int word) {
        return lastAtOrBefore(textFrom, texts.size(), word);
    }

    /** Where a catalogue word starts in its text. */
    int start(int word) {
        return (int) (span[find(word)] >>> 32);
    }

    /** Where a catalogue word ends in its text. */
    int end(int word) {
        return (int) span[find(word)];
    }

    String text(int t) {
        return texts.get(t);
    }

    int textFrom(int t) {
        return textFrom[t];
    }

    int textTo(int t) {
        return textTo[t];
    }

    /** The words of the sentence that holds a word, from (inclusive) and to (exclusive). */
    int[] sentenceOf(int word) {
        int s = lastAtOrBefore(sentenceStart, sentences, word);
        return new int[] {sentenceStart[s], s + 1 < sentences ? sentenceStart[s + 1] : size};
    }

    /**
     * The words of the sentence that holds a word and of up to n sentences before and after it, within the text that
     * holds it, from (inclusive) and to (exclusive), at most (n + 1) times {@link #REACH} words either side of it.
     */
    int[] sentencesAround(int word, int n) {
        int t = source(word);
        int s = lastAtOrBefore(sentenceStart, sentences, word);
        int first = Math.max(sentencesFrom[t], s - n);
        int last = Math.min(sentencesTo[t] - 1, s + n);
        int to = last + 1 < sentences ? sentenceStart[last + 1] : size;
        int reach = (n + 1) * REACH;
        return new int[] {Math.max(Math.max(textFrom[t], sentenceStart[first]), word - reach),
                Math.min(Math.min(textTo[t], to), word + 1 + reach)};
    }

    /** The words of the text that holds a word, from (inclusive) and to (exclusive). */
    int[] textOf(int word) {
        int t = source(word);
        return new int[] {textFrom[t], textTo[t]};
    }

    /** The last index whose value is at most key, in a non-decreasing array. */
    private static int lastAtOrBefore(int[] a, int n, int key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
