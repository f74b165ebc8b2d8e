package be.lokaalsignaal.scan.rules;

import java.util.Locale;

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
 * the break, if what follows them is the rest of the host as a word of its own and none of them is an address.
 *
 * <p>An address without "www." broken so ("https://seksueelgewe" / "ld.be", "seksueel" / "geweld.be") is looked for
 * from its rest ({@link #joinedBefore}): its first part may be a word like any other ("seksueel"), but a rest that
 * holds the host's dot is no word of a sentence.
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
     * The text with the break taken out of its first address of the host broken inside its name without "www.": a
     * word that ends in the host's first part (the whole word, or after "//" or another character no host has), then
     * up to {@link #MAX_COLUMN_WORDS} words of other columns, none of them an address, then the rest of the host as a
     * word of its own, holding the host's dot; null when it has none. A whole word right before the rest is not
     * joined: "seksueel geweld.be" is read as words, as without the broken-address search. The mention pattern still
     * decides.
     */
    static String joinedBefore(String text, String host) {
        int dot = host.indexOf('.');
        String topLevel = host.substring(host.lastIndexOf('.'));
        for (int split = 1; split < dot; split++) {
            String first = host.substring(0, split);
            String rest = host.substring(split);
            for (int at = indexOfIgnoreCase(text, rest, 0); at >= 0; at = indexOfIgnoreCase(text, rest, at + 1)) {
                boolean ownWord = at > 0 && Character.isWhitespace(text.charAt(at - 1))
                        && (at + rest.length() == text.length() || !isHostCharacter(text.charAt(at + rest.length())));
                int end = ownWord ? firstPartBefore(text, at, first, topLevel) : -1;
                if (end >= 0) {
                    return text.substring(0, end) + text.substring(at);
                }
            }
        }
        return null;
    }

    /**
     * Where the word that ends in {@code first} ends, it standing at most {@link #MAX_COLUMN_WORDS} words before
     * {@code rest} (a word's start) with no address between (a word with a scheme, "www." or the host's top-level
     * domain, {@code topLevel}); else -1.
     */
    private static int firstPartBefore(String text, int rest, String first, String topLevel) {
        int i = rest;
        for (int words = 0; words <= MAX_COLUMN_WORDS; words++) {
            while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
                i--;
            }
            int wordEnd = i;
            while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
                i--;
            }
            if (wordEnd == i) {
                return -1;
            }
            // the cell may have broken it at a hyphen of its own ("seksueelge-" / "weld.be")
            boolean hyphen = text.charAt(wordEnd - 1) == '-';
            int end = hyphen ? wordEnd - 1 : wordEnd;
            int start = end - first.length();
            if (start >= i && text.regionMatches(true, start, first, 0, first.length())
                    && (start == i || !isHostCharacter(text.charAt(start - 1)) && text.charAt(start - 1) != '.')) {
                // a whole word with the rest right after it reads as words and a stray ".be" ('seksueel geweld.be op
                // school'); after a scheme, at a hyphen, or with other columns' words between, it is the address
                return words == 0 && start == i && !hyphen ? -1 : end;
            }
            // another address in between is where a rest after it belongs
            String word = text.substring(i, wordEnd);
            if (word.contains("://") || word.regionMatches(true, 0, "www.", 0, 4)
                    || word.toLowerCase(Locale.ROOT).contains(topLevel)) {
                return -1;
            }
        }
        return -1;
    }

    private static int indexOfIgnoreCase(String text, String part, int from) {
        for (int i = from; i + part.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return i;
            }
        }
        return -1;
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
