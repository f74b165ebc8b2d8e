package be.lokaalsignaal.scan.rules;

import java.util.List;

/**
 * Texts' characters one after the other in one array, each followed by a line break, and where each starts: a
 * page's paragraphs are read into it once, then cut into words and compared with the page's sections from it. Each
 * paragraph string is touched once (a 5 MB page: 27,000 strings scattered over the heap, each a cache miss or two
 * away), and a section is compared with them as arrays, many characters at a time.
 *
 * <p>The array is a thread's spare when the page is done with it ({@link #release}): a 5 MB page's is 9 MB, which a
 * new array would zero, and allocate outside the thread's buffer, for every page.
 */
final class JoinedTexts {

    /** The largest array a thread keeps for its next page: a 5 MB page's characters, with room to spare. */
    private static final int MAX_SPARE = 1 << 23;
    private static final ThreadLocal<char[]> SPARE = new ThreadLocal<>();

    private char[] chars;
    /** Where text i starts; at[n] is the end of the last text's line break. */
    private final int[] at;
    private final int count;

    private JoinedTexts(char[] chars, int[] at, int count) {
        this.chars = chars;
        this.at = at;
        this.count = count;
    }

    /** The texts joined, in an array of this thread's when it has one large enough. */
    static JoinedTexts of(List<String> texts) {
        int n = texts.size();
        int[] at = new int[n + 1];
        int total = 0;
        char[] chars = SPARE.get();
        SPARE.remove();
        if (chars == null) {
            chars = new char[1024];
        }
        for (int i = 0; i < n; i++) {
            String s = texts.get(i);
            int length = s.length();
            at[i] = total;
            if (total + length + 1 > chars.length) {
                // grown as the texts come: their lengths are not summed first, which would touch every string twice
                char[] bigger = new char[Math.max(total + length + 1, chars.length * 2)];
                System.arraycopy(chars, 0, bigger, 0, total);
                chars = bigger;
            }
            s.getChars(0, length, chars, total);
            total += length;
            chars[total++] = '\n';
        }
        at[n] = total;
        return new JoinedTexts(chars, at, n);
    }

    /** The characters; valid until {@link #release}. */
    char[] chars() {
        return chars;
    }

    int count() {
        return count;
    }

    /** Where each text starts, and after the last where its line break ends. */
    int[] starts() {
        return at;
    }

    /** Where text i starts in {@link #chars}. */
    int from(int i) {
        return at[i];
    }

    /** Where text i ends, before its line break. */
    int to(int i) {
        return at[i + 1] - 1;
    }

    /** Hands the array back to the thread for its next page; the characters are not read after this. */
    void release() {
        if (chars != null && chars.length <= MAX_SPARE) {
            SPARE.set(chars);
        }
        chars = null;
    }
}
