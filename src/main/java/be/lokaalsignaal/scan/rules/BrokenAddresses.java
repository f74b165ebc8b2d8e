package be.lokaalsignaal.scan.rules;

/**
 * An address that a PDF's line broke without a hyphen ("www.seksueel" / "geweld.be"). The extracted text has a
 * space inside the host, so no word of the page is the host and the mention pattern does not see it. Looked for
 * only right after "www.", which a broken address in running text has and an ordinary sentence does not: "over
 * seksueel geweld.be..." is no address, "www.seksueel geweld.be" is one. The address broken right after "www." or
 * at a hyphen needs nothing of this: its host is a word of its own, or joined as the words are read. A page's
 * paragraphs are searched only where a word starts the address so ({@link SignalCatalogue.WatchedHost#brokenStarts}):
 * reading every paragraph again cost a 5 MB page 2 ms.
 *
 * <p>A table's cell may wrap the address too, and its text then comes out row by row: the rest of the row's columns
 * stand between the two parts ("www.seksueelgeweld.   altijd online" and, on the next line under it, "be"). A narrow
 * column breaks it anywhere, inside a word too ("https://www.seksueelge" and, a line lower, "weld.be/hulp-zoeken").
 * So where the host breaks at a space, or after a hyphen that ends a line ("www.seksueel-"), a few words may stand in
 * the break, if what follows them is the rest of the host as a word of its own and none of them is an address. An
 * address without "www." broken so ("https://seksueelgewe" / "ld.be") is not looked for: its first part is a word
 * like any other.
 */
final class BrokenAddresses {

    private BrokenAddresses() {
    }

    /**
     * The text with the break taken out of its first address of the host that "www." precedes and one break splits
     * between two of its characters (a space, or other columns' words as {@link #gapInside} reads them); null when it
     * has none. The mention pattern still decides whether the joined address is the host's (not a longer host, an
     * e-mail address or a word).
     */
    static String joined(String text, String host) {
        for (int dot = text.indexOf('.', 3); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            if (isW(text.charAt(dot - 1)) && isW(text.charAt(dot - 2)) && isW(text.charAt(dot - 3))) {
                long gap = gapInside(text, dot + 1, host);
                if (gap >= 0) {
                    return text.substring(0, (int) (gap >>> 32)) + text.substring((int) gap);
                }
            }
        }
        return null;
    }

    /**
     * Words of a table's other columns that may stand where a cell wrapped the address: the rest of its row and the
     * next row's columns before it.
     */
    static final int MAX_COLUMN_WORDS = 12;

    private static boolean isW(char c) {
        return c == 'w' || c == 'W';
    }

    /**
     * Where the break stands (its start in the high half, its end in the low half) when the text holds the host from
     * {@code from} with one break inside it: one space, the host going on right after it; at a space, a few words of
     * other columns and then the host's rest as a word of its own; or a hyphen at a line's end, other columns' words
     * and the rest so; else -1.
     */
    private static long gapInside(String text, int from, String host) {
        long gap = -1;
        int i = from;
        for (int h = 0; h < host.length(); h++, i++) {
            if (h > 0 && gap < 0 && i + 1 < text.length() && text.charAt(i) == '-'
                    && Character.isWhitespace(text.charAt(i + 1)) && host.charAt(h) != '-') {
                int end = restAfterColumns(text, i + 1, host.substring(h), 0);
                if (end < 0) {
                    return -1;
                }
                gap = (long) i << 32 | end;
                i = end;
            } else if (h > 0 && gap < 0 && i < text.length() && text.charAt(i) == ' ') {
                // the host's rest right after the space is the address going on ('www.seksueel geweld.be.example.org'
                // is that longer host); only where it is not may other columns' words stand in the break
                int end = text.regionMatches(true, i + 1, host, h, host.length() - h) ? -1
                        : restAfterColumns(text, i, host.substring(h), 1);
                gap = (long) i << 32 | (end >= 0 ? end : i + 1);
                i = (int) gap;
            }
            if (i >= text.length() || Character.toLowerCase(text.charAt(i)) != Character.toLowerCase(host.charAt(h))) {
                return -1;
            }
        }
        return gap;
    }

    /**
     * Where the host's rest starts when, from the space at {@code space}, at least {@code fewest} and up to
     * {@link #MAX_COLUMN_WORDS} words stand before it, none of them an address of its own, and it is a word of its
     * own; else -1.
     */
    private static int restAfterColumns(String text, int space, String rest, int fewest) {
        int i = space;
        for (int words = 0; words <= MAX_COLUMN_WORDS; words++) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (words >= fewest && text.regionMatches(true, i, rest, 0, rest.length())
                    && (i + rest.length() == text.length() || !isHostCharacter(text.charAt(i + rest.length())))) {
                return i;
            }
            // another address in between is where a rest after it belongs ('www.seksueel geweld en
            // www.nietseksueel geweld.be')
            if (text.regionMatches(true, i, "www.", 0, 4)) {
                return -1;
            }
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
        }
        return -1;
    }

    private static boolean isHostCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }
}
