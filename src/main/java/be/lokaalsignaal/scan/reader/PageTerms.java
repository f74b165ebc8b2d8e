package be.lokaalsignaal.scan.reader;

import be.lokaalsignaal.scan.extract.PageContent;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The terms a reader weighs on a page: its words and pairs of neighbouring words, in lower case without accents,
 * each counted once, and the page's length in words. The municipality's own name becomes the one word {@value #OWN},
 * so that what the corpus learned about "de stad Gent" on Gent's pages holds for "de stad Lier" on Lier's; a pair
 * never spans two paragraphs. The title is read as a paragraph before the others.
 */
public final class PageTerms {

    public static final String OWN = "{gemeente}";

    /** The accent-free lower case of the first 0x250 characters (Latin with its extensions); 0 for a mark. */
    private static final char[] FOLD = new char[0x250];

    /** Whether the fold of such a character is a letter or digit: asked for every character of a page. */
    private static final boolean[] LETTER = new boolean[FOLD.length];

    /** What {@link #wordChar} says of a character that is dropped without ending its word (a mark). */
    static final char DROPPED = 0xFFFF;

    /** Both tables in one, as {@link #wordChar} reads them: one look-up per character of a page, not two. */
    private static final char[] WORD_CHAR = new char[FOLD.length];

    static {
        for (char c = 0; c < FOLD.length; c++) {
            String folded = Normalizer.normalize(String.valueOf(c).toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
            FOLD[c] = folded.isEmpty() || Character.getType(folded.charAt(0)) == Character.NON_SPACING_MARK
                    ? 0 : folded.charAt(0);
            LETTER[c] = Character.isLetterOrDigit(FOLD[c]);
            WORD_CHAR[c] = FOLD[c] == 0 ? DROPPED : LETTER[c] ? FOLD[c] : 0;
        }
    }

    /**
     * What a character is to a word, as {@link #fold} and {@link #inWord} together say: its fold where that is a
     * letter or digit, {@link #DROPPED} where it is dropped (a mark), 0 where it ends a word.
     */
    static char wordChar(char c) {
        if (c < WORD_CHAR.length) {
            return WORD_CHAR[c];
        }
        char f = fold(c);
        return f == 0 ? DROPPED : inWord(c, f) ? f : 0;
    }

    /** Receives a page's paragraphs as words: the title first (index -1), then every paragraph by its index. */
    public interface Paragraphs {
        void paragraph(int index, List<String> words);
    }

    /**
     * The page's terms and length, and per paragraph its own terms (for showing where a reader found its words).
     *
     * @param words how many words the page has, title included
     */
    public record Terms(Set<String> all, int words, List<Set<String>> perParagraph) {
    }

    private PageTerms() {
    }

    /**
     * @param ownNames the municipality's names as the register knows them; empty when the site is not known
     */
    public static Terms of(PageContent content, Collection<String> ownNames) {
        Set<String> all = new HashSet<>();
        List<Set<String>> per = new ArrayList<>();
        int[] words = new int[1];
        read(content, ownNames, (index, w) -> {
            Set<String> t = terms(w);
            all.addAll(t);
            words[0] += w.size();
            if (index >= 0) {
                per.add(t);
            }
        });
        return new Terms(all, words[0], per);
    }

    /** Reads the page's title and paragraphs as words, the municipality's own name as {@value #OWN}. */
    public static void read(PageContent content, Collection<String> ownNames, Paragraphs sink) {
        List<List<String>> names = new ArrayList<>();
        for (String name : ownNames) {
            List<String> w = words(name);
            if (!w.isEmpty()) {
                names.add(w);
            }
        }
        // longest first: 'Sint-Martens-Latem' before a shorter name it holds
        names.sort((a, b) -> b.size() - a.size());
        if (content.title() != null) {
            sink.paragraph(-1, withOwnName(words(content.title()), names));
        }
        List<String> paragraphs = content.paragraphBlocks();
        for (int i = 0; i < paragraphs.size(); i++) {
            sink.paragraph(i, withOwnName(words(paragraphs.get(i)), names));
        }
    }

    static Set<String> terms(List<String> words) {
        Set<String> out = new HashSet<>();
        String previous = null;
        for (String w : words) {
            out.add(w);
            if (previous != null) {
                out.add(previous + ' ' + w);
            }
            previous = w;
        }
        return out;
    }

    /**
     * Lower case without accents, cut where a character is neither letter nor digit (a mark, as in a decomposed
     * 'é', stays in its word and is dropped).
     */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f = fold(c);
            if (f == 0) {
                continue;
            }
            if (inWord(c, f)) {
                word.append(f);
            } else if (!word.isEmpty()) {
                out.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }

    /** A character in lower case without its accent; 0 for a mark, which belongs to the word it is in. */
    static char fold(char c) {
        if (c < FOLD.length) {
            return FOLD[c];
        }
        return Character.getType(c) == Character.NON_SPACING_MARK ? 0 : Character.toLowerCase(c);
    }

    /** Whether a character, folded to f, belongs in a word: a letter or a digit. */
    static boolean inWord(char c, char f) {
        return c < LETTER.length ? LETTER[c] : Character.isLetterOrDigit(f);
    }

    private static List<String> withOwnName(List<String> words, List<List<String>> names) {
        if (names.isEmpty()) {
            return words;
        }
        List<String> out = new ArrayList<>(words.size());
        int i = 0;
        while (i < words.size()) {
            int skip = 0;
            for (List<String> name : names) {
                if (startsWith(words, i, name)) {
                    skip = name.size();
                    break;
                }
            }
            if (skip > 0) {
                out.add(OWN);
                i += skip;
            } else {
                out.add(words.get(i++));
            }
        }
        return out;
    }

    private static boolean startsWith(List<String> words, int at, List<String> name) {
        if (at + name.size() > words.size()) {
            return false;
        }
        for (int k = 0; k < name.size(); k++) {
            if (!words.get(at + k).equals(name.get(k))) {
                return false;
            }
        }
        return true;
    }
}
