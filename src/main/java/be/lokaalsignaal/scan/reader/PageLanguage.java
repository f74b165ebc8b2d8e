package be.lokaalsignaal.scan.reader;

import java.util.List;

/**
 * Whether a page is written in another language than Dutch: a page for international students in English, a
 * facility municipality's page in French, a coastal town's page for German tourists. The readers learned from Dutch
 * pages; on such a page their score weighs the few Dutch words of its menu and says nothing (an English page on the
 * city's charter with the bars scored 0.02), so the rules decide there. Told by the commonest short words of each
 * language, which every running text has and lists of links or dates do not: a Dutch page with an English or French
 * paragraph stays Dutch, and a page with neither (a list of help lines) is not called foreign.
 */
public final class PageLanguage {

    /** Words Dutch text uses often and English and French text does not ('en', 'de', 'of' are theirs too). */
    static final List<String> DUTCH = List.of("het", "een", "van", "voor", "niet", "ook", "zijn", "wordt", "worden",
            "met", "die", "dat", "naar", "bij");

    /**
     * Words English, French or German text uses often and Dutch text does not (not German 'die' or 'den', which are
     * Dutch too, nor 'uber', a taxi home on a Dutch page).
     */
    static final List<String> FOREIGN = List.of("the", "and", "with", "you", "your", "this", "are", "for", "from",
            "will", "our", "le", "la", "les", "des", "et", "du", "pour", "une", "est", "vous", "avec", "dans", "sur",
            "au", "aux", "und", "ist", "nicht", "sie", "wir", "ihr", "ihre", "eine", "einen", "auf", "auch", "mit",
            "das", "fur", "sind", "oder", "wird", "zum", "zur", "dem", "sich");

    /** Fewer foreign words than this say nothing: a short page, a name, a quotation. */
    static final int FEWEST_FOREIGN = 10;

    private PageLanguage() {
    }

    /**
     * Whether a page's words, numbered by a lexicon whose markers' languages are {@code language} ({@link #languages}),
     * are foreign rather than Dutch: at least ten such, and twice its Dutch ones.
     */
    static boolean foreign(byte[] language, int[] ids, int words) {
        int dutch = 0;
        int foreign = 0;
        for (int w = 0; w < words; w++) {
            int id = ids[w];
            if (id >= 0 && id < language.length) {
                dutch += language[id] & 1;
                foreign += language[id] >> 1;
            }
        }
        return foreign >= FEWEST_FOREIGN && foreign > 2 * dutch;
    }

    /**
     * Each marker's language by its number in the lexicon (1 Dutch, 2 foreign, 0 none), up to the highest: the lexicon
     * numbers them among its first words, so the table is short and a page's word is told by one look.
     */
    static byte[] languages(Lexicon lexicon) {
        int most = 0;
        for (String w : DUTCH) {
            most = Math.max(most, lexicon.id(w));
        }
        for (String w : FOREIGN) {
            most = Math.max(most, lexicon.id(w));
        }
        byte[] language = new byte[most + 1];
        for (String w : DUTCH) {
            mark(language, lexicon.id(w), (byte) 1);
        }
        for (String w : FOREIGN) {
            mark(language, lexicon.id(w), (byte) 2);
        }
        return language;
    }

    private static void mark(byte[] language, int id, byte as) {
        if (id >= 0) {
            language[id] = as;
        }
    }
}
