package be.lokaalsignaal.scan.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words of one page, numbered in reading order across its texts (paragraphs, sections read on their own,
 * title, URL). Every word gets a number, so that phrases are words in a row; only the words that are catalogue
 * words are kept with their text, offsets and sentence, and noted per catalogue word: on an ordinary page that is
 * a few in a hundred. Many texts are read through one token stream.
 */
final class PageWords {

    private static final int[] NONE = new int[0];

    private final Vocabulary vocabulary;
    /** All words read so far: the number the next word gets. */
    private int size;

    private int kept;
    private int[] position = new int[256];
    private int[] source = new int[256];
    private int[] start = new int[256];
    private int[] end = new int[256];
    private int[] sentence = new int[256];
    private int[][] ids = new int[256][];

    private final List<String> texts = new ArrayList<>();
    private int[] textFrom = new int[64];
    private int[] textTo = new int[64];

    private int[] sentenceStart = new int[256];
    private int sentences;

    private final SeenWords seen;
    private final LatinWords latin = new LatinWords();
    /** Where each catalogue word occurs: postingWords[postingFrom[id]] up to postingFrom[id + 1]; built on demand. */
    private int[] postingFrom;
    private int[] postingWords;

    PageWords(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.seen = new SeenWords(vocabulary);
    }

    int size() {
        return size;
    }

    /** Reads one text; returns its number. */
    int add(String text) {
        return addAll(List.of(text));
    }

    /** Reads texts as consecutive texts through one token stream; returns the number of the first. */
    int addAll(List<String> list) {
        int first = texts.size();
        if (list.isEmpty()) {
            return first;
        }
        int[] bases = new int[list.size()];
        long chars = list.size();
        for (String t : list) {
            chars += t.length();
        }
        StringBuilder all = new StringBuilder(list.size() == 1 ? 0 : (int) Math.min(Integer.MAX_VALUE - 16, chars));
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                all.append('\n');
            }
            bases[i] = all.length();
            all.append(list.get(i));
            texts.add(list.get(i));
        }
        String joined = list.size() == 1 ? list.get(0) : all.toString();
        Reader reader = new Reader(joined, bases, first);
        vocabulary.dutch().words(joined, reader, latin);
        reader.finish();
        return first;
    }

    // ------------------------------------------------------------------ reading

    /** Receives the words of joined texts; joins a word broken by a hyphen at a line end ("seksu- eel"). */
    private final class Reader implements DutchWords.Sink {
        private final String text;
        private final int[] bases;
        private final int first;
        private int current = -1;
        private int lastEnd = -1;
        private char[] pending = new char[64];
        private int pendingLength = -1;
        private int pendingStart;
        private int pendingEnd;

        Reader(String text, int[] bases, int first) {
            this.text = text;
            this.bases = bases;
            this.first = first;
        }

        @Override
        public void word(char[] buffer, int length, int wordStart, int wordEnd) {
            int at = current;
            while (at + 1 < bases.length && bases[at + 1] <= wordStart) {
                at++;
            }
            if (at != current) {
                emitPending();
                moveTo(at);
            }
            if (pendingLength >= 0) {
                if (brokenAcrossLines(wordStart, buffer, length)) {
                    append(buffer, length);
                    pendingEnd = wordEnd;
                    if (!hyphenFollows(wordEnd)) {
                        emitPending();
                    }
                    return;
                }
                emitPending();
            }
            if (hyphenFollows(wordEnd)) {
                pendingLength = 0;
                append(buffer, length);
                pendingStart = wordStart;
                pendingEnd = wordEnd;
                return;
            }
            emit(buffer, length, wordStart, wordEnd);
        }

        /** Closes the texts up to and including the current one and opens text at. */
        private void moveTo(int at) {
            for (int i = current; i < at; i++) {
                if (i >= 0) {
                    close(first + i);
                }
                open(first + i + 1);
            }
            current = at;
            lastEnd = -1;
        }

        void finish() {
            emitPending();
            moveTo(bases.length - 1);
            close(first + bases.length - 1);
        }

        private void open(int t) {
            if (t >= textFrom.length) {
                textFrom = Arrays.copyOf(textFrom, Math.max(t + 1, textFrom.length * 2));
                textTo = Arrays.copyOf(textTo, textFrom.length);
            }
            textFrom[t] = size;
            newSentence();
        }

        private void close(int t) {
            textTo[t] = size;
        }

        private boolean hyphenFollows(int wordEnd) {
            return wordEnd + 1 < text.length() && text.charAt(wordEnd) == '-'
                    && Character.isWhitespace(text.charAt(wordEnd + 1));
        }

        /** "veiligheids- plan": a hyphen, white space, then a lower-case word that is not a conjunction. */
        private boolean brokenAcrossLines(int wordStart, char[] buffer, int length) {
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
                emit(pending, n, pendingStart, pendingEnd);
            }
        }

        private void emit(char[] buffer, int length, int wordStart, int wordEnd) {
            if (lastEnd >= 0 && endsSentence(lastEnd, wordStart)) {
                newSentence();
            }
            lastEnd = wordEnd;
            int base = bases[current];
            addWord(first + current, wordStart - base, wordEnd - base, seen.match(buffer, length));
        }

        private boolean endsSentence(int from, int to) {
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c == '.' || c == '!' || c == '?') {
                    return true;
                }
            }
            return false;
        }
    }

    private void newSentence() {
        if (sentences == sentenceStart.length) {
            sentenceStart = Arrays.copyOf(sentenceStart, sentences * 2);
        }
        sentenceStart[sentences++] = size;
    }

    private void addWord(int src, int wordStart, int wordEnd, int[] wordIds) {
        if (wordIds.length > 0) {
            if (kept == position.length) {
                int n = kept * 2;
                position = Arrays.copyOf(position, n);
                source = Arrays.copyOf(source, n);
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
                sentence = Arrays.copyOf(sentence, n);
                ids = Arrays.copyOf(ids, n);
            }
            position[kept] = size;
            source[kept] = src;
            start[kept] = wordStart;
            end[kept] = wordEnd;
            sentence[kept] = sentences - 1;
            ids[kept] = wordIds;
            kept++;
            postingFrom = null;
        }
        size++;
    }

    /** Lists where each catalogue word occurs, from the kept words, once the page's texts are read. */
    private void postings() {
        if (postingFrom != null) {
            return;
        }
        int n = vocabulary.size();
        int[] from = new int[n + 1];
        for (int k = 0; k < kept; k++) {
            for (int id : ids[k]) {
                from[id + 1]++;
            }
        }
        for (int id = 0; id < n; id++) {
            from[id + 1] += from[id];
        }
        int[] next = Arrays.copyOf(from, n);
        int[] at = new int[from[n]];
        for (int k = 0; k < kept; k++) {
            for (int id : ids[k]) {
                at[next[id]++] = position[k];
            }
        }
        postingWords = at;
        postingFrom = from;
    }

    /** How often a catalogue word occurs on the page. */
    int count(int id) {
        postings();
        return postingFrom[id + 1] - postingFrom[id];
    }

    /** Where a catalogue word occurs: the i-th of its {@link #count} words, in reading order. */
    int occurrence(int id, int i) {
        return postingWords[postingFrom[id] + i];
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
        return k < 0 ? NONE : ids[k];
    }

    /** The text a catalogue word stands in. */
    int source(int word) {
        return source[find(word)];
    }

    /** Where a catalogue word starts in its text. */
    int start(int word) {
        return start[find(word)];
    }

    /** Where a catalogue word ends in its text. */
    int end(int word) {
        return end[find(word)];
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

    /** The words of the sentence that holds a catalogue word, from (inclusive) and to (exclusive). */
    int[] sentenceOf(int word) {
        int s = sentence[find(word)];
        return new int[] {sentenceStart[s], s + 1 < sentences ? sentenceStart[s + 1] : size};
    }

    /** The words of the text that holds a catalogue word, from (inclusive) and to (exclusive). */
    int[] textOf(int word) {
        int t = source(word);
        return new int[] {textFrom[t], textTo[t]};
    }
}
