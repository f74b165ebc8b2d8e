package be.lokaalsignaal.scan.rules;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Texts' characters one after the other in one array, each followed by a line break, and where each starts: a
 * page's paragraphs are read into it once, then cut into words and compared with the page's sections from it. Each
 * paragraph string is touched once (a 5 MB page: 27,000 strings scattered over the heap, each a cache miss or two
 * away), and a section is compared with them as arrays, many characters at a time.
 *
 * <p>The array is the next page's when this page is done with it ({@link #release}): a 5 MB page's is 9 MB, which
 * a new array would zero, and allocate outside the thread's buffer, for every page. One spare for all threads, not
 * one each: sixteen crawling threads do not each keep the largest page they read.
 */
final class JoinedTexts {

    /** The largest array kept for the next page: a 5 MB page's characters, with room to spare (16 MB). */
    private static final int MAX_SPARE = 1 << 23;
    private static final AtomicReference<char[]> SPARE = new AtomicReference<>();

    private char[] chars;
    /** Where text i starts; at[n] is the end of the last text's line break. */
    private final int[] at;
    private final int count;

    private JoinedTexts(char[] chars, int[] at, int count) {
        this.chars = chars;
        this.at = at;
        this.count = count;
    }

    /** The texts joined, in the spare array when there is one (grown if need be). */
    static JoinedTexts of(List<String> texts) {
        int n = texts.size();
        int[] at = new int[n + 1];
        int total = 0;
        char[] chars = SPARE.getAndSet(null);
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

    /** Where text i starts in {@link #chars}. */
    int from(int i) {
        return at[i];
    }

    /** Where text i ends, before its line break. */
    int to(int i) {
        return at[i + 1] - 1;
    }

    /** Hands the array on to the next page, unless a spare is there already; the characters are not read after this. */
    void release() {
        if (chars != null && chars.length <= MAX_SPARE) {
            SPARE.compareAndSet(null, chars);
        }
        chars = null;
    }
}
