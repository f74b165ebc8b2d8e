package be.lokaalsignaal.register;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folding of Dutch text for matching: lower case, accents removed, hyphens and apostrophes
 * treated as spaces. Folding keeps the length of the text so that a match in the folded text
 * points at the same characters in the original.
 */
public final class TextFold {

    private TextFold() {
    }

    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(foldChar(text.charAt(i)));
        }
        return out.toString();
    }

    static char foldChar(char c) {
        if (c < 128) {
            if (c == '-') {
                return ' ';
            }
            return Character.toLowerCase(c);
        }
        switch (c) {
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u00a0', '\u2009', '\u202f':
                return ' ';
            case '\u2018', '\u2019', '\u201a', '\u201b':
                return '\'';
            case '\u201c', '\u201d', '\u201e':
                return '"';
            default:
                break;
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = decomposed.isEmpty() ? c : decomposed.charAt(0);
        return Character.toLowerCase(base);
    }

    /** A URL- and id-safe slug: folded, runs of other characters become one hyphen, at most 80 characters. */
    public static String slug(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "zonder-titel" : slug;
    }
}
