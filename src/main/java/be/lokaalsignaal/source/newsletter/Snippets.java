package be.lokaalsignaal.source.newsletter;

import java.util.ArrayList;
import java.util.List;

/** Evidence text: the sentence around a match, at most 300 characters. */
final class Snippets {

    private Snippets() {
    }

    /** Sentence boundaries [start, end) of a text; a line break also ends a sentence. */
    static List<int[]> sentences(String text) {
        List<int[]> result = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = c == '\n'
                    || ((c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))));
            if (end) {
                add(result, text, start, c == '\n' ? i : i + 1);
                start = i + 1;
            }
        }
        add(result, text, start, text.length());
        return result;
    }

    private static void add(List<int[]> result, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            result.add(new int[] {start, end});
        }
    }

    static String sentenceAt(String text, int offset) {
        for (int[] s : sentences(text)) {
            if (offset >= s[0] && offset < s[1]) {
                return around(text, s[0], s[1], offset);
            }
        }
        return around(text, 0, text.length(), offset);
    }

    /** The text from start to end, cut to at most 300 characters around the offset. */
    static String around(String text, int start, int end, int offset) {
        String s = text.substring(start, end).replaceAll("\\s+", " ").trim();
        if (s.length() <= ItemDetector.MAX_SNIPPET) {
            return s;
        }
        int rel = Math.max(0, Math.min(s.length(), offset - start));
        int from = Math.max(0, Math.min(rel - 100, s.length() - (ItemDetector.MAX_SNIPPET - 2)));
        int to = Math.min(s.length(), from + ItemDetector.MAX_SNIPPET - 2);
        return (from > 0 ? "…" : "") + s.substring(from, to).trim() + (to < s.length() ? "…" : "");
    }
}
