package be.lokaalsignaal.scan.rules.before;

import java.text.Normalizer;

/**
 * Folds text for matching: lower case, accents removed, everything that is not a letter or digit turned
 * into a space. One char in, one char out, so a match position in folded text is the same position in the
 * original text, and the evidence snippet can be cut from the original.
 */
final class TextFold {

    private TextFold() {
    }

    static String fold(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < s.length(); i++) {
            out[i] = foldChar(s.charAt(i));
        }
        return new String(out);
    }

    private static char foldChar(char c) {
        if (c < 128) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                return c;
            }
            if (c >= 'A' && c <= 'Z') {
                return (char) (c + 32);
            }
            return ' ';
        }
        if (Character.isSurrogate(c) || !Character.isLetterOrDigit(c)) {
            return ' ';
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = Character.toLowerCase(decomposed.charAt(0));
        return base < 128 && Character.isLetterOrDigit(base) ? base : Character.toLowerCase(c);
    }
}
